using System.Globalization;
using System.Text.Json;

namespace Pixhaven.Core.Media.Metadata;

/// <summary>
/// Reads the JSON file Google Takeout writes beside each photo and video it exports ("IMG_1.jpg.json", since 2024
/// "IMG_1.jpg.supplemental-metadata.json"): when it was taken as a UTC instant, the position Google kept (the
/// camera's, or one set in Google Photos), the caption, the people named on it (without a box), and whether it was a
/// favourite. Its "title" is the file's
/// name, not a title. An album's own metadata.json has the same shape without a photo's values.
/// </summary>
public static class GoogleTakeoutMetadata
{
    private static ReadOnlySpan<byte> ByteOrderMark => [0xEF, 0xBB, 0xBF];

    /// <summary>Whether these first bytes of a file begin such a document: a JSON object whose first key is "title".</summary>
    public static bool Describes(ReadOnlySpan<byte> header)
    {
        var text = header.StartsWith(ByteOrderMark) ? header[ByteOrderMark.Length..] : header;
        var start = text.IndexOfAnyExcept(" \t\r\n"u8);
        if (start < 0 || text[start] != '{')
        {
            return false;
        }

        var key = text[(start + 1)..];
        var quote = key.IndexOfAnyExcept(" \t\r\n"u8);
        return quote >= 0 && key[quote..].StartsWith("\"title\""u8);
    }

    public static MediaMetadata Read(byte[] bytes)
    {
        try
        {
            using var document = Parse(bytes);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return new MediaMetadata { Warnings = ["Google Takeout metadata is not a JSON object"] };
            }

            var (lat, lng, alt) = Position(root, "geoData") ?? Position(root, "geoDataExif") ?? (null, null, null);
            var taken = Instant(root, "photoTakenTime");
            return new MediaMetadata
            {
                // A true instant: shown at the local time of the photo's position, else of the default zone, unless
                // the photo's own time already shows it, whose zone it then tells.
                TakenAt = taken,
                TakenAtOffset = taken is null ? null : TimeSpan.Zero,
                TakenAtIsUtc = taken is not null,
                TakenAtIsTrueUtc = taken is not null,
                Latitude = lat,
                Longitude = lng,
                Altitude = alt,
                Description = root.TryGetProperty("description", out var d) && d.ValueKind == JsonValueKind.String && d.GetString()!.Trim() is { Length: > 0 } text ? text : null,
                Favorite = root.TryGetProperty("favorited", out var f) && f.ValueKind == JsonValueKind.True,
                Faces = People(root),
            };
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            // InvalidOperationException: a string that is not UTF-8, met when it is read (found by fuzzing, seed fnhi6xvdR9b1).
            return new MediaMetadata { Warnings = [$"Google Takeout metadata could not be read: {(e is JsonException ? e.Message : "text that is not UTF-8")}"] };
        }
    }

    /// <summary>The document, after a UTF-8 byte order mark if it has one (.NET's parser refuses one in bytes).</summary>
    private static JsonDocument Parse(byte[] bytes) =>
        JsonDocument.Parse(bytes.AsMemory(bytes.AsSpan().StartsWith(ByteOrderMark) ? ByteOrderMark.Length : 0), new JsonDocumentOptions { MaxDepth = 16, AllowTrailingCommas = true });

    /// <summary>An album's metadata.json: its title and description; null for a photo's metadata or anything else.</summary>
    public static (string Title, string? Description)? ReadAlbum(byte[] bytes)
    {
        try
        {
            using var document = Parse(bytes);
            var root = document.RootElement;
            // A photo's metadata has its time, position and views; an album's has none of them.
            if (root.ValueKind != JsonValueKind.Object || root.TryGetProperty("photoTakenTime", out _) || root.TryGetProperty("geoData", out _) || root.TryGetProperty("imageViews", out _)
                || !root.TryGetProperty("title", out var t) || t.ValueKind != JsonValueKind.String || t.GetString()!.Trim() is not { Length: > 0 } title)
            {
                return null;
            }

            return (title, root.TryGetProperty("description", out var d) && d.ValueKind == JsonValueKind.String && d.GetString()!.Trim() is { Length: > 0 } text ? text : null);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            return null;
        }
    }

    /// <summary>The people Google Photos found and the user named: { "people": [{ "name": "Alice" }] }, without a box.</summary>
    private static List<FaceRegion> People(JsonElement root)
    {
        if (!root.TryGetProperty("people", out var people) || people.ValueKind != JsonValueKind.Array)
        {
            return [];
        }

        return people.EnumerateArray()
            .Select(p => p.ValueKind == JsonValueKind.Object && p.TryGetProperty("name", out var n) && n.ValueKind == JsonValueKind.String ? n.GetString()!.Trim() : "")
            .Where(name => name.Length is > 0 and <= FaceRegion.MaxNameLength)
            .Distinct(StringComparer.OrdinalIgnoreCase).Take(FaceRegion.MaxPerPhoto).Select(FaceRegion.WholePicture).ToList();
    }

    /// <summary>A { "timestamp": "1563189600" } object's instant, as a UTC wall-clock time; null for 0 or out of range.</summary>
    private static DateTime? Instant(JsonElement root, string name)
    {
        if (!root.TryGetProperty(name, out var time) || time.ValueKind != JsonValueKind.Object || !time.TryGetProperty("timestamp", out var stamp))
        {
            return null;
        }

        var text = stamp.ValueKind switch
        {
            JsonValueKind.String => stamp.GetString(),
            JsonValueKind.Number => stamp.GetRawText(),
            _ => null,
        };
        return long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) && seconds is > 0 and < 253_402_300_800
            ? DateTime.SpecifyKind(DateTimeOffset.FromUnixTimeSeconds(seconds).UtcDateTime, DateTimeKind.Unspecified)
            : null;
    }

    /// <summary>A { "latitude", "longitude", "altitude" } object; null where Google writes zeros for "no position".</summary>
    private static (double?, double?, double?)? Position(JsonElement root, string name)
    {
        if (!root.TryGetProperty(name, out var geo) || geo.ValueKind != JsonValueKind.Object
            || !geo.TryGetProperty("latitude", out var la) || Number(la) is not { } lat
            || !geo.TryGetProperty("longitude", out var lo) || Number(lo) is not { } lng
            || (lat == 0 && lng == 0) || Math.Abs(lat) > 90 || Math.Abs(lng) > 180 || !double.IsFinite(lat) || !double.IsFinite(lng))
        {
            return null;
        }

        double? alt = geo.TryGetProperty("altitude", out var a) && Number(a) is { } altitude && double.IsFinite(altitude) && altitude != 0 ? altitude : null;
        return (lat, lng, alt);
    }

    private static double? Number(JsonElement value) => value.ValueKind == JsonValueKind.Number && value.TryGetDouble(out var number) ? number : null;
}
