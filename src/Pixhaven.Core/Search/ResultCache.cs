using System.Collections.Concurrent;
using Pixhaven.Core.Catalog;

namespace Pixhaven.Core.Search;

/// <summary>
/// Keeps the results of expensive overviews (facets, calendar) until the catalog changes: counting a million photos
/// takes seconds, and a library is read far more often than it changes. Any commit, by any process, empties it.
/// </summary>
public sealed class ResultCache(ICatalogProvider provider)
{
    private const int MaxEntries = 512;
    private readonly ConcurrentDictionary<string, object> _entries = new(StringComparer.Ordinal);
    private long _stamp = -1;

    public async Task<T> GetOrAddAsync<T>(string key, Func<Task<T>> compute, CancellationToken cancellationToken)
        where T : class
    {
        var stamp = await provider.ChangeStampAsync(cancellationToken);
        if (Interlocked.Exchange(ref _stamp, stamp) != stamp || _entries.Count > MaxEntries)
        {
            _entries.Clear();
        }

        if (_entries.TryGetValue(key, out var cached) && cached is T hit)
        {
            return hit;
        }

        var result = await compute();
        // Stored only when nothing changed meanwhile, so a result never outlives the data it was computed from.
        if (await provider.ChangeStampAsync(cancellationToken) == stamp)
        {
            _entries[key] = result;
        }

        return result;
    }
}
