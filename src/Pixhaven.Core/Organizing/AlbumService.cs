using Microsoft.EntityFrameworkCore;
using Pixhaven.Core.Catalog;
using Pixhaven.Core.Indexing;
using Pixhaven.Core.Model;
using Pixhaven.Core.Search;

namespace Pixhaven.Core.Organizing;

/// <summary>Manual albums: create, rename, add and remove photos, order them by hand, choose the cover.</summary>
public sealed class AlbumService(IDbContextFactory<CatalogDbContext> contextFactory, TimeProvider clock)
{
    public const int MaxTitleLength = 1024;

    public async Task<IReadOnlyList<AlbumSummary>> ListAsync(CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await Summaries(db.Albums.AsNoTracking().OrderBy(a => a.Title.ToLower()).ThenBy(a => a.Id)).ToListAsync(cancellationToken);
    }

    public async Task<AlbumSummary?> FindAsync(string uid, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await Summaries(db.Albums.AsNoTracking().Where(a => a.Uid == uid)).FirstOrDefaultAsync(cancellationToken);
    }

    public async Task<AlbumSummary> CreateAsync(string title, string? description, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var album = new Album { Uid = "a" + PhotoUid.New()[1..], Title = CleanTitle(title), Description = Clean(description), CreatedAt = now, UpdatedAt = now };
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        db.Albums.Add(album);
        await db.SaveChangesAsync(cancellationToken);
        return new AlbumSummary(album.Uid, album.Title, album.Description, 0, null, null, now, now);
    }

