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
    /// <summary>One stack's merge: the photo kept and the photos it absorbs.</summary>
    public sealed record Merge(Photo Target, IReadOnlyList<Photo> Absorbed);

    /// <summary>
    /// All merges of a batch of stacks at once: a first index merges every RAW+JPEG pair, so a few queries per batch,
    /// not per stack, and none beyond them when the absorbed photos are new and have nothing yet.
    /// </summary>
    public static async Task KeepOrganisationAsync(CatalogDbContext db, IReadOnlyList<Merge> merges, CancellationToken cancellationToken)
    {
        var targetOf = merges.SelectMany(m => m.Absorbed.Select(p => (p.Id, m.Target))).ToDictionary(x => x.Id, x => x.Target);
        if (targetOf.Count == 0)
        {
            return;
        }

        // Any mark wins: a picture the user hid or put away stays so when its RAW or copy arrives later.
        foreach (var (target, absorbed) in merges)
        {
            target.Favorite |= absorbed.Any(p => p.Favorite);
            target.Private |= absorbed.Any(p => p.Private);
            target.ArchivedAt ??= absorbed.Min(p => p.ArchivedAt);
        }

        var ids = targetOf.Keys.ToList();
        var albums = await db.AlbumPhotos.Where(a => ids.Contains(a.PhotoId)).OrderBy(a => a.PhotoId).ToListAsync(cancellationToken);
        var links = await db.ShareLinkPhotos.Where(l => ids.Contains(l.PhotoId)).OrderBy(l => l.PhotoId).ToListAsync(cancellationToken);
        var labels = await db.PhotoLabels.Where(l => ids.Contains(l.PhotoId) && l.Source == MetadataSource.Manual).ToListAsync(cancellationToken);
        if (albums.Count + links.Count + labels.Count > 0)
        {
            var targetIds = targetOf.Values.Select(t => t.Id).Distinct().ToList();
            var inAlbums = (await db.AlbumPhotos.Where(a => targetIds.Contains(a.PhotoId)).Select(a => new { a.PhotoId, a.AlbumId }).ToListAsync(cancellationToken))
                .Select(a => (a.PhotoId, a.AlbumId)).ToHashSet();
            var inLinks = (await db.ShareLinkPhotos.Where(l => targetIds.Contains(l.PhotoId)).Select(l => new { l.PhotoId, l.ShareLinkId }).ToListAsync(cancellationToken))
                .Select(l => (l.PhotoId, l.ShareLinkId)).ToHashSet();
            var hasLabels = (await db.PhotoLabels.Where(l => targetIds.Contains(l.PhotoId)).Select(l => new { l.PhotoId, l.LabelId }).ToListAsync(cancellationToken))
                .Select(l => (l.PhotoId, l.LabelId)).ToHashSet();
            foreach (var entry in albums.Where(e => inAlbums.Add((targetOf[e.PhotoId].Id, e.AlbumId))))
            {
                db.AlbumPhotos.Add(new AlbumPhoto { AlbumId = entry.AlbumId, PhotoId = targetOf[entry.PhotoId].Id, Position = entry.Position, AddedAt = entry.AddedAt });
            }

            foreach (var entry in links.Where(e => inLinks.Add((targetOf[e.PhotoId].Id, e.ShareLinkId))))
            {
                db.ShareLinkPhotos.Add(new ShareLinkPhoto { ShareLinkId = entry.ShareLinkId, PhotoId = targetOf[entry.PhotoId].Id, Position = entry.Position });
            }

            foreach (var label in labels.Where(l => hasLabels.Add((targetOf[l.PhotoId].Id, l.LabelId))))
            {
                db.PhotoLabels.Add(new PhotoLabel { PhotoId = targetOf[label.PhotoId].Id, LabelId = label.LabelId, Source = label.Source });
            }
        }

        foreach (var album in await db.Albums.Where(a => a.CoverPhotoId != null && ids.Contains(a.CoverPhotoId.Value)).ToListAsync(cancellationToken))
        {
            album.CoverPhotoId = targetOf[album.CoverPhotoId!.Value].Id;
        }
    }
}
