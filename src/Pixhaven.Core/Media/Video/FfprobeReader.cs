using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Pixhaven.Core.Media.Metadata;
using Pixhaven.Core.Media.Previews;

namespace Pixhaven.Core.Media.Video;

/// <summary>Reads video metadata with <c>ffprobe</c> (Debian package ffmpeg), run as a process with a timeout.</summary>
public sealed partial class FfprobeReader
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);
    private readonly string? _program = ExternalTool.Find("ffprobe");

    public bool IsAvailable => _program is not null;

    [GeneratedRegex(@"^([+-]\d+(?:\.\d+)?)([+-]\d+(?:\.\d+)?)([+-]\d+(?:\.\d+)?)?")]
    private static partial Regex Iso6709();

    /// <exception cref="InvalidDataException">ffprobe could not read the file.</exception>
    public async Task<VideoProbe> ReadAsync(string path, CancellationToken cancellationToken)
    {
        if (_program is null)
        {
            throw new InvalidOperationException("ffprobe is not installed (Debian package ffmpeg)");
        }

        var (exitCode, output, errors) = await ExternalTool.RunWithOutputAsync(_program,
            ["-v", "error", "-print_format", "json", "-show_format", "-show_streams", "--", path], Timeout, cancellationToken);
        if (exitCode != 0)
        {
            throw new InvalidDataException($"ffprobe cannot read the video: {ExternalTool.Reason(errors, exitCode, path)}");
        }

        return Parse(output);
    }

    public static VideoProbe Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        var format = root.TryGetProperty("format", out var f) ? f : default;
        var tags = Tags(format);
        var streams = root.TryGetProperty("streams", out var s) ? s.EnumerateArray().ToList() : [];
        var video = streams.FirstOrDefault(x => Text(x, "codec_type") == "video" && !IsAttachedPicture(x));
        var audio = streams.FirstOrDefault(x => Text(x, "codec_type") == "audio");

        var rotation = video.ValueKind == JsonValueKind.Object ? Rotation(video) : 0;
        int? width = video.ValueKind == JsonValueKind.Object && video.TryGetProperty("width", out var w) ? w.GetInt32() : null;
        int? height = video.ValueKind == JsonValueKind.Object && video.TryGetProperty("height", out var h) ? h.GetInt32() : null;
        if (Math.Abs(rotation) % 180 == 90)
        {
            (width, height) = (height, width);
        }

        var telemetry = streams.Any(x => Text(x, "codec_tag_string") == "gpmd");
        var goPro = telemetry || streams.Any(x => Tags(x).GetValueOrDefault("handler_name")?.StartsWith("GoPro ", StringComparison.Ordinal) == true);
        // An AVI of a compact camera (Fujifilm and others) keeps EXIF in the video stream's data chunk, which ffmpeg
        // decodes into that stream's tags: the camera's make, model and local time.
        var streamExif = Tags(video);
        var (takenAt, offset, isUtc) = TakenAt(tags);
        if (takenAt is null && MetadataDates.ParseDateTime(streamExif.GetValueOrDefault("DateTimeOriginal")) is { } original)
        {
            (takenAt, offset, isUtc) = (original.Local, original.Offset, false);
        }

        if (goPro && isUtc && takenAt is { } created && streams.Select(x => Tags(x).GetValueOrDefault("timecode")).FirstOrDefault(t => t is not null) is { } timecode)
        {
            (takenAt, offset, isUtc) = GoProClock(created, timecode);
        }

        var (lat, lng, alt) = Location(tags.GetValueOrDefault("com.apple.quicktime.location.ISO6709") ?? tags.GetValueOrDefault("location"));
        return new VideoProbe
        {
            Duration = Number(Text(format, "duration")) ?? (video.ValueKind == JsonValueKind.Object ? Number(Text(video, "duration")) : null),
            VideoCodec = video.ValueKind == JsonValueKind.Object ? Text(video, "codec_name") : null,
            AudioCodec = audio.ValueKind == JsonValueKind.Object ? Text(audio, "codec_name") : null,
            ColorTransfer = video.ValueKind == JsonValueKind.Object ? Text(video, "color_transfer") : null,
            Width = width,
            Height = height,
            Rotation = rotation,
            FrameRate = video.ValueKind == JsonValueKind.Object ? Fraction(Text(video, "avg_frame_rate")) ?? Fraction(Text(video, "r_frame_rate")) : null,
            TakenAt = takenAt,
            TakenAtOffset = offset,
            TakenAtIsUtc = isUtc,
            RecordedByPhone = tags.ContainsKey("com.android.version") || tags.Keys.Any(k => k.StartsWith("com.apple.quicktime.", StringComparison.OrdinalIgnoreCase)),
            Latitude = lat,
            Longitude = lng,
            Altitude = alt,
            Make = tags.GetValueOrDefault("com.apple.quicktime.make") ?? tags.GetValueOrDefault("make") ?? NonBlank(streamExif.GetValueOrDefault("Make")) ?? (goPro ? "GoPro" : null),
            Model = tags.GetValueOrDefault("com.apple.quicktime.model") ?? tags.GetValueOrDefault("model") ?? NonBlank(streamExif.GetValueOrDefault("Model")),
            ContentIdentifier = tags.GetValueOrDefault("com.apple.quicktime.content.identifier"),
            GoProFirmwareModel = goPro ? GoProFirmware.ModelOf(tags.GetValueOrDefault("firmware")) : null,
            HasGoProTelemetry = telemetry,
            IsSonyXavc = tags.GetValueOrDefault("major_brand")?.Trim() == "XAVC",
        };
    }

    private static (DateTime?, TimeSpan?, bool IsUtc) TakenAt(Dictionary<string, string> tags)
    {
        // Apple's creationdate keeps the local time and offset.
        if (MetadataDates.ParseDateTime(tags.GetValueOrDefault("com.apple.quicktime.creationdate")) is { Offset: not null } local)
        {
            return (local.Local, local.Offset, false);
        }

        // The container's creation time: MP4, QuickTime and Matroska store UTC, which ffprobe writes with a "Z"; an AVI's
        // IDIT chunk is the camera's local time, which ffprobe writes without a zone.
        if (MetadataDates.ParseDateTime(tags.GetValueOrDefault("creation_time")) is { } created && created.Local.Year > 1904)
        {
            return (created.Local, created.Offset, created.Offset == TimeSpan.Zero);
        }

        return (null, null, false);
    }

    /// <summary>
    /// A GoPro's time: its timecode track runs on the camera's local clock (time of day, frames after ';' or ':'), while
    /// the container's creation time is UTC on cameras set to a time zone and the same local clock on the others. The
    /// difference, to the quarter hour, is the offset; none means the creation time is the local clock, zone unknown.
    /// </summary>
    private static (DateTime?, TimeSpan?, bool IsUtc) GoProClock(DateTime created, string timecode)
    {
        var parts = timecode.Split(':', ';', '.');
        if (parts.Length < 3 || !int.TryParse(parts[0], CultureInfo.InvariantCulture, out var hours) || !int.TryParse(parts[1], CultureInfo.InvariantCulture, out var minutes)
            || !int.TryParse(parts[2], CultureInfo.InvariantCulture, out var seconds) || hours > 23 || minutes > 59 || seconds > 59)
        {
            return (created, TimeSpan.Zero, true);
        }

        var difference = new TimeSpan(hours, minutes, seconds) - created.TimeOfDay;
        difference += difference.TotalHours switch { < -12 => TimeSpan.FromDays(1), > 14 => TimeSpan.FromDays(-1), _ => TimeSpan.Zero };
        if (MetadataDates.ZoneOffset(difference, TimeSpan.FromMinutes(2)) is not { } offset)
        {
            return (created, TimeSpan.Zero, true); // not a clock time: a timecode set by hand
        }

        return offset == TimeSpan.Zero ? (created, null, false) : (created + offset, offset, false);
    }

    private static (double?, double?, double?) Location(string? iso6709)
    {
        if (iso6709 is null || Iso6709().Match(iso6709) is not { Success: true } match)
        {
            return (null, null, null);
        }

        var lat = double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
        var lng = double.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture);
        double? alt = match.Groups[3].Success ? double.Parse(match.Groups[3].Value, CultureInfo.InvariantCulture) : null;
        return Math.Abs(lat) <= 90 && Math.Abs(lng) <= 180 && (lat != 0 || lng != 0) ? (lat, lng, alt) : (null, null, null);
    }

    private static int Rotation(JsonElement stream)
    {
        if (stream.TryGetProperty("side_data_list", out var sideData))
        {
            foreach (var item in sideData.EnumerateArray())
            {
                if (item.TryGetProperty("rotation", out var r) && r.TryGetDouble(out var degrees))
                {
                    return (int)Math.Round(degrees);
                }
            }
        }

        return int.TryParse(Tags(stream).GetValueOrDefault("rotate"), CultureInfo.InvariantCulture, out var rotate) ? rotate : 0;
    }

    private static bool IsAttachedPicture(JsonElement stream) =>
        stream.TryGetProperty("disposition", out var d) && d.TryGetProperty("attached_pic", out var a) && a.GetInt32() == 1;

    private static Dictionary<string, string> Tags(JsonElement element) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty("tags", out var tags)
            ? tags.EnumerateObject().Where(t => t.Value.ValueKind == JsonValueKind.String)
                .GroupBy(t => t.Name, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.First().Value.GetString()!, StringComparer.OrdinalIgnoreCase)
            : new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

    private static string? NonBlank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static string? Text(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static double? Number(string? text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var n) && double.IsFinite(n) && n >= 0 ? n : null;

    private static double? Fraction(string? text)
    {
        var parts = text?.Split('/');
        return parts is { Length: 2 } && Number(parts[0]) is { } a && Number(parts[1]) is { } b and > 0 && a > 0 ? Math.Round(a / b, 3) : null;
    }
}