    /// <summary>Changes title, description or cover (a photo of the album); null leaves a field as it is.</summary>
    public async Task<AlbumSummary?> UpdateAsync(string uid, string? title, string? description, string? coverUid, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var album = await db.Albums.FirstOrDefaultAsync(a => a.Uid == uid, cancellationToken);
        if (album is null)
        {
            return null;
        }

        album.Title = title is null ? album.Title : CleanTitle(title);
        album.Description = description is null ? album.Description : Clean(description);
        if (coverUid is not null)
        {
            album.CoverPhotoId = await db.AlbumPhotos.Where(a => a.AlbumId == album.Id && a.Photo!.Uid == coverUid).Select(a => (long?)a.PhotoId)
                .FirstOrDefaultAsync(cancellationToken) ?? throw new OrganizeException($"photo {coverUid} is not in this album");
        }

        album.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);
        return await Summaries(db.Albums.AsNoTracking().Where(a => a.Id == album.Id)).FirstAsync(cancellationToken);
    }

    /// <summary>Deletes the album; its photos stay in the library.</summary>
    public async Task<bool> DeleteAsync(string uid, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await db.Albums.Where(a => a.Uid == uid).ExecuteDeleteAsync(cancellationToken) > 0;
    }

    /// <summary>Appends photos to the end of the album, skipping those already in it; returns how many were added.</summary>
    public async Task<int?> AddAsync(string uid, IReadOnlyCollection<string> photoUids, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var album = await db.Albums.FirstOrDefaultAsync(a => a.Uid == uid, cancellationToken);
        if (album is null)
        {
            return null;
        }

        CheckSelection(photoUids);
        var present = await db.AlbumPhotos.Where(a => a.AlbumId == album.Id).Select(a => a.PhotoId).ToListAsync(cancellationToken);
        var position = await db.AlbumPhotos.Where(a => a.AlbumId == album.Id).MaxAsync(a => (int?)a.Position, cancellationToken) ?? 0;
        var ordered = photoUids.Distinct().ToList();
        var ids = (await db.Photos.Where(p => ordered.Contains(p.Uid)).Select(p => new { p.Uid, p.Id }).ToListAsync(cancellationToken))
            .ToDictionary(p => p.Uid, p => p.Id);
        var now = clock.GetUtcNow().UtcDateTime;
        var added = 0;
        foreach (var photoUid in ordered)
        {
            if (ids.TryGetValue(photoUid, out var id) && !present.Contains(id))
            {
                db.AlbumPhotos.Add(new AlbumPhoto { AlbumId = album.Id, PhotoId = id, Position = ++position, AddedAt = now });
                added++;
            }
        }

        album.UpdatedAt = now;
        await db.SaveChangesAsync(cancellationToken);
        return added;
    }

    public async Task<int?> RemoveAsync(string uid, IReadOnlyCollection<string> photoUids, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var album = await db.Albums.FirstOrDefaultAsync(a => a.Uid == uid, cancellationToken);
        if (album is null)
        {
            return null;
        }

        CheckSelection(photoUids);
        var list = photoUids.ToList();
        var removed = await db.AlbumPhotos.Where(a => a.AlbumId == album.Id && list.Contains(a.Photo!.Uid)).ExecuteDeleteAsync(cancellationToken);
        await db.Albums.Where(a => a.Id == album.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.UpdatedAt, clock.GetUtcNow().UtcDateTime), cancellationToken);
        return removed;
    }

    /// <summary>Puts the given photos first, in the given order; the others keep their order after them.</summary>
    public async Task<bool> ReorderAsync(string uid, IReadOnlyList<string> photoUids, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var album = await db.Albums.Include(a => a.Photos).ThenInclude(p => p.Photo).FirstOrDefaultAsync(a => a.Uid == uid, cancellationToken);
        if (album is null)
        {
            return false;
        }

        var rank = photoUids.Distinct().Select((u, i) => (u, i)).ToDictionary(x => x.u, x => x.i);
        var position = 0;
        foreach (var entry in album.Photos.OrderBy(p => rank.GetValueOrDefault(p.Photo!.Uid, int.MaxValue)).ThenBy(p => p.Position))
        {
            entry.Position = ++position;
        }

        album.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    /// <summary>The album's photos in album order, paged by (position, id) like every other list.</summary>
    public async Task<PhotoPage?> PhotosAsync(string uid, int count, string? after, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var albumId = await db.Albums.Where(a => a.Uid == uid).Select(a => (long?)a.Id).FirstOrDefaultAsync(cancellationToken);
        if (albumId is null)
        {
            return null;
        }

        count = Math.Clamp(count, 1, PhotoSearch.MaxCount);
        var entries = db.AlbumPhotos.AsNoTracking().Where(a => a.AlbumId == albumId && !a.Photo!.Missing && a.Photo.ArchivedAt == null);
        if (after is not null)
        {
            var (key, id) = PageCursor.Decode(after, PhotoOrder.Album);
            var position = int.TryParse(key, System.Globalization.CultureInfo.InvariantCulture, out var p) ? p : throw new FormatException("invalid page cursor");
            entries = entries.Where(a => a.Position > position || (a.Position == position && a.PhotoId > id));
        }

        var rows = await entries.OrderBy(a => a.Position).ThenBy(a => a.PhotoId).Take(count + 1)
            .Select(a => new
            {
                a.Position,
                a.PhotoId,
                Summary = new PhotoSummary(a.Photo!.Uid, a.Photo.Type, a.Photo.TakenAt, a.Photo.Title, a.Photo.Width, a.Photo.Height, a.Photo.ThumbnailHash, a.Photo.Favorite,
                    a.Photo.Animated && a.Photo.Rotation == 0),
            })
            .ToListAsync(cancellationToken);
        var next = rows.Count > count
            ? PageCursor.Encode(PhotoOrder.Album, rows[count - 1].Position.ToString(System.Globalization.CultureInfo.InvariantCulture), rows[count - 1].PhotoId)
            : null;
        return new PhotoPage(rows.Take(count).Select(r => r.Summary).ToList(), next);
    }

    /// <summary>
    /// How many of the album's photos come before this one in album order (its index in the album's pages); null when the
    /// album does not hold it, or there is no such album.
    /// </summary>
    public async Task<int?> PositionAsync(string uid, string photoUid, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var entries = db.AlbumPhotos.AsNoTracking().Where(a => a.Album!.Uid == uid && !a.Photo!.Missing && a.Photo.ArchivedAt == null);
        var mine = await entries.Where(a => a.Photo!.Uid == photoUid).Select(a => new { a.Position, a.PhotoId }).FirstOrDefaultAsync(cancellationToken);
        return mine is null ? null
            : await entries.CountAsync(a => a.Position < mine.Position || (a.Position == mine.Position && a.PhotoId < mine.PhotoId), cancellationToken);
    }

    private static IQueryable<AlbumSummary> Summaries(IQueryable<Album> albums) => albums.Select(a => new AlbumSummary(
        a.Uid,
        a.Title,
        a.Description,
        a.Photos.Count(p => !p.Photo!.Missing && p.Photo.ArchivedAt == null),
        a.CoverPhoto != null ? a.CoverPhoto.Uid : a.Photos.OrderBy(p => p.Position).Select(p => p.Photo!.Uid).FirstOrDefault(),
        a.CoverPhoto != null ? a.CoverPhoto.ThumbnailHash : a.Photos.OrderBy(p => p.Position).Select(p => p.Photo!.ThumbnailHash).FirstOrDefault(),
        a.CreatedAt,
        a.UpdatedAt));

    private static void CheckSelection(IReadOnlyCollection<string> photoUids)
    {
        if (photoUids.Count is 0 or > PhotoEditor.MaxSelection)
        {
            throw new OrganizeException($"select between 1 and {PhotoEditor.MaxSelection} photos");
        }
    }

    private static string CleanTitle(string title) =>
        Clean(title) is { Length: > 0 and <= MaxTitleLength } clean ? clean : throw new OrganizeException($"an album title has 1 to {MaxTitleLength} characters");

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
