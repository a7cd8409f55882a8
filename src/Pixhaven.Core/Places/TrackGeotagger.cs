using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Pixhaven.Core.Catalog;
using Pixhaven.Core.Indexing;
using Pixhaven.Core.Media.Metadata;
using Pixhaven.Core.Model;
using Pixhaven.Core.Options;

namespace Pixhaven.Core.Places;

/// <summary>
/// Places photos that have no position of their own by the GPS tracks (GPX) anywhere in originals: a camera without GPS
/// and a logger or phone app recording beside it. A photo's instant is matched to the track; between two points at
/// most <c>track-max-gap</c> apart its position is interpolated. The position is recorded as <see cref="MetadataSource.Track"/>:
/// any position a file or the user gives outranks it, and it follows the tracks as they change.
/// </summary>
/// <remarks>
/// Most cameras write their clock's local time without a zone, which Pixhaven then reads in <c>default-time-zone</c>:
/// for a photo taken abroad that instant is off by hours, and would find the track where it was hours later. So an
/// instant from an assumed zone is only trusted where the zone at the position it finds agrees; else the photo's local
/// time is tried in the zone of each track segment, and the photo takes the zone of the place it is matched to.
/// </remarks>
public sealed class TrackGeotagger(
    IDbContextFactory<CatalogDbContext> contextFactory, Gazetteer gazetteer, PixhavenOptions options, TrackCache cache, ILogger<TrackGeotagger> logger)
{
    /// <summary>
    /// Points further apart than this (<c>track-max-gap</c>) are a pause of the logger (no fix, switched off): nothing
    /// between them is placed. Loggers record every few seconds; a battery-saving setting every few minutes.
    /// </summary>
    public const int DefaultMaxGapMinutes = 10;

    private TimeSpan MaxGap => TimeSpan.FromMinutes(options.TrackMaxGapMinutes);

    /// <summary>How far from a point (a segment's end, or either side of a gap) a photo still takes that point's position.</summary>
    public static readonly TimeSpan MaxDistanceToPoint = TimeSpan.FromMinutes(1);

    /// <summary>The format name of GPX files in the catalog.</summary>
    public const string GpxFormat = "gpx";

    // The widest a clock's zone can be off from UTC: photos this far outside every track may still match one.
    private static readonly TimeSpan MaxZoneOffset = TimeSpan.FromHours(14);

    /// <summary>Places, moves or clears every photo's track position by the library's present tracks; returns how many changed.</summary>
    public async Task<int> ApplyAsync(CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        // By format alone, so that the database seeks its index rather than the far larger one of status.
        var tracks = (await db.Files.Where(f => f.Format == GpxFormat).Select(f => new { f.Path, f.Hash, f.Missing, f.Status }).ToListAsync(cancellationToken))
            .Where(f => !f.Missing && f.Status == FileStatus.Indexed).OrderBy(f => f.Path, StringComparer.Ordinal).ToList();
        var segments = tracks.SelectMany(t => ReadSegments(t.Path, t.Hash)).OrderBy(s => s[0].Utc).ToList();
        cache.KeepOnly(tracks.Select(t => t.Hash).OfType<string>().ToHashSet(StringComparer.Ordinal));
        var placedBefore = await db.Photos.Where(p => p.LocationSource == MetadataSource.Track).ToListAsync(cancellationToken);
        if (segments.Count == 0 && placedBefore.Count == 0)
        {
            return 0;
        }

        // Only the hours around each track: a logger used now and then over years leaves most photos far from any.
        var candidates = placedBefore;
        var known = placedBefore.Select(p => p.Id).ToHashSet();
        foreach (var (from, to) in Windows(segments))
        {
            candidates.AddRange((await db.Photos
                    // Times from a file's metadata, a sidecar or the user: a date from a name may have no time of day at all.
                    .Where(p => p.Latitude == null && p.LocationSource < MetadataSource.Track && p.TakenAtSource >= MetadataSource.Embedded
                                && p.TakenAtUtc >= from && p.TakenAtUtc <= to)
                    .ToListAsync(cancellationToken))
                .Where(p => known.Add(p.Id)));
        }

        // The zones the tracks were recorded in, for photos whose own zone was only assumed.
        var zones = segments.Select(s => gazetteer.TimeZoneAt(s[0].Latitude, s[0].Longitude)).OfType<TimeZoneInfo>().DistinctBy(z => z.Id).ToList();
        var changed = 0;
        foreach (var photo in candidates)
        {
            changed += Place(photo, segments, zones) ? 1 : 0;
        }

        await db.SaveChangesAsync(cancellationToken);
        if (changed > 0)
        {
            logger.LogInformation("Placed {Changed} photos by {Tracks} GPS tracks", changed, tracks.Count);
        }

        return changed;
    }

    /// <summary>The spans of time the segments cover, widened by the largest zone offset, overlapping ones merged.</summary>
    private static List<(DateTime From, DateTime To)> Windows(List<IReadOnlyList<TrackPoint>> segmentsByStart)
    {
        var windows = new List<(DateTime From, DateTime To)>();
        foreach (var segment in segmentsByStart)
        {
            var (from, to) = (segment[0].Utc - MaxZoneOffset, segment[^1].Utc + MaxZoneOffset);
            if (windows.Count > 0 && from <= windows[^1].To)
            {
                windows[^1] = (windows[^1].From, to > windows[^1].To ? to : windows[^1].To);
            }
            else
            {
                windows.Add((from, to));
            }
        }

        return windows;
    }

    /// <summary>A track's segments: kept from an earlier run for its content, else parsed (and kept when read to the end).</summary>
    private IEnumerable<IReadOnlyList<TrackPoint>> ReadSegments(string relativePath, string? hash)
    {
        if (hash is not null && cache.Load(hash) is { } kept)
        {
            return kept;
        }

        try
        {
            using var stream = new FileStream(Path.Combine(options.OriginalsFullPath, relativePath), FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            var track = GpsTrack.Read(stream);
            if (track.Warning is not null)
            {
                logger.LogWarning("{Path}: {Warning}", relativePath, track.Warning);
            }
            else if (hash is not null)
            {
                cache.Save(hash, track.Segments);
            }

            return track.Segments;
        }
        catch (IOException e)
        {
            logger.LogWarning("GPS track {Path} cannot be read: {Reason}", relativePath, e.Message);
            return [];
        }
    }

    /// <summary>Gives a photo its position on the tracks, or takes away one the tracks no longer give; whether it changed.</summary>
    private bool Place(Photo photo, List<IReadOnlyList<TrackPoint>> segments, List<TimeZoneInfo> zones)
    {
        var match = Match(photo, segments, zones);
        if (match is null)
        {
            if (photo.LocationSource != MetadataSource.Track)
            {
                return false;
            }

            (photo.Latitude, photo.Longitude, photo.Altitude, photo.LocationSource) = (null, null, null, MetadataSource.Auto);
            PhotoFields.Locate(photo, gazetteer);
            return true;
        }

        var (point, offsetMinutes) = match.Value;
        if (photo.LocationSource == MetadataSource.Track && photo.Latitude == point.Latitude && photo.Longitude == point.Longitude
            && photo.TakenAtOffsetMinutes == offsetMinutes)
        {
            return false;
        }

        (photo.Latitude, photo.Longitude, photo.Altitude, photo.LocationSource) = (point.Latitude, point.Longitude, point.Elevation, MetadataSource.Track);
        PhotoFields.SetOffset(photo, TimeSpan.FromMinutes(offsetMinutes));
        PhotoFields.Locate(photo, gazetteer);
        return true;
    }

    /// <summary>Where the tracks put the photo, and the UTC offset of its time there.</summary>
    private (TrackPoint Point, int OffsetMinutes)? Match(Photo photo, List<IReadOnlyList<TrackPoint>> segments, List<TimeZoneInfo> zones)
    {
        // An offset other than the default zone's came from the file (or a match before), and its instant is exact.
        var offset = photo.TakenAtOffsetMinutes;
        var assumed = PhotoFields.OffsetMayBeAssumed(photo, options.DefaultZone);
        if (offset is { } given && !assumed)
        {
            return PositionAt(segments, photo.TakenAt.AddMinutes(-given), MaxGap) is { } exact ? (exact, given) : null;
        }

        var tried = new HashSet<int>();
        foreach (var candidate in zones.Select(z => (int?)OffsetMinutes(z, photo.TakenAt)).Prepend(offset).OfType<int>())
        {
            if (tried.Add(candidate) && PositionAt(segments, photo.TakenAt.AddMinutes(-candidate), MaxGap) is { } point
                && ZoneOffsetMinutes(point, photo.TakenAt) == candidate)
            {
                return (point, candidate);
            }
        }

        return null;
    }

    private static int OffsetMinutes(TimeZoneInfo zone, DateTime local) => (int)PhotoFields.OffsetAt(zone, local).TotalMinutes;

    private int? ZoneOffsetMinutes(TrackPoint point, DateTime local) =>
        gazetteer.TimeZoneAt(point.Latitude, point.Longitude) is { } zone ? OffsetMinutes(zone, local) : null;

    /// <summary>The position at an instant: interpolated between the two points around it, or the nearest point close enough.</summary>
    public static TrackPoint? PositionAt(IReadOnlyList<IReadOnlyList<TrackPoint>> segments, DateTime utc, TimeSpan maxGap)
    {
        foreach (var points in segments)
        {
            if (utc < points[0].Utc - MaxDistanceToPoint || utc > points[^1].Utc + MaxDistanceToPoint)
            {
                continue;
            }

            var after = FirstAtOrAfter(points, utc);
            if (after < points.Count && points[after].Utc == utc)
            {
                return points[after];
            }

            var (before, next) = (after > 0 ? points[after - 1] : (TrackPoint?)null, after < points.Count ? points[after] : (TrackPoint?)null);
            // Not across the antimeridian, where the longitude jumps from 180 to -180.
            if (before is { } b && next is { } n && n.Utc - b.Utc <= maxGap && Math.Abs(n.Longitude - b.Longitude) <= 180)
            {
                var share = (utc - b.Utc) / (n.Utc - b.Utc);
                return new TrackPoint(utc, b.Latitude + ((n.Latitude - b.Latitude) * share), b.Longitude + ((n.Longitude - b.Longitude) * share),
                    b.Elevation is { } be && n.Elevation is { } ne ? be + ((ne - be) * share) : b.Elevation ?? n.Elevation);
            }

            if (before is { } near && utc - near.Utc <= MaxDistanceToPoint)
            {
                return near;
            }

            if (next is { } soon && soon.Utc - utc <= MaxDistanceToPoint)
            {
                return soon;
            }
        }

        return null;
    }

    private static int FirstAtOrAfter(IReadOnlyList<TrackPoint> points, DateTime utc)
    {
        var (low, high) = (0, points.Count);
        while (low < high)
        {
            var middle = (low + high) / 2;
            (low, high) = points[middle].Utc < utc ? (middle + 1, high) : (low, middle);
        }

        return low;
    }
}
