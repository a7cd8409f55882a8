using Microsoft.EntityFrameworkCore;
using Pixhaven.Core.Catalog;
using Pixhaven.Core.Options;
using Pixhaven.Hosting;

namespace Pixhaven.Cli;

/// <summary>The Core services for a CLI verb that works on the catalog without the web server.</summary>
public static class CliHost
{
    /// <summary>
    /// The services with a log quieter than the server's by default: a verb prints what happened itself, so its log shows
    /// only what is at least <paramref name="quietest"/>, unless <c>log-level</c> asks for less or more (debug, trace).
    /// </summary>
    public static async Task<ServiceProvider> CreateAsync(LoadedOptions loaded, LogLevel quietest, CancellationToken cancellationToken)
    {
        var asked = LogLevels.Parse(loaded.Values.LogLevel);
        var services = new ServiceCollection();
        services.AddLogging(logging => logging
            .SetMinimumLevel(asked == LogLevel.Information ? quietest : asked)
            .AddFilter("Microsoft", LogLevel.Warning)
            .AddVisibleConsole(toStandardError: true));
        services.AddPixhaven(loaded);
        var provider = services.BuildServiceProvider();
        await CatalogMigrator.MigrateAsync(provider.GetRequiredService<ICatalogProvider>(), provider.GetRequiredService<IDbContextFactory<CatalogDbContext>>, null, cancellationToken);
        return provider;
    }
}
