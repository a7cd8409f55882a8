using System.Linq.Expressions;
using Pixhaven.Core.Model;

namespace Pixhaven.Core.Search;

/// <summary>What a grid needs of a photo: identity, time, shape, thumbnail key and flags.</summary>
/// <param name="Animated">An animated GIF or WebP that plays as it is (not one turned by hand, whose original lies on its side).</param>
public sealed record PhotoSummary(
    string Uid,
    MediaType Type,
    DateTime TakenAt,
    string? Title,
    int? Width,
    int? Height,
    string? ThumbnailHash,
    bool Favorite,
    bool Animated)
{
    /// <summary>The projection, as an expression so the database selects only these columns.</summary>
    internal static readonly Expression<Func<Photo, PhotoSummary>> FromPhoto =
        p => new PhotoSummary(p.Uid, p.Type, p.TakenAt, p.Title, p.Width, p.Height, p.ThumbnailHash, p.Favorite, p.Animated && p.Rotation == 0);
}
