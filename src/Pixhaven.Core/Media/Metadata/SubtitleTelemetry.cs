using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Pixhaven.Core.Media.Metadata;

/// <summary>
/// Reads the flight record DJI drones and cameras write beside each video as SubRip subtitles ("DJI_0001.SRT" beside
/// "DJI_0001.MP4"), one subtitle per frame: the recording's start time (the aircraft's local clock, without a zone) and
/// the first position the aircraft had a fix for, which the MP4 itself does not carry. Any other subtitle file is a
/// sidecar without values. Written here as no library reads these records; each model words them a little differently.
/// </summary>
public static partial class SubtitleTelemetry
{
    /// <summary>How much of a file is read: the first seconds of a flight, many times over (a subtitle is about 300 bytes).</summary>
    public const int ReadLength = 1024 * 1024;

    // A subtitle's number, then its start time: "1\r\n00:00:00,000 --> 00:00:00,033".
    [GeneratedRegex(@"^\uFEFF?\s*\d{1,9}\r?\n\d{1,2}:\d{2}:\d{2}[,.]\d{1,3}\s*-->")]
    private static partial Regex SubRipStart();

    [GeneratedRegex(@"\r?\n[ \t]*\r?\n")]
    private static partial Regex BlankLine();

    // "[iso : 100]" (Mini, Mavic, Air), "GPS(8.5485,47.3730,19)" and "HOME(...)" (Phantom 4, Mavic Pro), frame counters.
    [GeneratedRegex(@"\[\s*(?:iso|shutter|fnum|ev|ct|color_md|focal_len|latitude|longt?itude|rel_alt|altitude)\s*:|\b(?:GPS|HOME)\s*\(\s*[-+]?\d|FrameCnt|SrtCnt", RegexOptions.IgnoreCase)]
    private static partial Regex TelemetryMarker();

    // "2021-06-12 14:29:11.164", "2019-10-29 18:28:45,172,632" (Mavic 2), "2017.08.05 14:11:51" (Phantom 4).
    [GeneratedRegex(@"(?<!\d)(\d{4})[-./](\d{2})[-./](\d{2})[ T]+(\d{2}):(\d{2}):(\d{2})(?:[.,](\d{1,3}))?")]
    private static partial Regex Timestamp();

    // "[latitude: 47.123456]", "[latitude : 22.5]"; some firmware spells the other "longtitude".
    [GeneratedRegex(@"\[\s*latitude\s*:\s*([-+]?\d+(?:\.\d+)?)", RegexOptions.IgnoreCase)]
    private static partial Regex Latitude();

    [GeneratedRegex(@"\[\s*longt?itude\s*:\s*([-+]?\d+(?:\.\d+)?)", RegexOptions.IgnoreCase)]
    private static partial Regex Longitude();

    // "GPS(longitude,latitude,...)": the older record puts the longitude first.
    [GeneratedRegex(@"\bGPS\s*\(\s*([-+]?\d+(?:\.\d+)?)\s*,\s*([-+]?\d+(?:\.\d+)?)", RegexOptions.IgnoreCase)]
    private static partial Regex GpsPair();

    // Height above sea level: "abs_alt: 450.123" or "[altitude: 96.2]"; "rel_alt" is above the take-off point.
    [GeneratedRegex(@"(?:\babs_alt|\[\s*altitude)\s*:\s*([-+]?\d+(?:\.\d+)?)", RegexOptions.IgnoreCase)]
    private static partial Regex Altitude();

    /// <summary>Whether these first bytes of a file begin a SubRip subtitle file (UTF-8 or ASCII).</summary>
    public static bool Describes(ReadOnlySpan<byte> header) =>
        header.Length > 0 && SubRipStart().IsMatch(Encoding.UTF8.GetString(header));

    /// <summary>Reads the start of a subtitle file (at most <see cref="ReadLength"/> bytes are looked at).</summary>
    public static MediaMetadata Read(ReadOnlySpan<byte> start)
    {
        var text = Encoding.UTF8.GetString(start[..Math.Min(start.Length, ReadLength)]);
        (DateTime Local, bool Found) time = default;
        (double Latitude, double Longitude, double? Altitude)? position = null;
        var telemetry = false;
        foreach (var block in BlankLine().Split(text))
        {
            if (!TelemetryMarker().IsMatch(block))
            {
                continue;
            }

            telemetry = true;
            if (!time.Found && Timestamp().Match(block) is { Success: true } stamp && LocalTime(stamp) is { } local)
            {
                time = (local, true);
            }

            position ??= Position(block);
            if (time.Found && position is not null)
            {
                break;
            }
        }

        return telemetry
            ? new MediaMetadata
            {
                TakenAt = time.Found ? time.Local : null,
                Latitude = position?.Latitude,
                Longitude = position?.Longitude,
                Altitude = position?.Altitude,
                Make = "DJI",
            }
            : new MediaMetadata();
    }

    private static DateTime? LocalTime(Match stamp)
    {
        int Part(int group) => int.Parse(stamp.Groups[group].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture);
        var (year, month, day, hour, minute, second) = (Part(1), Part(2), Part(3), Part(4), Part(5), Part(6));
        if (year is < 1990 or > 2100 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month) || hour > 23 || minute > 59 || second > 59)
        {
            return null;
        }

        var milliseconds = stamp.Groups[7].Success ? int.Parse(stamp.Groups[7].Value.PadRight(3, '0'), CultureInfo.InvariantCulture) : 0;
        return new DateTime(year, month, day, hour, minute, second, milliseconds, DateTimeKind.Unspecified);
    }

    /// <summary>A block's position, unless it is the 0,0 an aircraft records before it has a fix.</summary>
    private static (double, double, double?)? Position(string block)
    {
        double? latitude = null, longitude = null;
        if (Latitude().Match(block) is { Success: true } lat && Longitude().Match(block) is { Success: true } lng)
        {
            (latitude, longitude) = (Number(lat.Groups[1].Value), Number(lng.Groups[1].Value));
        }
        else if (GpsPair().Match(block) is { Success: true } pair)
        {
            (latitude, longitude) = (Number(pair.Groups[2].Value), Number(pair.Groups[1].Value));
        }

        if (latitude is not { } la || longitude is not { } lo || Math.Abs(la) > 90 || Math.Abs(lo) > 180 || (Math.Abs(la) < 1e-6 && Math.Abs(lo) < 1e-6))
        {
            return null;
        }

        var altitude = Altitude().Match(block) is { Success: true } alt ? Number(alt.Groups[1].Value) : null;
        return (la, lo, altitude);
    }

    private static double? Number(string value) =>
        double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && double.IsFinite(number) ? number : null;
}
