using System.Globalization;

namespace Pixhaven.Core.Search;

/// <summary>
/// Finds moments, the automatic albums of a trip or an event: photos taken in one place (country and region) with no
/// gap longer than <see cref="MaxGap"/> between them, at least <see cref="MinPhotos"/> of them.
/// </summary>
public static class Moments
{
    public static readonly TimeSpan MaxGap = TimeSpan.FromDays(2);
    public const int MinPhotos = 3;

    /// <summary>A photo as moments see it: when and where it was taken.</summary>
    public sealed record Point(long Id, DateTime TakenAt, string CountryCode, string? State);

    /// <summary>Groups the points (in any order) into moments, newest first.</summary>
    public static IReadOnlyList<(IReadOnlyList<Point> Photos, string CountryCode, string? State)> Find(IEnumerable<Point> points)
    {
        var found = new List<(IReadOnlyList<Point>, string, string?)>();
        var run = new List<Point>();
        foreach (var point in points.OrderBy(p => p.TakenAt).ThenBy(p => p.Id))
        {
            if (run.Count > 0 && (!SamePlace(run[^1], point) || point.TakenAt - run[^1].TakenAt > MaxGap))
            {
                Close();
            }

            run.Add(point);
        }

        Close();
        found.Reverse();
        return found;

        void Close()
        {
            if (run.Count >= MinPhotos)
            {
                found.Add((run.ToList(), run[0].CountryCode, run[0].State));
            }

            run.Clear();
        }
    }

    /// <summary>The search that shows a moment's photos in the normal grid.</summary>
    public static string QueryFor(string countryCode, string? state, DateTime start, DateTime end)
    {
        var query = $"country:{countryCode.ToLowerInvariant()} after:{start:yyyy-MM-dd} before:{end.Date.AddDays(1):yyyy-MM-dd}";
        return state is null ? query : query + $" state:\"{state.Replace("\"", "", StringComparison.Ordinal)}\"";
    }

    private static bool SamePlace(Point a, Point b) =>
        a.CountryCode == b.CountryCode && string.Equals(a.State, b.State, StringComparison.Ordinal);
}

/// <summary>A moment: where and when, how many photos, one to show, and the search that lists them.</summary>
public sealed record Moment(string Title, string CountryCode, string? State, DateTime Start, DateTime End, int Count, string CoverUid, string? CoverHash, string Query)
{
    public static string TitleOf(string? state, string country, DateTime start, DateTime end) =>
        $"{(state is null ? country : $"{state}, {country}")}, {(start.Month == end.Month && start.Year == end.Year
            ? start.ToString("MMMM yyyy", CultureInfo.InvariantCulture)
            : $"{start.ToString("MMMM", CultureInfo.InvariantCulture)}–{end.ToString("MMMM yyyy", CultureInfo.InvariantCulture)}")}";
}
