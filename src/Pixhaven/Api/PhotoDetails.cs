using System.Globalization;
using Pixhaven.Core.Media.Metadata;
using Pixhaven.Core.Model;

namespace Pixhaven.Api;

/// <summary>Everything the API tells about one photo.</summary>
public sealed record PhotoDetails(
    string Uid,
    MediaType Type,
    string TakenAt,
    string? TakenAtOffset,
    MetadataSource TakenAtSource,
    string? Title,
    string? Description,
    IReadOnlyList<string> Keywords,
    string? Make,
    string? Model,
    string? Camera,
    string? Lens,
    double? FocalLength,
    double? FNumber,
    string? ExposureTime,
    int? Iso,
    double? Lat,
    double? Lng,
    double? Altitude,
    MetadataSource LocationSource,
    string? Country,
    string? CountryName,
    string? State,
    string? City,
    string? Place,
    bool Favorite,
    bool Private,
    DateTime? ArchivedAt,
    IReadOnlyList<string> Labels,
    IReadOnlyList<AlbumRef> Albums,
    IReadOnlyList<FaceRef> Faces,
    int? Width,
    int? Height,
    double? Duration,
    string? ThumbnailHash,
    bool Animated,
    bool Missing,
    IReadOnlyList<PhotoFileDetails> Files)
{
    public static PhotoDetails From(Photo p, Func<string, string?> countryName) => new(
        p.Uid, p.Type, ApiFormat.LocalTime(p.TakenAt), ApiFormat.Offset(p.TakenAtOffsetMinutes), p.TakenAtSource,
        p.Title, p.Description,
        p.Keywords?.Split(", ", StringSplitOptions.RemoveEmptyEntries) ?? [],
        p.CameraMake, p.CameraModel, CameraName.For(p.CameraMake, p.CameraModel), p.Lens, p.FocalLength, p.FNumber, p.ExposureTime, p.Iso,
        p.Latitude, p.Longitude, p.Altitude, p.LocationSource,
        p.CountryCode?.ToLowerInvariant(), p.CountryCode is { } code ? countryName(code) : null, p.State, p.City, p.PlaceLabel,
        p.Favorite, p.Private, p.ArchivedAt,
        p.Labels.Select(l => l.Label!.Name).Order(StringComparer.OrdinalIgnoreCase).ToList(),
        p.Albums.Select(a => new AlbumRef(a.Album!.Uid, a.Album.Title)).ToList(),
        p.Faces.OrderBy(f => f.X).Select(f => new FaceRef(f.Person?.Slug, f.Person?.Name, f.X, f.Y, f.Width, f.Height)).ToList(),
        p.Width, p.Height, p.Duration, p.ThumbnailHash, p.Animated && p.Rotation == 0, p.Missing,
        p.Files.Select(PhotoFileDetails.From).ToList());
}

/// <summary>An album a photo is in.</summary>
public sealed record AlbumRef(string Uid, string Title);

/// <summary>A face on a photo: the person (slug and name) when it is named, and its box in fractions of the picture as shown.</summary>
public sealed record FaceRef(string? Person, string? Name, double X, double Y, double Width, double Height);

/// <summary>One file behind a photo, with its indexing state.</summary>
public sealed record PhotoFileDetails(
    long Id, string Path, string Name, long Size, string? Hash, MediaType Type, string? Format, string? Mime,
    int? Width, int? Height, int? Orientation, double? Duration, string? Codec, string? AudioCodec, double? FrameRate,
    bool Primary, bool Duplicate, bool Missing, FileStatus Status, string? Error, DateTime ModifiedAt)
{
    public static PhotoFileDetails From(PhotoFile f) => new(
        f.Id, f.Path, System.IO.Path.GetFileName(f.Path), f.Size, f.Hash, f.Type, f.Format, f.Mime, f.Width, f.Height, f.Orientation,
        f.Duration, f.Codec, f.AudioCodec, f.FrameRate, f.Primary, f.Duplicate, f.Missing, f.Status, f.Error, DateTime.SpecifyKind(f.ModifiedAt, DateTimeKind.Utc));
}

/// <summary>The text forms of times used across the API and <c>pixhaven meta</c>.</summary>
public static class ApiFormat
{
    /// <summary>"2022-07-22T21:26:32" or with milliseconds "2022-07-22T21:26:32.092".</summary>
    public static string LocalTime(DateTime local) =>
        local.ToString(local.Ticks % TimeSpan.TicksPerSecond == 0 ? "yyyy-MM-ddTHH:mm:ss" : "yyyy-MM-ddTHH:mm:ss.fff", CultureInfo.InvariantCulture);

    /// <summary>"+02:00", "-07:00" or null.</summary>
    public static string? Offset(int? minutes) => minutes is { } m
        ? (m < 0 ? "-" : "+") + TimeSpan.FromMinutes(Math.Abs(m)).ToString(@"hh\:mm", CultureInfo.InvariantCulture)
        : null;
}
