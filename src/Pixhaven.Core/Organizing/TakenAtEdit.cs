using System.Globalization;
using System.Text.RegularExpressions;
using Pixhaven.Core.Indexing;
using Pixhaven.Core.Model;

namespace Pixhaven.Core.Organizing;

/// <summary>
/// The date and time part of an edit, checked before any photo changes: a new local time, or a shift of each photo's
/// own (a camera whose clock was wrong), and a time zone, which with neither keeps each photo's local time.
/// </summary>
internal sealed partial class TakenAtEdit
{
    /// <summary>A longer shift is a typing error, not a camera's clock.</summary>
    private const int MaxShiftDays = 36_500;

    private readonly DateTime? _local;
    private readonly TimeSpan _shift;

    /// <summary>The offset a zone gives at a local time; null: the edit keeps each photo's offset.</summary>
    private readonly Func<DateTime, TimeSpan?>? _zone;

    private TakenAtEdit(DateTime? local, TimeSpan shift, Func<DateTime, TimeSpan?>? zone) => (_local, _shift, _zone) = (local, shift, zone);

    /// <summary>The edit's time part, or null when it leaves the time alone; an invalid one throws with the reason.</summary>
    public static TakenAtEdit? Parse(PhotoEdit edit)
    {
        if (edit.TakenAt is not null && edit.ShiftTakenAt is not null)
        {
            throw new OrganizeException("give takenAt or shiftTakenAt, not both");
        }

        var zone = edit.TimeZone is { } name ? ParseZone(name) : null;
        var local = edit.TakenAt is { } text ? ParseLocal(text) : (DateTime?)null;
        var shift = edit.ShiftTakenAt is { } by ? ParseShift(by) : TimeSpan.Zero;
        return local is null && shift == TimeSpan.Zero && zone is null ? null : new TakenAtEdit(local, shift, zone);
    }

    /// <summary>Sets the photo's time as a manual value; a shift that leaves the calendar throws, before anything is saved.</summary>
    public void Apply(Photo photo)
    {
        var local = _local ?? photo.TakenAt;
        if (_shift != TimeSpan.Zero)
        {
            if ((_shift > TimeSpan.Zero && local > DateTime.MaxValue - _shift) || (_shift < TimeSpan.Zero && local < DateTime.MinValue - _shift)
                || (local + _shift).Year is < 1000 or > 9999)
            {
                throw new OrganizeException($"shifting photo {photo.Uid} by {FormatShift(_shift)} would take it out of the years 1000 to 9999");
            }

            local += _shift;
        }

        var offset = _zone is not null ? _zone(local)
            : _local is not null ? null
            : photo.TakenAtOffsetMinutes is { } minutes ? TimeSpan.FromMinutes(minutes) : null;
        photo.TakenAt = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        photo.TakenAtOffsetMinutes = offset is { } o ? (int)o.TotalMinutes : null;
        photo.TakenAtUtc = DateTime.SpecifyKind(local - (offset ?? TimeSpan.Zero), DateTimeKind.Utc);
        photo.TakenAtSource = MetadataSource.Manual;
    }

    private static DateTime ParseLocal(string text)
    {
        if (!DateTime.TryParseExact(text, ["yyyy-MM-ddTHH:mm:ss", "yyyy-MM-ddTHH:mm:ss.FFF", "yyyy-MM-ddTHH:mm", "yyyy-MM-dd"],
                CultureInfo.InvariantCulture, DateTimeStyles.None, out var local) || local.Year < 1000)
        {
            throw new OrganizeException($"takenAt '{text}' is not a local time like 2019-06-30T18:05:00");
        }

        return local;
    }

    /// <summary>"+01:00", "-00:30", "+2.03:00" (days.hours:minutes), seconds optional.</summary>
    private static TimeSpan ParseShift(string text)
    {
        var match = ShiftPattern().Match(text.Trim());
        if (!match.Success || int.Parse(match.Groups["h"].Value, CultureInfo.InvariantCulture) > 23
            || int.Parse(match.Groups["m"].Value, CultureInfo.InvariantCulture) > 59
            || (match.Groups["s"].Success && int.Parse(match.Groups["s"].Value, CultureInfo.InvariantCulture) > 59)
            || (match.Groups["d"].Success && match.Groups["d"].Value.Length > 5))
        {
            throw new OrganizeException($"shiftTakenAt '{text}' is not a shift like +01:00, -00:30 or +2.03:00 (days.hours:minutes)");
        }

        int Part(string group) => match.Groups[group].Success ? int.Parse(match.Groups[group].Value, CultureInfo.InvariantCulture) : 0;
        var shift = new TimeSpan(Part("d"), Part("h"), Part("m"), Part("s"));
        if (shift.TotalDays > MaxShiftDays)
        {
            throw new OrganizeException($"shiftTakenAt '{text}' is more than {MaxShiftDays} days");
        }

        return match.Groups["sign"].Value == "-" ? -shift : shift;
    }

    private static string FormatShift(TimeSpan shift) =>
        (shift < TimeSpan.Zero ? "-" : "+") + shift.Duration().ToString(shift.Duration().Days > 0 ? @"d\.hh\:mm" : @"hh\:mm", CultureInfo.InvariantCulture);

    /// <summary>An IANA name gives the offset in force at each local time; an offset is fixed; empty: unknown.</summary>
    private static Func<DateTime, TimeSpan?> ParseZone(string text)
    {
        var zone = text.Trim();
        if (zone.Length == 0)
        {
            return _ => null;
        }

        if (zone[0] is '+' or '-' && TimeSpan.TryParseExact(zone[1..], @"hh\:mm", CultureInfo.InvariantCulture, out var offset) && offset <= TimeSpan.FromHours(14))
        {
            var fixedOffset = zone[0] == '-' ? -offset : offset;
            return _ => fixedOffset;
        }

        if (zone is "Z" or "UTC")
        {
            return _ => TimeSpan.Zero;
        }

        try
        {
            var info = TimeZoneInfo.FindSystemTimeZoneById(zone);
            return local => PhotoFields.OffsetAt(info, local);
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            throw new OrganizeException($"unknown time zone '{zone}': use an IANA name like Europe/Berlin or an offset like +02:00");
        }
    }

    [GeneratedRegex(@"^(?<sign>[+-])?(?:(?<d>\d+)\.)?(?<h>\d{1,2}):(?<m>\d{2})(?::(?<s>\d{2}))?$", RegexOptions.CultureInvariant)]
    private static partial Regex ShiftPattern();
}
