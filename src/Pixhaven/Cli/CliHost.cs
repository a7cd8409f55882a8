using Microsoft.EntityFrameworkCore;
using Pixhaven.Core.Catalog;
using Pixhaven.Core.Options;
using Pixhaven.Hosting;

namespace Pixhaven.Cli;

/// <summary>The Core services for a CLI verb that works on the catalog without the web server.</summary>
public static class CliHost
{
    public static async Task<ServiceProvider> CreateAsync(LoadedOptions loaded, LogLevel minimumLevel, CancellationToken cancellationToken)
    {
        var services = new ServiceCollection();
        services.AddLogging(logging => logging
            .SetMinimumLevel(minimumLevel)
            .AddFilter("Microsoft", LogLevel.Warning)
            .AddVisibleConsole(toStandardError: true));
        services.AddPixhaven(loaded);
        var provider = services.BuildServiceProvider();
        await CatalogMigrator.MigrateAsync(provider.GetRequiredService<ICatalogProvider>(), provider.GetRequiredService<IDbContextFactory<CatalogDbContext>>, null, cancellationToken);
        return provider;
    }
}
