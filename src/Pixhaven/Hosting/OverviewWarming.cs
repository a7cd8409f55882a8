using Pixhaven.Core.Search;

namespace Pixhaven.Hosting;

/// <summary>Runs <see cref="OverviewWarmer"/> for as long as the server does, from the moment the catalog is ready.</summary>
internal sealed class OverviewWarming(OverviewWarmer warmer, CatalogStartup startup) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await startup.Ready.WaitAsync(stoppingToken);
            await warmer.RunAsync(stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // the server stops
        }
        catch (Exception) when (startup.Ready.IsFaulted)
        {
            // no catalog to read: the start-up reports why
        }
    }
}
