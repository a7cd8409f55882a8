using Microsoft.EntityFrameworkCore;
using Pixhaven.Core.Catalog;
using Pixhaven.Core.Media;
using Pixhaven.Core.Media.Metadata;
using Pixhaven.Core.Media.Thumbnails;
using Pixhaven.Core.Model;
using Pixhaven.Core.Options;

namespace Pixhaven.Core.Indexing;

/// <summary>
/// Turns a photo's thumbnails and size the way it is to be shown: by a sidecar's orientation (a photo turned in
/// Lightroom or digiKam) and then by the user's own turn (<see cref="Photo.Rotation"/>). The turned thumbnails get
/// a key of their own, as the content's thumbnails are shared by every photo with the same content; originals are
/// never touched. A plain image is turned from its original; a RAW or HEIF, whose pixels come from a preview or are
/// turned by their container, is turned from its own thumbnails, and only by the user's turn.
/// </summary>
public sealed class PhotoOrienter(ThumbnailGenerator thumbnails, ThumbnailStore store, PixhavenOptions options)
{
    /// <summary>The orientation the stack's sidecars give (the last in path order that has one), as indexing applies them.</summary>
    public async Task<int?> SidecarOrientationAsync(CatalogDbContext db, PhotoFile primary, CancellationToken cancellationToken)
    {
        if (primary.StackKey is not { } stack)
        {
            return null;
        }

        var sidecars = await db.Files
            .Where(f => f.StackKey == stack && f.Type == MediaType.Sidecar && !f.Missing && (f.Status == FileStatus.Indexed || f.Status == FileStatus.Partial))
            .Select(f => f.Path).ToListAsync(cancellationToken);
        int? orientation = null;
        foreach (var path in sidecars.Order(StringComparer.Ordinal))
        {
            orientation = SidecarReader.Read(Path.Combine(options.OriginalsFullPath, path)).Orientation ?? orientation;
        }

        return orientation;
    }

    /// <summary>Sets the photo's thumbnails and size, making the turned thumbnails when they are not there yet.</summary>
    /// <returns>Null when done; else why the thumbnails could not be turned (the photo then keeps what it showed).</returns>
    public string? Apply(Photo target, PhotoFile primary, int? sidecarOrientation)
    {
        if (primary.Hash is not { } hash || primary.Type is not (MediaType.Image or MediaType.Raw))
        {
            return null; // a video's picture is what plays: it is not turned here
        }

        // A plain image is turned from its original by one orientation that says it all; the others by the user's turn.
        var own = primary.Orientation ?? 1;
        int? wanted = primary.Type == MediaType.Image && primary.Format is not ("heif" or "avif")
            ? Orientations.Turn(sidecarOrientation ?? own, target.Rotation)
            : null;
        var sideways = wanted is { } orientation ? Orientations.IsSideways(own) != Orientations.IsSideways(orientation) : target.Rotation is 90 or 270;
        if (primary.ThumbnailKey is not { } ownKey)
        {
            if (target.ThumbnailHash is null)
            {
                SetSize(target, primary, sideways); // nothing can be shown of it, but its size still turns
            }

            return null; // else the stack shows another file's thumbnails
        }

        var key = wanted is { } o ? (o == own ? ownKey : ThumbnailKeys.Oriented(hash, o))
            : target.Rotation == 0 ? ownKey : ThumbnailKeys.Turned(ownKey, target.Rotation);
        if (key == ownKey && (target.ThumbnailHash == ownKey || !store.HasAll(ownKey)))
        {
            return null; // the usual case, nothing turns the photo; or the stack shows another file's thumbnails
        }

        if (key != ownKey && !store.HasAll(key))
        {
            try
            {
                if (wanted is { } turned)
                {
                    thumbnails.Generate(Path.Combine(options.OriginalsFullPath, primary.Path), key, orientation: turned);
                }
                else
                {
                    thumbnails.Turn(ownKey, key, target.Rotation);
                }
            }
            catch (Exception e) when (e is ThumbnailException or IOException or NetVips.VipsException)
            {
                return e.Message;
            }
        }

        target.ThumbnailHash = key;
        SetSize(target, primary, sideways);
        return null;
    }

    /// <summary>The file's own size is after its own orientation; a quarter turn more or less swaps it.</summary>
    private static void SetSize(Photo target, PhotoFile primary, bool sideways) =>
        (target.Width, target.Height) = sideways ? (primary.Height, primary.Width) : (primary.Width, primary.Height);
}
