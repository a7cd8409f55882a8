using Microsoft.EntityFrameworkCore;
using Pixhaven.Api;
using Pixhaven.Core.Accounts;
using Pixhaven.Core.Catalog;

namespace Pixhaven.Hosting;

/// <summary>
/// Gets the catalog ready while Kestrel starts (schema, first admin, the status counts), on a core of its own: the two
/// are most of the start-up time and need nothing from each other. Requests wait for it; a failure stops the start.
/// </summary>
public sealed class CatalogStartup(IServiceProvider services, ILogger<CatalogStartup> logger)
{
    private Task? _preparing;

    /// <summary>Completes when the catalog can be used; faults with the reason when it cannot.</summary>
    public Task Ready => _preparing ?? throw new InvalidOperationException("the catalog start-up has not begun");

    public void Begin(CancellationToken cancellationToken) => _preparing ??= Task.Run(() => PrepareAsync(cancellationToken), cancellationToken);

    private async Task PrepareAsync(CancellationToken cancellationToken)
    {
        await CatalogMigrator.MigrateAsync(services.GetRequiredService<IDbContextFactory<CatalogDbContext>>(), logger, cancellationToken);
        await services.GetRequiredService<FirstAdmin>().EnsureAsync(cancellationToken);
        // Health checks and the web app ask for these first; counting also compiles the catalog's query pipeline.
        await StatusApi.CountsAsync(services, cancellationToken);
    }

    /// <summary>Makes the host's start wait for the catalog, and fail with its reason.</summary>
    internal sealed class HostedService(CatalogStartup startup) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken) => startup.Ready.WaitAsync(cancellationToken);

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}

/// <summary>Holds requests that arrive while the catalog is still being prepared.</summary>
public static class CatalogStartupGate
{
    public static IApplicationBuilder UseCatalogStartupGate(this IApplicationBuilder app)
    {
        var startup = app.ApplicationServices.GetRequiredService<CatalogStartup>();
        return app.Use(async (context, next) =>
        {
            var ready = startup.Ready;
            if (!ready.IsCompletedSuccessfully)
            {
                try
                {
                    await ready.WaitAsync(context.RequestAborted);
                }
                catch (Exception) when (!context.RequestAborted.IsCancellationRequested)
                {
                    // The start fails with the reason in the log; this request only learns that the server is not up.
                    context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
                    return;
                }
            }

            await next(context);
        });
    }
}
