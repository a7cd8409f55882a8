using Microsoft.EntityFrameworkCore;
using Pixhaven.Core.Catalog;
using Pixhaven.Core.Model;

namespace Pixhaven.Core.Indexing;

/// <summary>
/// Keeps what a user gave a photo when a stack absorbs it into another: its albums, share links, album covers, labels
/// set by hand, and its favourite, private and archived marks. The absorbed photo's own rows go with it.
/// </summary>
public static class PhotoMerge
{
    public static async Task KeepOrganisationAsync(CatalogDbContext db, Photo target, IReadOnlyList<Photo> absorbed, CancellationToken cancellationToken)
    {
        if (absorbed.Count == 0)
        {
            return;
        }

        // Any mark wins: a picture the user hid or put away stays so when its RAW or copy arrives later.
        target.Favorite |= absorbed.Any(p => p.Favorite);
        target.Private |= absorbed.Any(p => p.Private);
        target.ArchivedAt ??= absorbed.Min(p => p.ArchivedAt);

        var ids = absorbed.Select(p => p.Id).ToList();
        var inAlbums = (await db.AlbumPhotos.Where(a => a.PhotoId == target.Id).Select(a => a.AlbumId).ToListAsync(cancellationToken)).ToHashSet();
        foreach (var entry in await db.AlbumPhotos.Where(a => ids.Contains(a.PhotoId)).OrderBy(a => a.PhotoId).ToListAsync(cancellationToken))
        {
            if (inAlbums.Add(entry.AlbumId))
            {
                db.AlbumPhotos.Add(new AlbumPhoto { AlbumId = entry.AlbumId, PhotoId = target.Id, Position = entry.Position, AddedAt = entry.AddedAt });
            }
        }

        var inLinks = (await db.ShareLinkPhotos.Where(l => l.PhotoId == target.Id).Select(l => l.ShareLinkId).ToListAsync(cancellationToken)).ToHashSet();
        foreach (var entry in await db.ShareLinkPhotos.Where(l => ids.Contains(l.PhotoId)).OrderBy(l => l.PhotoId).ToListAsync(cancellationToken))
        {
            if (inLinks.Add(entry.ShareLinkId))
            {
                db.ShareLinkPhotos.Add(new ShareLinkPhoto { ShareLinkId = entry.ShareLinkId, PhotoId = target.Id, Position = entry.Position });
            }
        }

        var labels = (await db.PhotoLabels.Where(l => l.PhotoId == target.Id).Select(l => l.LabelId).ToListAsync(cancellationToken)).ToHashSet();
        foreach (var label in await db.PhotoLabels.Where(l => ids.Contains(l.PhotoId) && l.Source == MetadataSource.Manual).ToListAsync(cancellationToken))
        {
            if (labels.Add(label.LabelId))
            {
                db.PhotoLabels.Add(new PhotoLabel { PhotoId = target.Id, LabelId = label.LabelId, Source = label.Source });
            }
        }

        await db.Albums.Where(a => a.CoverPhotoId != null && ids.Contains(a.CoverPhotoId.Value))
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.CoverPhotoId, target.Id), cancellationToken);
    }
}
