using System.Globalization;
using System.Text.RegularExpressions;

namespace Pixhaven.Core.Media.Metadata;

/// <summary>Parses the date formats found in EXIF, IPTC and XMP, rejecting the zeroed placeholders cameras write.</summary>
public static partial class MetadataDates
{
    [GeneratedRegex(@"^\s*(\d{4})[:\-](\d{2})[:\-](\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2}))?(?:[.,](\d{1,9}))?)?\s*(Z|[+\-]\d{2}:?\d{2})?\s*$")]
    private static partial Regex DateTimePattern();

    [GeneratedRegex(@"^\s*(\d{2}):?(\d{2}):?(\d{2})(?:[.,]\d+)?\s*(Z|[+\-]\d{2}:?\d{2})?\s*$")]
    private static partial Regex TimePattern();

    /// <summary>Parses "2022:07:22 21:26:32", "2022-07-22T21:26:32.092+08:00" and similar.</summary>
    public static (DateTime Local, TimeSpan? Offset)? ParseDateTime(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var match = DateTimePattern().Match(text.Trim('\0', ' '));
        if (!match.Success)
        {
            return null;
        }

        var year = Int(match.Groups[1]);
        var month = Int(match.Groups[2]);
        var day = Int(match.Groups[3]);
        var hour = match.Groups[4].Success ? Int(match.Groups[4]) : 0;
        var minute = match.Groups[5].Success ? Int(match.Groups[5]) : 0;
        var second = match.Groups[6].Success ? Int(match.Groups[6]) : 0;
        if (year < 1800 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month) || hour > 23 || minute > 59 || second > 59)
        {
            return null;
        }

        var local = new DateTime(year, month, day, hour, minute, second, DateTimeKind.Unspecified);
        if (match.Groups[7].Success)
        {
            local = local.AddTicks(FractionTicks(match.Groups[7].Value));
        }

        return (local, match.Groups[8].Success ? ParseOffset(match.Groups[8].Value) : null);
    }

    /// <summary>Parses an IPTC date ("20080315") and optional time ("074421-0700").</summary>
    public static (DateTime Local, TimeSpan? Offset)? ParseIptc(string? date, string? time)
    {
        if (date is null || date.Trim().Length != 8)
        {
            return null;
        }

        var d = date.Trim();
        var parsed = ParseDateTime($"{d[..4]}:{d[4..6]}:{d[6..8]}");
        if (parsed is null)
        {
            return null;
        }

        if (time is not null && TimePattern().Match(time) is { Success: true } t)
        {
            var clock = new TimeSpan(Int(t.Groups[1]), Int(t.Groups[2]), Int(t.Groups[3]));
            if (clock < TimeSpan.FromDays(1))
            {
                return (parsed.Value.Local + clock, t.Groups[4].Success ? ParseOffset(t.Groups[4].Value) : null);
            }
        }

        return parsed;
    }

    /// <summary>
    /// The UTC offset by which two readings of one instant differ (a local clock against UTC): the difference rounded to
    /// the quarter hour, when that lies within ±14 hours and the difference is that close to it; else null.
    /// </summary>
    public static TimeSpan? ZoneOffset(TimeSpan difference, TimeSpan tolerance)
    {
        var offset = TimeSpan.FromMinutes(Math.Round(difference.TotalMinutes / 15) * 15);
        return offset.Duration() <= TimeSpan.FromHours(14) && (difference - offset).Duration() <= tolerance ? offset : null;
    }

    /// <summary>Parses "+08:00", "-0700" or "Z"; null for anything else or outside ±14 hours.</summary>
    public static TimeSpan? ParseOffset(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var s = text.Trim('\0', ' ');
        if (s == "Z")
        {
            return TimeSpan.Zero;
        }

        if (s.Length < 5 || (s[0] != '+' && s[0] != '-'))
        {
            return null;
        }

        var digits = s[1..].Replace(":", "", StringComparison.Ordinal);
        if (digits.Length != 4 || !int.TryParse(digits[..2], CultureInfo.InvariantCulture, out var h) || !int.TryParse(digits[2..], CultureInfo.InvariantCulture, out var m) || h > 14 || m > 59)
        {
            return null;
        }

        var offset = new TimeSpan(h, m, 0);
        return s[0] == '-' ? -offset : offset;
    }

    /// <summary>Ticks of a decimal fraction of a second given by its digits, e.g. "092" or "49".</summary>
    public static long FractionTicks(string? digits)
    {
        var d = new string((digits ?? "").Trim('\0', ' ').TakeWhile(char.IsAsciiDigit).ToArray());
        if (d.Length == 0)
        {
            return 0;
        }

        d = d.Length > 7 ? d[..7] : d.PadRight(7, '0');
        return long.Parse(d, CultureInfo.InvariantCulture);
    }

    private static int Int(Group group) => int.Parse(group.Value, CultureInfo.InvariantCulture);
}
