using Microsoft.EntityFrameworkCore;
using Pixhaven.Core.Catalog;
using Pixhaven.Core.Media.Metadata;
using Pixhaven.Core.Model;
using Pixhaven.Core.Organizing;
using Pixhaven.Core.Scanning;

namespace Pixhaven.Core.Indexing;

/// <summary>
/// The albums of a Google Photos export (Takeout): each album is a folder with its own metadata.json (title,
/// description) and copies of its photos. The album is made, or found by its title when an earlier run made it, and
/// given its photos: on import, after the import's index run, the photos whose content the folder holds, wherever the
/// library keeps them (the copies themselves are left in import, as the library has their content); for an export
/// indexed where it lies, the photos of the files in the folder, when its metadata.json is new or changed.
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
        if (AlbumOf(file) is { } album)
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
        _byFolder.TryGetValue(Path.GetDirectoryName(file.RelativePath) ?? "", out var album) && IsJson(file)
            ? album.Title
            : null;

    /// <summary>Makes or finds each album of the import and adds its photos; returns each album's title and how many photos it gained.</summary>
    public async Task<IReadOnlyList<(string Title, int Added)>> ApplyAsync(CancellationToken cancellationToken)
    {
        var result = new List<(string, int)>();
        foreach (var (folder, album) in _byFolder.OrderBy(a => a.Key, StringComparer.Ordinal))
        {
            if (!_contents.TryGetValue(folder, out var hashes))
            {
                continue;
            }

            var wanted = hashes.ToList();
            if (await FillAsync(album, db => db.Files.Where(f => f.Hash != null && wanted.Contains(f.Hash)), _ => true, cancellationToken) is { } added)
            {
                result.Add((album.Title, added));
            }
        }

        return result;
    }

    /// <summary>
    /// For an export indexed where it lies: each of these files that is an album's metadata.json makes or finds its
    /// album and adds the photos of the files beside it (copies of photos kept elsewhere in the export included).
    /// </summary>
    public async Task<IReadOnlyList<(string Title, int Added)>> ApplyInPlaceAsync(IEnumerable<ScannedFile> files, CancellationToken cancellationToken)
    {
        var result = new List<(string, int)>();
        foreach (var file in files.Where(IsJson).OrderBy(f => f.RelativePath, StringComparer.Ordinal))
        {
            if (AlbumOf(file) is not { } album)
            {
                continue;
            }

            var folder = Path.GetDirectoryName(file.RelativePath)?.Replace('\\', '/') ?? "";
            var prefix = folder.Length > 0 ? folder + "/" : "";
            if (await FillAsync(album, db => db.Files.Where(f => f.Path.StartsWith(prefix) && !f.Missing), path => path.IndexOf('/', prefix.Length) < 0, cancellationToken) is { } added)
            {
                result.Add((album.Title, added));
            }
        }

        return result;
    }

    private static bool IsJson(ScannedFile file) => file.RelativePath.EndsWith(".json", StringComparison.OrdinalIgnoreCase);

    private static (string Title, string? Description)? AlbumOf(ScannedFile file) =>
        IsJson(file) && file.Size <= MaxMetadataBytes && file.NameProblem is null
            ? GoogleTakeoutMetadata.ReadAlbum(File.ReadAllBytes(file.FullPath))
            : null;

    /// <summary>
    /// Makes the album (or finds it by its title) and adds the photos of these files, oldest first; returns how many it
    /// gained, or null when the files have no photo.
    /// </summary>
    private async Task<int?> FillAsync((string Title, string? Description) album, Func<CatalogDbContext, IQueryable<PhotoFile>> files,
        Func<string, bool> keepPath, CancellationToken cancellationToken)
    {
        List<string> photos;
        await using (var db = await contextFactory.CreateDbContextAsync(cancellationToken))
        {
            photos = (await files(db)
                    .Where(f => f.PhotoId != null && (f.Type == MediaType.Image || f.Type == MediaType.Raw || f.Type == MediaType.Video))
                    .Select(f => new { f.Path, f.Photo!.Uid, f.Photo.TakenAtUtc }).ToListAsync(cancellationToken))
                .Where(p => keepPath(p.Path)).OrderBy(p => p.TakenAtUtc).Select(p => p.Uid).Distinct().ToList();
        }

        if (photos.Count == 0)
        {
            return null;
        }

        var existing = (await albums.ListAsync(cancellationToken)).FirstOrDefault(a => a.Title == album.Title);
        var uid = existing?.Uid ?? (await albums.CreateAsync(album.Title, album.Description, cancellationToken)).Uid;
        var added = 0;
        foreach (var chunk in photos.Chunk(PhotoEditor.MaxSelection))
        {
            added += await albums.AddAsync(uid, chunk, cancellationToken) ?? 0;
        }

        return added;
    }
}
