using Pixhaven.Core.Model;

namespace Pixhaven.Core.Search;

/// <summary>What a grid needs of a photo: identity, time, shape and thumbnail key.</summary>
public sealed record PhotoSummary(
    string Uid,
    MediaType Type,
    DateTime TakenAt,
    string? Title,
    int? Width,
    int? Height,
    string? ThumbnailHash);
