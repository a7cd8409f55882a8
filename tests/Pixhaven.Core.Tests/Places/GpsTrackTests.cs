using System.Text;
using Pixhaven.Core.Media.Detection;
using Pixhaven.Core.Media.Metadata;
using Pixhaven.Core.Model;
using Pixhaven.Core.Places;
using Pixhaven.Core.Tests.Fuzzing;

namespace Pixhaven.Core.Tests.Places;

public sealed class GpsTrackTests
{
    private static readonly TimeSpan TenMinutes = TimeSpan.FromMinutes(TrackGeotagger.DefaultMaxGapMinutes);
    private static readonly DateTime Noon = new(2021, 7, 14, 12, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void ARealLoggersTrack_IsReadInTimeOrder_WithElevations()
    {
        var path = Path.Combine(FuzzTests.PhotosFolder(), "iptc_xmp", "FurnaceCreekInn.gpx");
        var header = File.ReadAllBytes(path).AsSpan(0, MediaTypeDetector.HeaderLength);
        Assert.Equal((MediaType.Sidecar, "gpx"), (MediaTypeDetector.Detect(header, "FurnaceCreekInn.gpx").Type, MediaTypeDetector.Detect(header, "x").Format));

        using var stream = File.OpenRead(path);
        var track = GpsTrack.Read(stream);
        Assert.Null(track.Warning);
        var points = Assert.Single(track.Segments); // the file's waypoints have no time, and are not part of the track
        Assert.Equal(42, points.Count);
        Assert.Equal(new TrackPoint(new DateTime(2008, 4, 18, 18, 45, 24, DateTimeKind.Utc), 37.014609799, -121.905243276, 91.462524), points[0]);
        Assert.Equal(new DateTime(2008, 5, 8, 18, 7, 29, DateTimeKind.Utc), points[^1].Utc);
        Assert.Equal(DateTimeKind.Utc, points[^1].Utc.Kind);
        Assert.True(points.Zip(points.Skip(1)).All(p => p.First.Utc <= p.Second.Utc));
    }

    [Fact]
    public void ADamagedTrack_KeepsThePointsBeforeTheDamage_WithAWarning()
    {
        var gpx = GpxDocuments.Of([[(Noon, 48.0, 2.0), (Noon.AddMinutes(1), 48.1, 2.1)]]);
        var track = GpsTrack.Read(new MemoryStream(Encoding.UTF8.GetBytes(gpx[..(gpx.LastIndexOf("<trkpt", StringComparison.Ordinal) + 20)])));
        Assert.Equal(Noon, Assert.Single(Assert.Single(track.Segments)).Utc);
        Assert.StartsWith("GPS track could not be read to its end", track.Warning);
    }

    [Fact]
    public void ReadAsASidecar_ATrackReadToItsEnd_HandsOnItsPoints_ADamagedOneOnlyItsWarning()
    {
        var folder = Directory.CreateTempSubdirectory("pixhaven-gpx-").FullName;
        try
        {
            var gpx = GpxDocuments.Of([[(Noon, 48.0, 2.0), (Noon.AddMinutes(1), 48.1, 2.1)]]);
            File.WriteAllText(Path.Combine(folder, "sound.gpx"), gpx);
            File.WriteAllText(Path.Combine(folder, "cut.gpx"), gpx[..(gpx.LastIndexOf("<trkpt", StringComparison.Ordinal) + 20)]);

            var sound = SidecarReader.Read(Path.Combine(folder, "sound.gpx"));
            Assert.Empty(sound.Warnings);
            Assert.Equal([Noon, Noon.AddMinutes(1)], Assert.Single(sound.TrackSegments!).Select(p => p.Utc));

            // A damaged track is parsed again by the run's track step, which logs its warning there.
            var cut = SidecarReader.Read(Path.Combine(folder, "cut.gpx"));
            Assert.StartsWith("GPS track could not be read to its end", Assert.Single(cut.Warnings));
            Assert.Null(cut.TrackSegments);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void ADocumentTypeDeclaration_IsRefused_NotFollowed()
    {
        const string gpx = """
            <?xml version="1.0"?>
            <!DOCTYPE gpx [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
            <gpx><trk><trkseg><trkpt lat="1" lon="2"><time>&secret;</time></trkpt></trkseg></trk></gpx>
            """;
        var track = GpsTrack.Read(new MemoryStream(Encoding.UTF8.GetBytes(gpx)));
        Assert.Empty(track.Segments);
        Assert.NotNull(track.Warning);
    }

    [Fact]
    public void PointsWithoutATimeOrOutOfRange_AreLeftOut_AndOtherOffsetsBecomeUtc()
    {
        const string gpx = """
            <gpx xmlns="http://www.topografix.com/GPX/1/1"><trk><trkseg>
              <trkpt lat="48.5" lon="2.5"><ele>35</ele></trkpt>
              <trkpt lat="91" lon="2.5"><time>2021-07-14T12:00:00Z</time></trkpt>
              <trkpt lat="48.5" lon="2.5"><time>2021-07-14T14:00:00+02:00</time><ele>35.5</ele></trkpt>
              <trkpt lat="48.6" lon="2.6"/>
            </trkseg></trk></gpx>
            """;
        var track = GpsTrack.Read(new MemoryStream(Encoding.UTF8.GetBytes(gpx)));
        Assert.Equal(new TrackPoint(Noon, 48.5, 2.5, 35.5), Assert.Single(Assert.Single(track.Segments)));
    }

    [Fact]
    public void PositionAt_Interpolates_BetweenPointsAtMostTenMinutesApart()
    {
        IReadOnlyList<IReadOnlyList<TrackPoint>> segments = [[new(Noon, 48.0, 2.0, 10), new(Noon.AddMinutes(4), 48.4, 2.8, 30), new(Noon.AddMinutes(30), 49.0, 3.0, null)]];

        var quarter = TrackGeotagger.PositionAt(segments, Noon.AddMinutes(1), TenMinutes)!.Value;
        Assert.Equal((48.1, 2.2, 15.0), (quarter.Latitude, quarter.Longitude, quarter.Elevation!.Value), new PositionComparer());
        Assert.Equal(new TrackPoint(Noon.AddMinutes(4), 48.4, 2.8, 30), TrackGeotagger.PositionAt(segments, Noon.AddMinutes(4), TenMinutes));

        // A gap of 26 minutes: the logger had no fix, so only the minute beside either point is placed.
        Assert.Equal(48.4, TrackGeotagger.PositionAt(segments, Noon.AddMinutes(4.5), TenMinutes)!.Value.Latitude);
        Assert.Null(TrackGeotagger.PositionAt(segments, Noon.AddMinutes(15), TenMinutes));
        Assert.Equal(49.0, TrackGeotagger.PositionAt(segments, Noon.AddMinutes(29.5), TenMinutes)!.Value.Latitude);

        // Before and after the track: the end point within a minute, nothing beyond.
        Assert.Equal(48.0, TrackGeotagger.PositionAt(segments, Noon.AddSeconds(-50), TenMinutes)!.Value.Latitude);
        Assert.Null(TrackGeotagger.PositionAt(segments, Noon.AddMinutes(-2), TenMinutes));
        Assert.Null(TrackGeotagger.PositionAt(segments, Noon.AddMinutes(32), TenMinutes));
    }

    [Fact]
    public void PositionAt_DoesNotInterpolateAcrossTheAntimeridian()
    {
        IReadOnlyList<IReadOnlyList<TrackPoint>> segments = [[new(Noon, -17.0, 179.9, null), new(Noon.AddMinutes(2), -17.0, -179.9, null)]];
        Assert.Equal(-179.9, TrackGeotagger.PositionAt(segments, Noon.AddMinutes(1.5), TenMinutes)!.Value.Longitude); // the nearer point, not 0°
    }

    private sealed class PositionComparer : IEqualityComparer<(double, double, double)>
    {
        public bool Equals((double, double, double) x, (double, double, double) y) =>
            Math.Abs(x.Item1 - y.Item1) < 1e-9 && Math.Abs(x.Item2 - y.Item2) < 1e-9 && Math.Abs(x.Item3 - y.Item3) < 1e-9;

        public int GetHashCode((double, double, double) obj) => 0;
    }
}
