using System.Text.Json.Serialization;
using Pixhaven.Api;
using Pixhaven.Core.Media;

namespace Pixhaven.Cli;

/// <summary>One file in <c>pixhaven meta --json</c>. Field names and forms are the contract metadata accuracy is measured against.</summary>
public sealed record MetaRecord(
    [property: JsonPropertyName("file")] string File,
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("mime")] string? Mime,
    [property: JsonPropertyName("width")] int? Width,
    [property: JsonPropertyName("height")] int? Height,
    [property: JsonPropertyName("orientation")] int? Orientation,
    [property: JsonPropertyName("takenAt")] string? TakenAt,
    [property: JsonPropertyName("takenAtOffset")] string? TakenAtOffset,
    [property: JsonPropertyName("make")] string? Make,
    [property: JsonPropertyName("model")] string? Model,
    [property: JsonPropertyName("lens")] string? Lens,
    [property: JsonPropertyName("focalLength")] double? FocalLength,
    [property: JsonPropertyName("fNumber")] double? FNumber,
    [property: JsonPropertyName("exposureTime")] string? ExposureTime,
    [property: JsonPropertyName("iso")] int? Iso,
    [property: JsonPropertyName("lat")] double? Lat,
    [property: JsonPropertyName("lng")] double? Lng,
    [property: JsonPropertyName("altitude")] double? Altitude,
    [property: JsonPropertyName("title")] string? Title,
    [property: JsonPropertyName("description")] string? Description,
    [property: JsonPropertyName("keywords")] IReadOnlyList<string> Keywords,
    [property: JsonPropertyName("faces")] IReadOnlyList<MetaFace> Faces,
    [property: JsonPropertyName("duration")] double? Duration,
    [property: JsonPropertyName("videoCodec")] string? VideoCodec,
    [property: JsonPropertyName("audioCodec")] string? AudioCodec,
    [property: JsonPropertyName("frameRate")] double? FrameRate,
    [property: JsonPropertyName("error")] string? Error)
{
    public static MetaRecord From(string file, MediaInspection inspection)
    {
        var m = inspection.Metadata;
        var takenAt = m?.TakenAt;
        return new MetaRecord(
            file,
            inspection.Type.Type.ToString().ToLowerInvariant(),
            inspection.Type.Type == Core.Model.MediaType.Unknown ? null : inspection.Type.Mime,
            inspection.Header?.Width,
            inspection.Header?.Height,
            m?.Orientation,
            takenAt is { } t ? ApiFormat.LocalTime(t) : null,
            m?.TakenAtOffset is { } o ? ApiFormat.Offset((int)o.TotalMinutes) : null,
            m?.Make, m?.Model, m?.Lens, m?.FocalLength, m?.FNumber, m?.ExposureTime, m?.Iso,
            m?.Latitude, m?.Longitude, m?.Altitude,
            m?.Title, m?.Description, m?.Keywords ?? [],
            m?.Faces.Select(f => new MetaFace(f.Name, f.X, f.Y, f.Width, f.Height)).ToList() ?? [],
            m?.Duration is { } d ? Math.Round(d, 3) : null,
            m?.VideoCodec, m?.AudioCodec, m?.FrameRate,
            inspection.Error);
    }
}

/// <summary>A face marked in a file's XMP: the name, when given, and the box in fractions of the picture as shown.</summary>
public sealed record MetaFace(
    [property: JsonPropertyName("name")] string? Name,
    [property: JsonPropertyName("x")] double X,
    [property: JsonPropertyName("y")] double Y,
    [property: JsonPropertyName("width")] double Width,
    [property: JsonPropertyName("height")] double Height);
