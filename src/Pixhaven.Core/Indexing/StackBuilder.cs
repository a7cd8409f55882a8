using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Pixhaven.Core.Catalog;
using Pixhaven.Core.Media.Metadata;
using Pixhaven.Core.Media.Thumbnails;
using Pixhaven.Core.Model;
using Pixhaven.Core.Options;
using Pixhaven.Core.Places;

namespace Pixhaven.Core.Indexing;

/// <summary>
/// Groups files that belong together into one photo, after a run has written every file: same folder and base name
/// (<see cref="StackKey"/>), or the same Apple content identifier in one folder (Live Photos). The photo with the
/// oldest record survives, so a stack keeps its public uid; the primary file follows <see cref="Rank"/>; XMP
/// sidecars in the stack are applied over embedded metadata, their orientation included (<see cref="PhotoOrienter"/>).
/// </summary>
public sealed class StackBuilder(
    IDbContextFactory<CatalogDbContext> contextFactory,
    Gazetteer gazetteer,
    PhotoOrienter orienter,
    PixhavenOptions options,
    ILogger<StackBuilder> logger)
{
    /// <summary>
    /// Which file a stack shows, lowest first: an edited still (what the user made), the camera's still, the RAW
    /// (its preview is usually the camera's JPEG rendering anyway), the video, then what a camera writes beside a
    /// video for its own screen: a thumbnail of it, and a low-resolution proxy. Ties go to the shortest path.
    /// </summary>
    public static int Rank(PhotoFile file) => Rank(file.Type, file.Path, file.Edited);

    /// <inheritdoc cref="Rank(PhotoFile)"/>
    public static int Rank(MediaType type, string path, bool edited) => type switch
    {
        MediaType.Image when IsVideoThumbnail(type, path) => 4,
        MediaType.Image => edited ? 0 : 1,
        MediaType.Raw => 2,
        MediaType.Video when IsVideoProxy(type, path) => 5,
        MediaType.Video => 3,
        _ => 9,
    };

    /// <summary>
    /// The small JPEG Canon cameras and GoPros write beside a video ("MVI_0108.THM"): part of the video's photo, not a
    /// still of it, so the photo stays a video rather than a Live Photo of a 160 px picture.
    /// </summary>
    public static bool IsVideoThumbnail(PhotoFile file) => IsVideoThumbnail(file.Type, file.Path);

    private static bool IsVideoThumbnail(MediaType type, string path) =>
        type == MediaType.Image && path.EndsWith(".thm", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// The low-resolution copy drones and action cameras record beside a video for their app's preview (DJI's
    /// "DJI_0001.LRF", GoPro's ".LRV"): kept in the stack, never the video it plays.
    /// </summary>
    private static bool IsVideoProxy(MediaType type, string path) =>
        type == MediaType.Video && (path.EndsWith(".lrf", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".lrv", StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// The files other than the group's that the photos show. Another group of this chunk may have changed which one that
    /// is without saving yet, so the catalog's answer is joined with the tracked files and read as they are now.
    /// </summary>
    private static async Task<List<PhotoFile>> ShownElsewhereAsync(CatalogDbContext db, List<long> photoIds, List<long> inGroup, CancellationToken cancellationToken)
    {
        var saved = await db.Files.Where(f => f.PhotoId != null && photoIds.Contains(f.PhotoId.Value) && f.Primary && !inGroup.Contains(f.Id))
            .ToListAsync(cancellationToken);
        var tracked = db.ChangeTracker.Entries<PhotoFile>().Select(e => e.Entity)
            .Where(f => f.PhotoId is { } id && photoIds.Contains(id) && !inGroup.Contains(f.Id));
        return saved.Concat(tracked).Distinct().Where(f => f.Primary).ToList();
    }

    /// <summary>How many media files (not sidecars) share each candidate's stack; none when no copy is shown elsewhere.</summary>
    private static async Task<Dictionary<long, int>> StackSizesAsync(CatalogDbContext db, List<PhotoFile> group, List<PhotoFile> shownElsewhere,
        CancellationToken cancellationToken)
    {
        if (shownElsewhere.Count == 0)
        {
            return [];
        }

        var groupSize = group.Count(f => f.Type != MediaType.Sidecar);
        var sizes = group.ToDictionary(f => f.Id, _ => groupSize);
        var keys = shownElsewhere.Select(f => f.StackKey).OfType<string>().Distinct().ToList();
        var byKey = await db.Files.Where(f => f.StackKey != null && keys.Contains(f.StackKey) && !f.Missing && f.Type != MediaType.Sidecar)
            .GroupBy(f => f.StackKey!).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        foreach (var file in shownElsewhere)
        {
            sizes[file.Id] = file.StackKey is { } key ? byKey.GetValueOrDefault(key, 1) : 1;
        }

        return sizes;
    }

    private static PhotoFile? ByRank(IEnumerable<PhotoFile> files) =>
        files.OrderBy(Rank).ThenBy(f => f.Path, PathOrder.Instance).FirstOrDefault();

    public async Task BuildAsync(IReadOnlyCollection<string> stackKeys, CancellationToken cancellationToken)
    {
        foreach (var chunk in stackKeys.Distinct().Chunk(400))
        {
            await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
            var files = await db.Files.Include(f => f.Photo)
                .Where(f => f.StackKey != null && chunk.Contains(f.StackKey) && !f.Missing
                            && (f.Status == FileStatus.Indexed || f.Status == FileStatus.Partial))
                .ToListAsync(cancellationToken);
            var identifiers = files.Select(f => f.ContentIdentifier).OfType<string>().Distinct().ToList();
            if (identifiers.Count > 0)
            {
                var known = files.Select(f => f.Id).ToHashSet();
                files.AddRange((await db.Files.Include(f => f.Photo)
                        .Where(f => f.ContentIdentifier != null && identifiers.Contains(f.ContentIdentifier) && !f.Missing)
                        .ToListAsync(cancellationToken))
                    .Where(f => !known.Contains(f.Id)));
            }

            var merges = new List<PhotoMerge.Merge>();
            var groups = Group(files);
            foreach (var group in groups)
            {
                if (await MergeAsync(db, group, cancellationToken) is { Absorbed.Count: > 0 } merge)
                {
                    merges.Add(merge);
                }
            }

            // A photo of a single file that the user turned: reading the file again set its thumbnails and size back.
            var grouped = groups.SelectMany(g => g).Select(f => f.Id).ToHashSet();
            foreach (var file in files.Where(f => f is { Primary: true, Photo.Rotation: not 0 } && !grouped.Contains(f.Id)))
            {
                Orient(file.Photo!, file, sidecarOrientation: null);
            }

            await PhotoMerge.KeepOrganisationAsync(db, merges, cancellationToken);
            db.Photos.RemoveRange(merges.SelectMany(m => m.Absorbed));
            await db.SaveChangesAsync(cancellationToken);
        }
    }

    /// <summary>Connected groups: files linked by a shared stack key, or by a content identifier within one folder.</summary>
    private static List<List<PhotoFile>> Group(List<PhotoFile> files)
    {
        var parent = files.ToDictionary(f => f.Id, f => f.Id);
        long Find(long id) => parent[id] == id ? id : parent[id] = Find(parent[id]);
        void Union(IEnumerable<PhotoFile> linked)
        {
            var first = linked.FirstOrDefault();
            foreach (var other in linked.Skip(1))
            {
                parent[Find(other.Id)] = Find(first!.Id);
            }
        }

        foreach (var byKey in files.GroupBy(f => f.StackKey))
        {
            Union(byKey);
        }

        foreach (var byIdentifier in files.Where(f => f.ContentIdentifier is not null).GroupBy(f => (f.ContentIdentifier, Folder: Path.GetDirectoryName(f.Path))))
        {
            Union(byIdentifier);
        }

        return files.GroupBy(f => Find(f.Id)).Select(g => g.ToList()).Where(g => g.Count > 1).ToList();
    }

    /// <summary>Makes a group one photo; returns the photo kept and those it absorbs, which the caller removes.</summary>
    private async Task<PhotoMerge.Merge?> MergeAsync(CatalogDbContext db, List<PhotoFile> group, CancellationToken cancellationToken)
    {
        var shown = group.Where(f => f.Type != MediaType.Sidecar && f.Photo is not null).ToList();
        if (shown.Count == 0)
        {
            return null; // only sidecars: nothing to attach them to yet
        }

        // A duplicate in a stack (the card's JPEG, exported and indexed before) brings its photo into the stack: the
        // file that photo shows, wherever it lies, competes to be shown with the stack's own files.
        var photos = shown.Select(f => f.Photo!).Distinct().ToList();
        var photoIds = photos.Select(p => p.Id).ToList();
        var inGroup = group.Select(f => f.Id).ToList();
        var shownElsewhere = shown.Any(f => f.Duplicate) ? await ShownElsewhereAsync(db, photoIds, inGroup, cancellationToken) : [];
        var target = photos.MinBy(p => p.Id)!;

        // Among identical copies, the one in the larger stack is shown (the JPEG beside its RAW, not its copy alone in
        // an export folder that sorts first), so the photo is found in the folder that holds it whole.
        var stackSizes = await StackSizesAsync(db, group, shownElsewhere, cancellationToken);
        var ownCopies = shown.Where(f => f.Duplicate && shownElsewhere.Any(e => e.Hash == f.Hash));
        var primary = shown.Where(f => !f.Duplicate).Concat(ownCopies).Concat(shownElsewhere)
                          .OrderBy(Rank).ThenByDescending(f => stackSizes.GetValueOrDefault(f.Id)).ThenBy(f => f.Path, PathOrder.Instance)
                          .FirstOrDefault()
                      ?? ByRank(shown)!;

        // Of identical files, one belongs to the photo and the rest are its copies: the one shown, else the stack's own.
        foreach (var same in ownCopies.Concat(shownElsewhere).Append(primary).Distinct().GroupBy(f => f.Hash))
        {
            var kept = same.FirstOrDefault(f => ReferenceEquals(f, primary)) ?? same.FirstOrDefault(f => inGroup.Contains(f.Id)) ?? same.First();
            foreach (var file in same)
            {
                file.Duplicate = !ReferenceEquals(file, kept);
            }
        }

        if (!ReferenceEquals(primary.Photo, target))
        {
            PhotoFields.CopyFrom(target, primary.Photo!);
        }

        // An older camera's video container often has no date or camera; the EXIF of its thumbnail has both.
        foreach (var thumbnail in shown.Where(IsVideoThumbnail).Select(f => f.Photo!).Where(p => !ReferenceEquals(p, target)))
        {
            PhotoFields.FillFrom(target, thumbnail);
        }

        var absorbed = photos.Where(p => !ReferenceEquals(p, target)).ToList();
        foreach (var file in group.Concat(shownElsewhere))
        {
            (file.Photo, file.PhotoId, file.Primary) = (target, target.Id, ReferenceEquals(file, primary));
        }

        // Every other file of an absorbed photo (its duplicates, its stack elsewhere) now belongs to the stack. A stack
        // merged before absorbs nothing, and costs no query.
        var absorbedIds = absorbed.Select(p => p.Id).ToList();
        if (absorbedIds.Count > 0)
        {
            await db.Files.Where(f => f.PhotoId != null && absorbedIds.Contains(f.PhotoId.Value))
                .ExecuteUpdateAsync(s => s.SetProperty(f => f.PhotoId, target.Id), cancellationToken);

            // The update does not reach the files this context tracks (another stack of the chunk, such as the copy of
            // this stack's JPEG in another folder): left linked to the absorbed photo, removing it would unlink them.
            var trackedOfAbsorbed = db.ChangeTracker.Entries<PhotoFile>().Select(e => e.Entity)
                .Where(f => f.PhotoId is { } id && absorbedIds.Contains(id)).ToList();
            foreach (var file in trackedOfAbsorbed)
            {
                (file.Photo, file.PhotoId) = (target, target.Id);
            }
        }

        var hasVideo = shown.Any(f => f.Type == MediaType.Video);
        var hasStill = shown.Any(f => f.Type is MediaType.Image or MediaType.Raw && !IsVideoThumbnail(f));
        target.Type = (hasVideo && hasStill) || primary.EmbeddedVideo ? MediaType.Live : primary.Type;
        target.Duration = shown.FirstOrDefault(f => f.Type == MediaType.Video)?.Duration;

        int? sidecarOrientation = null;
        MediaMetadata? utcSidecar = null;
        foreach (var sidecar in group.Where(f => f.Type == MediaType.Sidecar).OrderBy(f => f.Path, StringComparer.Ordinal))
        {
            var metadata = SidecarReader.Read(Path.Combine(options.OriginalsFullPath, sidecar.Path));
            PhotoFields.ApplySidecar(target, metadata, options.DefaultZone);
            sidecarOrientation = metadata.Orientation ?? sidecarOrientation;
            utcSidecar = metadata.TakenAtIsUtc ? metadata : utcSidecar;
        }

        Orient(target, primary, sidecarOrientation);
        PhotoFields.Locate(target, gazetteer);
        PhotoFields.AssumeZone(target, gazetteer, options.DefaultZone, utcSidecar, MetadataSource.Sidecar);
        if (target.LocationSource == MetadataSource.Sidecar)
        {
            PhotoFields.ZoneByPlace(target, gazetteer, options.DefaultZone);
        }
        return new PhotoMerge.Merge(target, absorbed);
    }

    private void Orient(Photo target, PhotoFile primary, int? sidecarOrientation)
    {
        if (orienter.Apply(target, primary, sidecarOrientation) is { } problem)
        {
            logger.LogWarning("{Path}: the photo could not be shown turned ({Rotation}° by hand, sidecar orientation {Orientation}): {Reason}",
                primary.Path, target.Rotation, sidecarOrientation, problem);
        }
    }
}
