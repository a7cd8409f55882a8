using System.Collections.Concurrent;
using Pixhaven.Core.Model;

namespace Pixhaven.Core.Indexing;

/// <summary>
/// Lookups shared by the parallel analysis of one run: which catalogued files vanished from their path (so a new
/// path with the same hash is a move), and which photo already shows a given content (so it is a duplicate).
/// </summary>
public sealed class IndexPlan
{
    private readonly ConcurrentDictionary<string, ConcurrentQueue<CatalogFileState>> _vanishedByHash;
    private readonly Dictionary<string, (long PhotoId, string ThumbnailKey)> _photoByHash;

    public IndexPlan(IEnumerable<CatalogFileState> catalogued, IReadOnlySet<string> presentPaths)
    {
        var all = catalogued.ToList();
        Vanished = all.Where(f => !presentPaths.Contains(f.Path)).ToList();
        _vanishedByHash = new ConcurrentDictionary<string, ConcurrentQueue<CatalogFileState>>(
            Vanished.Where(f => f.Hash is not null && f.PhotoId is not null)
                .GroupBy(f => f.Hash!)
                .ToDictionary(g => g.Key, g => new ConcurrentQueue<CatalogFileState>(g)));
        _photoByHash = all
            .Where(f => f is { Hash: not null, PhotoId: not null, ThumbnailKey: not null, Missing: false, Status: FileStatus.Indexed or FileStatus.Partial } && presentPaths.Contains(f.Path))
            .GroupBy(f => f.Hash!)
            .ToDictionary(g => g.Key, g => (g.First().PhotoId!.Value, g.First().ThumbnailKey!));
    }

    /// <summary>Catalogued files whose path was not found by this scan.</summary>
    public IReadOnlyList<CatalogFileState> Vanished { get; }

    /// <summary>Takes a vanished file with this content, so that only one new path can claim it.</summary>
    public CatalogFileState? ClaimVanished(string hash) =>
        _vanishedByHash.TryGetValue(hash, out var queue) && queue.TryDequeue(out var file) ? file : null;

    /// <summary>A photo with a file of this content, present and with thumbnails, and the key they are kept under.</summary>
    public (long PhotoId, string ThumbnailKey)? PhotoWithContent(string hash) => _photoByHash.TryGetValue(hash, out var shown) ? shown : null;
}
