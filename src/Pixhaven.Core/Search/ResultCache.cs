using System.Collections.Concurrent;
using Pixhaven.Core.Catalog;

namespace Pixhaven.Core.Search;

/// <summary>
/// Keeps the results of expensive overviews (facets, calendar) until the catalog changes: counting a million photos
/// takes seconds, and a library is read far more often than it changes. Any change to the library's content, by any
/// process, empties it (see <see cref="ICatalogProvider.ChangeStampAsync"/>); a sign-in or a session's last-seen time
/// does not.
/// Callers who ask for an overview while it is being computed (by <see cref="OverviewWarmer"/> or another request)
/// wait for that computation instead of starting a second one.
/// </summary>
public sealed class ResultCache(ICatalogProvider provider)
{
    private const int MaxEntries = 512;
    private readonly ConcurrentDictionary<string, Lazy<Task<object>>> _entries = new(StringComparer.Ordinal);
    private long _stamp = -1;

    /// <summary>Whether an overview is cached for the catalog as it is now, so that asking for it reads no photo.</summary>
    public async Task<bool> HoldsAsync(string key, CancellationToken cancellationToken) =>
        await TryGetAsync<object>(key, cancellationToken) is not null;

    /// <summary>The overview cached for the catalog as it is now; null when there is none, or it is still being computed.</summary>
    public async Task<T?> TryGetAsync<T>(string key, CancellationToken cancellationToken)
        where T : class =>
        Interlocked.Read(ref _stamp) == await provider.ChangeStampAsync(cancellationToken)
        && _entries.TryGetValue(key, out var entry) && entry.IsValueCreated && entry.Value.IsCompletedSuccessfully
            ? entry.Value.Result as T
            : null;

    public async Task<T> GetOrAddAsync<T>(string key, Func<Task<T>> compute, CancellationToken cancellationToken)
        where T : class
    {
        var stamp = await provider.ChangeStampAsync(cancellationToken);
        if (Interlocked.Exchange(ref _stamp, stamp) != stamp || _entries.Count > MaxEntries)
        {
            _entries.Clear();
        }

        Lazy<Task<object>>? mine = null;
        mine = new Lazy<Task<object>>(() => ComputeAsync(key, mine!, compute, stamp));
        var shared = _entries.GetOrAdd(key, mine);
        try
        {
            return (T)await shared.Value.WaitAsync(cancellationToken);
        }
        catch (Exception) when (shared != mine && !cancellationToken.IsCancellationRequested)
        {
            // The computation this caller joined failed or was cancelled with the caller who started it: its own.
            return await compute();
        }
    }

    private async Task<object> ComputeAsync<T>(string key, Lazy<Task<object>> entry, Func<Task<T>> compute, long stamp)
        where T : class
    {
        try
        {
            var result = await compute();
            // Kept only when nothing changed meanwhile, so a result never outlives the data it was computed from.
            if (await provider.ChangeStampAsync(CancellationToken.None) != stamp)
            {
                _entries.TryRemove(new KeyValuePair<string, Lazy<Task<object>>>(key, entry));
            }

            return result;
        }
        catch
        {
            _entries.TryRemove(new KeyValuePair<string, Lazy<Task<object>>>(key, entry));
            throw;
        }
    }
}
