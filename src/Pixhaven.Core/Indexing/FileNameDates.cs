using System.Globalization;
using System.Text.RegularExpressions;

namespace Pixhaven.Core.Indexing;

/// <summary>
/// Dates that phones, messengers and people write into file and folder names: "20190512_143011.jpg",
/// "IMG-20190512-WA0001.jpg", "PXL_20211224_183012345.jpg", "Screenshot 2019-05-12 at 14.30.11.png" (or "at 2.30.11 PM"),
/// and folders such as "2019/05/12" or "2019-05-12 Trip". Used only when the metadata has no date.
/// </summary>
public static partial class FileNameDates
{
    // Year 1990-2099, month, day, then optionally hour, minute, second, with the separators people use; a 12-hour time as
    // macOS writes it in English ("at 2.30.11 PM", with a narrow no-break space before PM since macOS 13).
    [GeneratedRegex(@"(?<![0-9])((?:19|20)\d\d)[-_.]?(0[1-9]|1[0-2])[-_.]?(0[1-9]|[12]\d|3[01])(?:[ _\-T]+(?:at )?([01]\d|2[0-3]|(?<=at )\d)[-_.:h]?([0-5]\d)[-_.:m]?([0-5]\d)\d{0,3}(?:[ \u202F]?([AP])M\b)?)?(?![0-9])",
        RegexOptions.IgnoreCase)]
    private static partial Regex DateInName();

    [GeneratedRegex(@"(?:^|/)((?:19|20)\d\d)/(0[1-9]|1[0-2])(?:/(0[1-9]|[12]\d|3[01]))?(?:/|$)")]
    private static partial Regex DateInFolders();

    public static (DateTime Local, bool FromFolder)? Parse(string relativePath)
    {
        var name = Path.GetFileNameWithoutExtension(relativePath);
        if (Match(DateInName().Match(name)) is { } fromName)
        {
            return (fromName, false);
        }

        var folder = Path.GetDirectoryName(relativePath)?.Replace('\\', '/') ?? "";
        foreach (var segment in folder.Split('/').Reverse())
        {
            if (Match(DateInName().Match(segment)) is { } fromSegment)
            {
                return (fromSegment, true);
            }
        }

        if (DateInFolders().Match(folder) is { Success: true } nested)
        {
            var day = nested.Groups[3].Success ? Int(nested.Groups[3]) : 1;
            return (new DateTime(Int(nested.Groups[1]), Int(nested.Groups[2]), day, 0, 0, 0, DateTimeKind.Unspecified), true);
        }

        return null;
    }

    private static DateTime? Match(Match match)
    {
        if (!match.Success)
        {
            return null;
        }

        int year = Int(match.Groups[1]), month = Int(match.Groups[2]), day = Int(match.Groups[3]);
        if (day > DateTime.DaysInMonth(year, month))
        {
            return null;
        }

        if (!match.Groups[4].Success)
        {
            return new DateTime(year, month, day, 0, 0, 0, DateTimeKind.Unspecified);
        }

        var hour = Int(match.Groups[4]);
        if (match.Groups[7].Success)
        {
            if (hour is < 1 or > 12)
            {
                return new DateTime(year, month, day, 0, 0, 0, DateTimeKind.Unspecified);
            }

            hour = (hour % 12) + (match.Groups[7].Value is "P" or "p" ? 12 : 0);
        }

        return new DateTime(year, month, day, hour, Int(match.Groups[5]), Int(match.Groups[6]), DateTimeKind.Unspecified);
    }

    private static int Int(Group group) => int.Parse(group.Value, CultureInfo.InvariantCulture);
}
