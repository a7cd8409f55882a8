using Microsoft.EntityFrameworkCore;
using Pixhaven.Core.Catalog;
using Pixhaven.Core.Media.Metadata;
using Pixhaven.Core.Model;
using Pixhaven.Core.Organizing;
using Pixhaven.Core.Scanning;

namespace Pixhaven.Core.Indexing;

/// <summary>
/// The albums of a Google Photos export (Takeout) an import brings in: each album is a folder with its own
/// metadata.json (title, description) and copies of its photos. After the import's index run the album is made, or
/// found by its title when an earlier import made it, and given the photos whose content its folder holds, wherever
/// the library keeps them (the copies themselves are left in import, as the library has their content).
/// </summary>
public sealed class TakeoutAlbums(IDbContextFactory<CatalogDbContext> contextFactory, AlbumService albums)
{
    private const int MaxMetadataBytes = 1024 * 1024;

    private readonly Dictionary<string, (string Title, string? Description)> _byFolder = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HashSet<string>> _contents = new(StringComparer.Ordinal);

    /// <summary>Notes a file of the import and its content hash; an album's metadata.json names its folder's album.</summary>
    public void Note(ScannedFile file, string hash)
    {
        var folder = Path.GetDirectoryName(file.RelativePath) ?? "";
        if (file.RelativePath.EndsWith(".json", StringComparison.OrdinalIgnoreCase) && file.Size <= MaxMetadataBytes
            && GoogleTakeoutMetadata.ReadAlbum(File.ReadAllBytes(file.FullPath)) is { } album)
        {
            _byFolder[folder] = album;
            return;
        }

        if (!_contents.TryGetValue(folder, out var hashes))
        {
            _contents[folder] = hashes = new HashSet<string>(StringComparer.Ordinal);
        }

        hashes.Add(hash);
    }

    /// <summary>The album a metadata.json of this import describes, for the note on the file left in import.</summary>
    public string? TitleOf(ScannedFile file) =>
        _byFolder.TryGetValue(Path.GetDirectoryName(file.RelativePath) ?? "", out var album) && file.RelativePath.EndsWith(".json", StringComparison.OrdinalIgnoreCase)
            ? album.Title
            : null;

    /// <summary>Makes or finds each album and adds its photos; returns each album's title and how many photos it gained.</summary>
    public async Task<IReadOnlyList<(string Title, int Added)>> ApplyAsync(CancellationToken cancellationToken)
    {
        var result = new List<(string, int)>();
        foreach (var (folder, album) in _byFolder.OrderBy(a => a.Key, StringComparer.Ordinal))
        {
            if (!_contents.TryGetValue(folder, out var hashes))
            {
                continue;
            }

            List<string> photos;
            await using (var db = await contextFactory.CreateDbContextAsync(cancellationToken))
            {
                var wanted = hashes.ToList();
                photos = (await db.Files
                        .Where(f => f.Hash != null && wanted.Contains(f.Hash) && f.PhotoId != null && (f.Type == MediaType.Image || f.Type == MediaType.Raw || f.Type == MediaType.Video))
                        .Select(f => new { f.Photo!.Uid, f.Photo.TakenAtUtc }).ToListAsync(cancellationToken))
                    .OrderBy(p => p.TakenAtUtc).Select(p => p.Uid).Distinct().ToList();
            }

            if (photos.Count == 0)
            {
                continue;
            }

            var existing = (await albums.ListAsync(cancellationToken)).FirstOrDefault(a => a.Title == album.Title);
            var uid = existing?.Uid ?? (await albums.CreateAsync(album.Title, album.Description, cancellationToken)).Uid;
            var added = 0;
            foreach (var chunk in photos.Chunk(PhotoEditor.MaxSelection))
            {
                added += await albums.AddAsync(uid, chunk, cancellationToken) ?? 0;
            }

            result.Add((album.Title, added));
        }

        return result;
    }
}
