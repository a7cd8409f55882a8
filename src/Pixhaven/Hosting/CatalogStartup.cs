using Microsoft.EntityFrameworkCore;
using Pixhaven.Api;
using Pixhaven.Core.Accounts;
using Pixhaven.Core.Catalog;

namespace Pixhaven.Hosting;

/// <summary>
/// Gets the catalog ready while Kestrel starts (schema, first admin, the status counts), on a core of its own: the two
/// need nothing from each other. Requests wait for it; a failure stops the start. On a current catalog this takes a few
/// plain SQL reads (<see cref="CatalogProbe"/>); EF Core then warms up beside the first requests.
/// </summary>
public sealed class CatalogStartup(IServiceProvider services, ILogger<CatalogStartup> logger)
{
    private Task? _preparing;

    /// <summary>Completes when the catalog can be used; faults with the reason when it cannot.</summary>
    public Task Ready => _preparing ?? throw new InvalidOperationException("the catalog start-up has not begun");

    public void Begin(CancellationToken cancellationToken) => _preparing ??= Task.Run(() => PrepareAsync(cancellationToken), cancellationToken);

    private async Task PrepareAsync(CancellationToken cancellationToken)
    {
        await CatalogMigrator.MigrateAsync(services.GetRequiredService<ICatalogProvider>(), services.GetRequiredService<IDbContextFactory<CatalogDbContext>>, logger, cancellationToken);
        await services.GetRequiredService<FirstAdmin>().EnsureAsync(cancellationToken);
        // Health checks and the web app ask for these first.
        await StatusApi.CountsAsync(services, cancellationToken);
    }

    private int _warming;

    /// <summary>
    /// Runs EF Core's first query (its services built, its query pipeline compiled, about a second of CPU on two cores)
    /// in the background, once. Called after the first response: earlier, it would take a core from Kestrel's start and
    /// that first request; later, the first page of photos would wait for it.
    /// </summary>
    public void WarmUp(CancellationToken cancellationToken)
    {
        // A plain read first: every request calls this, and only the first may write.
        if (Volatile.Read(ref _warming) == 0 && Ready.IsCompletedSuccessfully && Interlocked.Exchange(ref _warming, 1) == 0)
        {
            _ = Task.Run(() => WarmUpAsync(cancellationToken), cancellationToken);
        }
    }

    private async Task WarmUpAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var db = await services.GetRequiredService<IDbContextFactory<CatalogDbContext>>().CreateDbContextAsync(cancellationToken);
            await db.Photos.AsNoTracking().Where(p => !p.Missing).OrderByDescending(p => p.TakenAtUtc).ThenByDescending(p => p.Id)
                .Select(p => p.Id).FirstOrDefaultAsync(cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning(e, "Warming up the catalog's queries failed; the first request will do it");
        }
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
        var stopping = app.ApplicationServices.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping;
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
            startup.WarmUp(stopping);
        });
    }
}
