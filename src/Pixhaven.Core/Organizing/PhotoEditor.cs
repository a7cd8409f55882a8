using Microsoft.EntityFrameworkCore;
using Pixhaven.Core.Catalog;
using Pixhaven.Core.Indexing;
using Pixhaven.Core.Media;
using Pixhaven.Core.Model;
using Pixhaven.Core.Options;
using Pixhaven.Core.Places;

namespace Pixhaven.Core.Organizing;

/// <summary>
/// Edits, archives, restores and deletes photos, one or a selection at a time. Edits live in the catalog as manual
/// values (and in XMP sidecars in storage when enabled), never in originals. A delete removes the catalog entry and
/// remembers its files so the next index run does not bring them back; only when originals are writable does it move
/// the files into the <see cref="Trash"/>.
/// </summary>
public sealed class PhotoEditor(
    IDbContextFactory<CatalogDbContext> contextFactory, Gazetteer gazetteer, SidecarWriter sidecars, PhotoOrienter orienter, Trash trash,
    PixhavenOptions options, TimeProvider clock)
{
    public const int MaxSelection = 10_000;

    /// <summary>Each photo turned has its thumbnails made again, in the request: more than this would keep it waiting for minutes.</summary>
    public const int MaxTurned = 200;

    /// <summary>Applies an edit to the photos with these uids; returns how many were found and changed.</summary>
    public async Task<int> EditAsync(IReadOnlyCollection<string> uids, PhotoEdit edit, CancellationToken cancellationToken)
    {
        var takenAt = TakenAtEdit.Parse(edit);
        edit = PlaceToPosition(edit);
        ValidateLocation(edit);
        if (edit.Rotate is { } degrees && degrees % 90 != 0)
        {
            throw new OrganizeException($"rotate must be a multiple of 90 degrees, not {degrees}");
        }

        if (edit.Rotate is { } turn && Orientations.Clockwise(turn) != 0 && uids.Count > MaxTurned)
        {
            throw new OrganizeException($"turn at most {MaxTurned} photos at a time (each one's thumbnails are made again); {uids.Count} were selected");
        }

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var photos = await LoadAsync(db, uids, cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var photo in photos)
        {
            Apply(photo, edit, takenAt);
            await TurnAsync(db, photo, edit.Rotate ?? 0, cancellationToken);
            (photo.EditedAt, photo.UpdatedAt) = (now, now);
        }

        await db.SaveChangesAsync(cancellationToken);
        await sidecars.WriteAsync(db, photos, cancellationToken);
        return photos.Count;
    }

    /// <summary>Archives photos: they leave every default view and can be restored.</summary>
    public Task<int> ArchiveAsync(IReadOnlyCollection<string> uids, CancellationToken cancellationToken) =>
        SetArchivedAsync(uids, clock.GetUtcNow().UtcDateTime, cancellationToken);

    public Task<int> RestoreAsync(IReadOnlyCollection<string> uids, CancellationToken cancellationToken) =>
        SetArchivedAsync(uids, null, cancellationToken);

    /// <summary>
    /// Deletes archived photos from the catalog for good (albums and labels included). Photos not archived are
    /// refused. With read-only originals their files stay and are marked removed, so indexing leaves them out until
    /// they change; with writable originals the files move to the trash, and a photo whose files cannot all move stays
    /// archived (the exception names them).
    /// </summary>
    public async Task<int> DeleteAsync(IReadOnlyCollection<string> uids, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var photos = await LoadAsync(db, uids, cancellationToken);
        if (photos.FirstOrDefault(p => p.ArchivedAt is null) is { } live)
        {
            throw new OrganizeException($"photo {live.Uid} is not archived; archive photos before deleting them");
        }

        var failures = new List<string>();
        if (options.OriginalsWritable)
        {
            var batch = trash.NewBatchFolder();
            foreach (var photo in photos.ToList())
            {
                if (await MoveToTrashAsync(photo, batch, cancellationToken) is { } problem)
                {
                    failures.Add(problem);
                    photos.Remove(photo);
                }
            }
        }

        var ids = photos.Select(p => p.Id).ToList();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        foreach (var chunk in ids.Chunk(500))
        {
            var files = db.Files.Where(f => f.PhotoId != null && chunk.Contains(f.PhotoId.Value));
            if (options.OriginalsWritable)
            {
                await files.ExecuteDeleteAsync(cancellationToken); // the files are in the trash now
            }
            else
            {
                await files.ExecuteUpdateAsync(s => s.SetProperty(f => f.Status, FileStatus.Removed).SetProperty(f => f.PhotoId, (long?)null)
                    .SetProperty(f => f.Primary, false).SetProperty(f => f.Duplicate, false), cancellationToken);
            }

            await db.Photos.Where(p => chunk.Contains(p.Id)).ExecuteDeleteAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        if (failures.Count > 0)
        {
            throw new OrganizeException($"deleted {ids.Count}; {failures.Count} stay archived because a file could not move to the trash: {string.Join("; ", failures)}");
        }

        return ids.Count;
    }

    /// <returns>Null when every file of the photo is in the trash; else which file stayed, and why.</returns>
    private async Task<string?> MoveToTrashAsync(Photo photo, string batch, CancellationToken cancellationToken)
    {
        foreach (var file in photo.Files.Where(f => !f.Missing))
        {
            try
            {
                await trash.MoveAsync(file.Path, file.Hash ?? "", batch, cancellationToken);
            }
            catch (InvalidDataException)
            {
                return $"{file.Path} changed since it was indexed (index again first)";
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                return $"{file.Path}: {e.Message}";
            }
        }

        return null;
    }

    private async Task<int> SetArchivedAsync(IReadOnlyCollection<string> uids, DateTime? archivedAt, CancellationToken cancellationToken)
    {
        Check(uids);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var changed = 0;
        foreach (var chunk in uids.Distinct().Chunk(500))
        {
            changed += await db.Photos.Where(p => chunk.Contains(p.Uid))
                .ExecuteUpdateAsync(s => s.SetProperty(p => p.ArchivedAt, archivedAt).SetProperty(p => p.UpdatedAt, now), cancellationToken);
        }

        return changed;
    }

    private static async Task<List<Photo>> LoadAsync(CatalogDbContext db, IReadOnlyCollection<string> uids, CancellationToken cancellationToken)
    {
        Check(uids);
        var photos = new List<Photo>();
        foreach (var chunk in uids.Distinct().Chunk(500))
        {
            photos.AddRange(await db.Photos.Include(p => p.Files).Where(p => chunk.Contains(p.Uid)).ToListAsync(cancellationToken));
        }

        return photos;
    }

    private static void Check(IReadOnlyCollection<string> uids)
    {
        if (uids.Count is 0 or > MaxSelection)
        {
            throw new OrganizeException($"select between 1 and {MaxSelection} photos");
        }
    }

    private void Apply(Photo photo, PhotoEdit edit, TakenAtEdit? takenAt)
    {
        if (edit.Title is { } title)
        {
            (photo.Title, photo.TitleSource) = (NullIfBlank(title), MetadataSource.Manual);
        }

        if (edit.Description is { } description)
        {
            (photo.Description, photo.DescriptionSource) = (NullIfBlank(description), MetadataSource.Manual);
        }

        if (edit.Keywords is { } keywords)
        {
            var list = keywords.Select(k => k.Trim()).Where(k => k.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
            (photo.Keywords, photo.KeywordsSource) = (list.Count == 0 ? null : string.Join(", ", list), MetadataSource.Manual);
        }

        takenAt?.Apply(photo);

        if (edit.ClearLocation)
        {
            (photo.Latitude, photo.Longitude, photo.Altitude, photo.LocationSource) = (null, null, null, MetadataSource.Manual);
            PhotoFields.Locate(photo, gazetteer);
        }
        else if (edit is { Latitude: { } lat, Longitude: { } lng })
        {
            (photo.Latitude, photo.Longitude, photo.LocationSource) = (lat, lng, MetadataSource.Manual);
            PhotoFields.Locate(photo, gazetteer);
        }

        if (edit.CameraMake is not null || edit.CameraModel is not null || edit.Lens is not null)
        {
            photo.CameraMake = edit.CameraMake is { } make ? NullIfBlank(make) : photo.CameraMake;
            photo.CameraModel = edit.CameraModel is { } model ? NullIfBlank(model) : photo.CameraModel;
            photo.Lens = edit.Lens is { } lens ? NullIfBlank(lens) : photo.Lens;
            photo.CameraSource = MetadataSource.Manual;
        }

        photo.Favorite = edit.Favorite ?? photo.Favorite;
        photo.Private = edit.Private ?? photo.Private;
    }

    /// <summary>
    /// Turns the photo and makes its turned thumbnails before anything is saved, so a photo that cannot be turned
    /// leaves the whole edit undone. Its face boxes turn with it when the catalog saves (FacePeople).
    /// </summary>
    private async Task TurnAsync(CatalogDbContext db, Photo photo, int degrees, CancellationToken cancellationToken)
    {
        if (Orientations.Clockwise(degrees) == 0)
        {
            return;
        }

        if (photo.Type is MediaType.Video or MediaType.Live)
        {
            throw new OrganizeException($"photo {photo.Uid} is a video or Live Photo; only still photos can be turned");
        }

        photo.Rotation = Orientations.Clockwise(photo.Rotation + degrees);
        if (photo.Files.FirstOrDefault(f => f.Primary) is not { } primary)
        {
            return;
        }

        var sidecarOrientation = await orienter.SidecarOrientationAsync(db, primary, cancellationToken);
        if (orienter.Apply(photo, primary, sidecarOrientation) is { } problem)
        {
            throw new OrganizeException($"photo {photo.Uid} could not be turned: {problem}");
        }
    }

    private static string? NullIfBlank(string text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    /// <summary>Same-named places closer than this are one place listed twice (a city and its district, say).</summary>
    private const double SamePlaceKm = 30;

    private PhotoEdit PlaceToPosition(PhotoEdit edit)
    {
        if (string.IsNullOrWhiteSpace(edit.Place))
        {
            return edit;
        }

        if (edit.Latitude is not null || edit.Longitude is not null || edit.ClearLocation)
        {
            throw new OrganizeException("give a place or coordinates, not both");
        }

        var found = gazetteer.FindPlaces(edit.Place);
        if (found.Count == 0)
        {
            throw new OrganizeException($"no place is named '{edit.Place.Trim()}'; check the spelling, or give coordinates");
        }

        var first = found[0];
        var others = found.Where(p => Gazetteer.Distance(first.Latitude, first.Longitude, p.Latitude, p.Longitude) > SamePlaceKm).ToList();
        if (others.Count > 0)
        {
            var candidates = string.Join("; ", found.Take(6).Select(p => p.Label)) + (found.Count > 6 ? $"; and {found.Count - 6} more" : "");
            throw new OrganizeException($"several places are named '{edit.Place.Trim()}': {candidates}. Add the region or country, e.g. '{first.Label}'");
        }

        return edit with { Place = null, Latitude = first.Latitude, Longitude = first.Longitude };
    }

    private static void ValidateLocation(PhotoEdit edit)
    {
        if (edit.Latitude is null != edit.Longitude is null)
        {
            throw new OrganizeException("give both latitude and longitude");
        }

        if (edit.Latitude is { } lat && (!double.IsFinite(lat) || Math.Abs(lat) > 90 || !double.IsFinite(edit.Longitude!.Value) || Math.Abs(edit.Longitude.Value) > 180))
        {
            throw new OrganizeException("latitude must be within ±90 and longitude within ±180 degrees");
        }
    }
}
