namespace Pixhaven.Core.Media.Thumbnails;

/// <summary>
/// Where thumbnails live: <c>{cache}/{h[0..2]}/{h[2..4]}/{hash}_{size}.jpg</c>. Keyed by content hash, so a moved
/// or duplicated file reuses them, and sharded so no folder grows past a few thousand entries.
/// </summary>
public sealed class ThumbnailStore(string root)
{
    public string Root { get; } = root;

    public string PathFor(string hash, ThumbnailSize size)
    {
        if (!ContentHasher.IsValidHash(hash))
        {
            throw new ArgumentException("not a content hash", nameof(hash));
        }

        return Path.Combine(Root, hash[..2], hash[2..4], $"{hash}_{size.Name}.jpg");
    }

    public bool HasAll(string hash) => ThumbnailSize.All.All(s => File.Exists(PathFor(hash, s)));
}
