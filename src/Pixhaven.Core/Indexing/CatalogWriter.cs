using Microsoft.EntityFrameworkCore;
using Pixhaven.Core.Catalog;
using Pixhaven.Core.Model;
using Pixhaven.Core.Places;

namespace Pixhaven.Core.Indexing;

/// <summary>
/// The single writer of an index run: applies analyses to the catalog in batches, one transaction each. Keeping
/// writes on one task is deliberate: SQLite allows one writer, and parallel writers only meet "database is locked".
/// </summary>
public sealed class CatalogWriter(IDbContextFactory<CatalogDbContext> contextFactory, TimeProvider clock, Gazetteer gazetteer, TimeZoneInfo? defaultZone = null)
{
    // Photos created in this run by content, and the file each shows, so two new copies of one file found in the same
    // run become one photo: the parallel analysis cannot tell (neither copy is in the catalog yet), only the writer
    // sees both. Which copy is shown follows PathOrder, not the order the analysis happened to finish in.
    private readonly Dictionary<string, (long PhotoId, long FileId)> _photoByHash = [];
    private int _copiesJoined;

    /// <summary>New files this writer found to be copies of a photo made earlier in the same run.</summary>
    public int CopiesJoined => _copiesJoined;

    public async Task ApplyAsync(IReadOnlyList<FileAnalysis> batch, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var ids = batch.SelectMany(a => new[]
            {
                a.ExistingFileId, a.Kind == AnalysisKind.Moved ? a.TargetId : null,
                a.Hash is { } hash && _photoByHash.TryGetValue(hash, out var earlier) ? earlier.FileId : null,
            }).OfType<long>().Distinct().ToList();
        var rows = await db.Files.Include(f => f.Photo).Where(f => ids.Contains(f.Id)).ToDictionaryAsync(f => f.Id, cancellationToken);
        var twins = await TwinsAsync(db, batch, cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var created = new Dictionary<string, (Photo Photo, PhotoFile Shown)>();
        var copies = new List<(long PhotoId, string Path)>();

        foreach (var analysis in batch)
        {
            var row = analysis.ExistingFileId is { } id ? rows[id] : null;
            switch (analysis.Kind)
            {
                case AnalysisKind.Moved:
                    row = rows[analysis.TargetId!.Value];
                    row.Path = analysis.File.RelativePath;
                    break;
                case AnalysisKind.Duplicate:
                    row ??= NewRow(db, analysis);
                    (row.PhotoId, row.Duplicate, row.Primary) = (analysis.TargetId, true, false);
                    if (twins.GetValueOrDefault(analysis.Hash!) is { } twin)
                    {
                        DescribeAs(row, twin);
                    }

                    copies.Add((analysis.TargetId!.Value, analysis.File.RelativePath));
                    (row.MetadataAt, row.ThumbnailsAt) = (now, now);
                    break;
                case AnalysisKind.Indexed:
                    row ??= NewRow(db, analysis);
                    AttachPhoto(db, row, rows, analysis, created, copies, now);

                    // The thumbnail stage is done when attempted: a RAW without any preview keeps its reason in Error.
                    (row.MetadataAt, row.ThumbnailsAt) = (now, now);
                    break;
                case AnalysisKind.Skipped or AnalysisKind.Failed:
                    row ??= NewRow(db, analysis);
                    (row.MetadataAt, row.ThumbnailsAt) = (null, null);
                    break;
            }

            if (row is null)
            {
                continue;
            }

            Stamp(row, analysis, now);
            if (row.Photo is { } owner && analysis.Kind is not (AnalysisKind.Skipped or AnalysisKind.Failed))
            {
                owner.Missing = false;
            }
        }

        await DateByCopyNamesAsync(db, copies, now, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        foreach (var (hash, (photo, shown)) in created)
        {
            _photoByHash[hash] = (photo.Id, shown.Id);
        }
    }

    /// <summary>For each copy of the batch, a file read before with the same content, whose description the copy shares.</summary>
    private static async Task<Dictionary<string, PhotoFile>> TwinsAsync(CatalogDbContext db, IReadOnlyList<FileAnalysis> batch, CancellationToken cancellationToken)
    {
        var hashes = batch.Where(a => a.Kind == AnalysisKind.Duplicate && a.Hash is not null).Select(a => a.Hash!).Distinct().ToList();
        if (hashes.Count == 0)
        {
            return [];
        }

        var read = await db.Files.AsNoTracking().Where(f => f.Hash != null && hashes.Contains(f.Hash) && f.Type != MediaType.Unknown).ToListAsync(cancellationToken);
        return read.GroupBy(f => f.Hash!).ToDictionary(g => g.Key, g => g.First());
    }

    /// <summary>
    /// A copy is not read again (its content was), but it is the same kind of file: without its type a stack would rank
    /// it last, and the viewer would not say what it is.
    /// </summary>
    private static void DescribeAs(PhotoFile copy, PhotoFile twin)
    {
        (copy.Type, copy.Format, copy.Mime) = (twin.Type, twin.Format, twin.Mime);
        (copy.Width, copy.Height, copy.Orientation) = (twin.Width, twin.Height, twin.Orientation);
        (copy.Duration, copy.Codec, copy.AudioCodec, copy.FrameRate) = (twin.Duration, twin.Codec, twin.AudioCodec, twin.FrameRate);
    }

    private static PhotoFile NewRow(CatalogDbContext db, FileAnalysis analysis)
    {
        var row = new PhotoFile { Path = analysis.File.RelativePath };
        db.Files.Add(row);
        return row;
    }

    /// <summary>
    /// Gives photos with only an estimated date the date in the name of a copy found in this batch (the copy that made
    /// the photo may have been the one without it).
    /// </summary>
    private async Task DateByCopyNamesAsync(CatalogDbContext db, List<(long PhotoId, string Path)> copies, DateTime now, CancellationToken cancellationToken)
    {
        var named = copies.Where(c => FileNameDates.Parse(c.Path) is not null).ToList();
        var ids = named.Select(c => c.PhotoId).Distinct().ToList();
        var photos = ids.Count == 0 ? [] : await db.Photos.Where(p => ids.Contains(p.Id) && p.TakenAtSource == MetadataSource.Auto).ToDictionaryAsync(p => p.Id, cancellationToken);
        foreach (var (photoId, path) in named)
        {
            if (photos.GetValueOrDefault(photoId) is { } photo)
            {
                DateByCopyName(photo, path, now);
            }
        }
    }

    private void DateByCopyName(Photo photo, string path, DateTime now)
    {
        if (PhotoFields.ApplyCopyName(photo, path))
        {
            PhotoFields.AssumeZone(photo, gazetteer, defaultZone);
            photo.UpdatedAt = now;
        }
    }

    /// <summary>Links an indexed file to its photo; a new photo is added to <paramref name="created"/> by content.</summary>
    private void AttachPhoto(CatalogDbContext db, PhotoFile row, Dictionary<long, PhotoFile> rows, FileAnalysis analysis,
        Dictionary<string, (Photo Photo, PhotoFile Shown)> created, List<(long PhotoId, string Path)> copies, DateTime now)
    {
        var inspection = analysis.Inspection!;
        var hash = analysis.Hash!;
        if (inspection.Type.Type == MediaType.Sidecar)
        {
            return; // sidecars join their photo's stack in StackBuilder, after every file of the run is written
        }

        if (row.Photo is null && created.TryGetValue(hash, out var madeInThisBatch))
        {
            row.Photo = madeInThisBatch.Photo;
            created[hash] = (madeInThisBatch.Photo, JoinAsCopy(row, madeInThisBatch.Shown));
            DateByCopyName(madeInThisBatch.Photo, analysis.File.RelativePath, now);
            return;
        }

        if (row.Photo is null && _photoByHash.TryGetValue(hash, out var madeEarlier))
        {
            row.PhotoId = madeEarlier.PhotoId;
            if (ReferenceEquals(JoinAsCopy(row, rows[madeEarlier.FileId]), row))
            {
                // Shown from now on; its id is known once the batch is saved, when created is read back.
                created[hash] = (rows[madeEarlier.FileId].Photo!, row);
            }

            copies.Add((madeEarlier.PhotoId, analysis.File.RelativePath));
            return;
        }

        if (row is { Duplicate: true, PhotoId: not null } && row.Hash == hash)
        {
            return; // a forced run re-reads a duplicate; its content is still its photo's
        }

        var photo = row.Photo is { } current && !row.Duplicate ? current : null;
        var isNew = photo is null;
        photo ??= new Photo { Uid = PhotoUid.New(), CreatedAt = now };
        PhotoFields.Apply(photo, inspection, analysis.File.RelativePath, analysis.File.ModifiedUtc);
        PhotoFields.Locate(photo, gazetteer);
        PhotoFields.AssumeZone(photo, gazetteer, defaultZone, inspection.Metadata);
        photo.ThumbnailHash = analysis.ThumbnailKey;
        photo.Color = analysis.Color;
        if (analysis.EmbeddedVideo)
        {
            photo.Type = MediaType.Live;
        }
        photo.UpdatedAt = now;
        if (isNew)
        {
            db.Photos.Add(photo);
            row.Photo = photo;
            created[hash] = (photo, row);
        }

        (row.Primary, row.Duplicate) = (true, false);
    }

    /// <summary>Makes <paramref name="row"/> a copy of the photo <paramref name="shown"/> shows; returns the file shown after.</summary>
    private PhotoFile JoinAsCopy(PhotoFile row, PhotoFile shown)
    {
        _copiesJoined++;
        if (PathOrder.Instance.Compare(row.Path, shown.Path) < 0)
        {
            (shown.Duplicate, shown.Primary) = (true, false);
            (row.Duplicate, row.Primary) = (false, true);
            return row;
        }

        (row.Duplicate, row.Primary) = (true, false);
        return shown;
    }

    private static void Stamp(PhotoFile row, FileAnalysis analysis, DateTime now)
    {
        var inspection = analysis.Inspection;
        row.Size = analysis.File.Size;
        (row.StackKey, row.Edited) = StackKey.For(analysis.File);
        row.ModifiedAt = analysis.File.ModifiedUtc;
        row.Missing = false;
        row.IndexedAt = now;
        if (analysis.Kind is AnalysisKind.ContentUnchanged or AnalysisKind.Moved)
        {
            row.ThumbnailKey = analysis.ThumbnailKey ?? row.ThumbnailKey;
            return;
        }

        row.Revision = IndexerRevision.Current;
        row.Hash = analysis.Hash ?? row.Hash;
        row.EmbeddedVideo = analysis.EmbeddedVideo;
        row.RawConverters = analysis.RawConverters;
        row.ThumbnailKey = analysis.ThumbnailKey;
        row.Status = analysis.Status;
        row.Error = analysis.Problem is { Length: > 2000 } text ? text[..2000] : analysis.Problem;
        if (inspection is not null)
        {
            (row.Type, row.Format, row.Mime) = (inspection.Type.Type, inspection.Type.Format, inspection.Type.Mime);
            (row.Width, row.Height) = (inspection.Header?.Width, inspection.Header?.Height);
            row.Orientation = inspection.Metadata?.Orientation;
            (row.Duration, row.Codec) = (inspection.Metadata?.Duration, inspection.Metadata?.VideoCodec);
            (row.AudioCodec, row.FrameRate) = (inspection.Metadata?.AudioCodec, inspection.Metadata?.FrameRate);
            row.ContentIdentifier = inspection.Metadata?.ContentIdentifier;
        }

        if (row.Format == Places.TrackGeotagger.GpxFormat)
        {
            row.StackKey = null; // a GPS track places every photo of its hours, not the one that shares its name
        }
    }

    /// <summary>
    /// Marks vanished files missing, hides photos with no file left, and promotes a present duplicate to primary.
    /// Returns how many were marked, and the stacks of the files promoted, whose photos are to be built again over them
    /// (a turn by hand, a sidecar beside the copy).
    /// </summary>
    public async Task<(int Marked, List<string> Promoted)> MarkMissingAsync(IReadOnlyCollection<long> vanishedFileIds, CancellationToken cancellationToken)
    {
        var promoted = new List<string>();
        if (vanishedFileIds.Count == 0)
        {
            return (0, promoted);
        }

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var marked = 0;
        foreach (var chunk in vanishedFileIds.Chunk(500))
        {
            marked += await db.Files.Where(f => chunk.Contains(f.Id) && !f.Missing)
                .ExecuteUpdateAsync(s => s.SetProperty(f => f.Missing, true), cancellationToken);
        }

        var photoIds = await db.Files.Where(f => vanishedFileIds.Contains(f.Id) && f.PhotoId != null).Select(f => f.PhotoId!.Value).Distinct().ToListAsync(cancellationToken);
        var photos = await db.Photos.Include(p => p.Files).Where(p => photoIds.Contains(p.Id)).ToListAsync(cancellationToken);
        foreach (var photo in photos)
        {
            var present = photo.Files.Where(f => !f.Missing).ToList();
            photo.Missing = present.Count == 0;
            if (present.Count > 0 && !present.Any(f => f.Primary))
            {
                foreach (var file in photo.Files)
                {
                    file.Primary = false;
                }

                var shown = present.MinBy(f => f.Path, PathOrder.Instance)!;
                (shown.Primary, shown.Duplicate) = (true, false);
                photo.ThumbnailHash = shown.ThumbnailKey;
                if (shown.StackKey is { } stack)
                {
                    promoted.Add(stack);
                }
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        return (marked, promoted);
    }
}
