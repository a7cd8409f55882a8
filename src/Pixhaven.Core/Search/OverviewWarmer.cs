using Microsoft.Extensions.Logging;
using Pixhaven.Core.Catalog;
using Pixhaven.Core.Indexing;
using Pixhaven.Core.Search.Query;

namespace Pixhaven.Core.Search;

/// <summary>
/// Computes the whole-library overviews again once the catalog has settled after a change: the facets behind the
/// library's year scrubber and search suggestions, the calendar, labels, places, moments and people, and the ladder of
/// positions in the newest-first order (a link to a photo deep in the library). Each is a full scan, seconds on a
/// million photos, and any change to the library empties <see cref="ResultCache"/>; without this the first person to
/// open them after an edit or an index run waits for those scans. Nothing is computed while an index run writes.
/// </summary>
public sealed class OverviewWarmer(ICatalogProvider provider, PhotoSearch search, LibraryBrowser browser, Indexer indexer, ILogger<OverviewWarmer> logger)
{
    /// <summary>How often the catalog's change stamp is read; it must stay the same for one interval to count as settled.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(3);

    /// <summary>Watches the catalog until cancelled, computing the overviews after each settled change (and at start).</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        // The stamp as the server found the catalog: unchanged at the first tick, the overviews are computed then.
        long? warmed = null, seen = await StampOrNullAsync(cancellationToken);
        using var timer = new PeriodicTimer(Interval);
        while (await timer.WaitForNextTickAsync(cancellationToken))
        {
            try
            {
                var stamp = await provider.ChangeStampAsync(cancellationToken);
                if (stamp == warmed || indexer.IsRunning || stamp != seen)
                {
                    seen = stamp;
                    continue;
                }

                await WarmAsync(cancellationToken);
                warmed = stamp;
            }
            catch (Exception) when (cancellationToken.IsCancellationRequested)
            {
                return; // stopping: whatever the catalog's driver threw on the way out
            }
            catch (Exception e)
            {
                // A catalog that is briefly unreachable (a PostgreSQL restart) is tried again at the next change.
                logger.LogWarning("Could not compute the library overviews ahead: {Reason}", e.Message);
                warmed = seen;
            }
        }
    }

    private async Task<long?> StampOrNullAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await provider.ChangeStampAsync(cancellationToken);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning("Could not read the catalog's change stamp: {Reason}", e.Message);
            return null;
        }
    }

    /// <summary>Computes each whole-library overview, or finds it cached.</summary>
    public async Task WarmAsync(CancellationToken cancellationToken)
    {
        var all = SearchQuery.Empty;
        await search.FacetsAsync(all, cancellationToken);
        await browser.CalendarAsync(all, cancellationToken);
        await browser.LabelsAsync(all, cancellationToken);
        await browser.CamerasAsync(all, cancellationToken);
        await browser.PlacesAsync(all, cancellationToken);
        await browser.MomentsAsync(all, cancellationToken);
        await browser.PeopleAsync(all, cancellationToken);
        await search.WarmPositionsAsync(cancellationToken);
    }
}
