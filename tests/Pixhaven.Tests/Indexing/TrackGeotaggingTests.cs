using Microsoft.EntityFrameworkCore;
using Pixhaven.Core.Model;
using Pixhaven.Core.Tests.Places;
using Pixhaven.Tests.Infrastructure;

namespace Pixhaven.Tests.Indexing;

/// <summary>
/// Photos of cameras without GPS are placed by the GPS tracks (GPX) in originals: at the position their instant has on
/// a track, in the zone of that place, and never over a position of their own; a track taken away takes its positions.
/// </summary>
public sealed class TrackGeotaggingTests
{
    // Cameras that write no zone; the library's default zone is New York's.
    private const string InNewYork = "jpeg/Olympus_PEN_E-P3.jpg"; // 2013-08-27 19:45:23, EDT: 23:45:23 UTC
    private const string InParis = "jpeg/Casio_EX-Z3.jpg"; // 2003-10-25 15:29:18, CEST in Paris: 13:29:18 UTC
    private const string DuringAPause = "jpeg/Nikon_D90_DSC_0003.JPG"; // 2021-06-25 10:32:57
    private const string WithItsOwnPosition = "jpeg/FujiFilm_FinePixS2Pro.jpg"; // 2002-08-24 13:59:08, GPS in Paris
    private const string NamedOnly = "named/20130827_194540.gif";
    private const string WithItsOwnZone = "jpeg/Apple_iPhone_13_Pro_IMG_8568.JPG"; // 2021-09-27 07:13:47-06:00: 13:13:47 UTC

    private static DateTime Utc(int year, int month, int day, int hour, int minute, int second = 0) => new(year, month, day, hour, minute, second, DateTimeKind.Utc);

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task PhotosWithoutAPosition_ArePlacedByTheTracks_AsTheyComeAndGo(string driver)
    {
        var options = driver == "postgres" ? TestPostgres.Options() : [];
        options["default-time-zone"] = "America/New_York";
        await using var library = await TestLibrary.CreateAsync([InNewYork, InParis, DuringAPause, WithItsOwnPosition, WithItsOwnZone], options);
        Directory.CreateDirectory(library.OriginalPath("tracks"));
        // Dated by its name alone, at the New York photo's minute: a name's time is too loose to place a photo by.
        Directory.CreateDirectory(library.OriginalPath("named"));
        File.Copy(TestPhotos.PathOf("gif/Sony_DSC-P5_TXT00011.GIF"), library.OriginalPath(NamedOnly));
        await File.WriteAllTextAsync(library.OriginalPath("tracks/new-york.gpx"), GpxDocuments.Of([
            [(Utc(2013, 8, 27, 23, 44), 40.70, -74.00), (Utc(2013, 8, 27, 23, 47), 40.73, -74.03)],
            // Where the photo with its own position would be, were its GPS ignored.
            [(Utc(2002, 8, 24, 17, 58), 40.70, -74.00), (Utc(2002, 8, 24, 18, 0), 40.71, -74.01)],
        ]));
        await File.WriteAllTextAsync(library.OriginalPath("tracks/colorado.gpx"), GpxDocuments.Of([
            [(Utc(2021, 9, 27, 13, 10), 39.74, -104.99), (Utc(2021, 9, 27, 13, 20), 39.75, -105.00)],
            // An hour without a fix around the photo's instant, whichever zone it is read in.
            [(Utc(2021, 6, 25, 14, 0), 40.70, -74.00), (Utc(2021, 6, 25, 15, 0), 40.71, -74.01)],
        ]));
        Assert.Equal(2, (await library.IndexAsync()).PlacedByTracks);

        var newYork = await PhotoOf(library, InNewYork);
        Assert.Equal((MetadataSource.Track, "US", -240), (newYork.LocationSource, newYork.CountryCode, newYork.TakenAtOffsetMinutes));
        Assert.Equal(40.70 + (0.03 * 83 / 180), newYork.Latitude!.Value, 9); // 83 s into a 3-minute step
        Assert.Equal(-74.00 - (0.03 * 83 / 180), newYork.Longitude!.Value, 9);
        Assert.Equal(35, newYork.Altitude);

        var ownZone = await PhotoOf(library, WithItsOwnZone);
        Assert.Equal((MetadataSource.Track, "US", -360), (ownZone.LocationSource, ownZone.CountryCode, ownZone.TakenAtOffsetMinutes));
        Assert.Equal(39.74 + (0.01 * 227.832 / 600), ownZone.Latitude!.Value, 9); // the photo's time has milliseconds

        var named = await PhotoOf(library, NamedOnly);
        Assert.Equal((MetadataSource.FileName, null, MetadataSource.Auto), (named.TakenAtSource, named.Latitude, named.LocationSource));

        var own = await PhotoOf(library, WithItsOwnPosition);
        Assert.Equal((MetadataSource.Embedded, "FR"), (own.LocationSource, own.CountryCode));
        var paused = await PhotoOf(library, DuringAPause);
        Assert.Equal((null, MetadataSource.Auto, -240), (paused.Latitude, paused.LocationSource, paused.TakenAtOffsetMinutes));
        var beforeItsTrack = await PhotoOf(library, InParis);
        Assert.Equal((null, -240), (beforeItsTrack.Latitude, beforeItsTrack.TakenAtOffsetMinutes)); // read in New York's zone

        // A track added later places the photo taken where it was recorded, though its time was read in another zone.
        await File.WriteAllTextAsync(library.OriginalPath("tracks/paris.gpx"), GpxDocuments.Of([
            [(Utc(2003, 10, 25, 13, 28), 48.85, 2.29), (Utc(2003, 10, 25, 13, 31), 48.86, 2.30)],
        ]));
        Assert.Equal(1, (await library.IndexAsync()).PlacedByTracks);
        var paris = await PhotoOf(library, InParis);
        Assert.Equal((MetadataSource.Track, "FR", 120), (paris.LocationSource, paris.CountryCode, paris.TakenAtOffsetMinutes));
        Assert.Equal((new DateTime(2003, 10, 25, 15, 29, 18), Utc(2003, 10, 25, 13, 29, 18)), (paris.TakenAt, paris.TakenAtUtc));
        Assert.Equal(48.85 + (0.01 * 78 / 180), paris.Latitude!.Value, 9);

        await using (var db = library.OpenCatalog())
        {
            var tracks = await db.Files.Where(f => f.Path.StartsWith("tracks/")).OrderBy(f => f.Path).ToListAsync();
            Assert.All(tracks, t => Assert.Equal((MediaType.Sidecar, "gpx", FileStatus.Indexed, null, null, null), (t.Type, t.Format, t.Status, t.StackKey, t.PhotoId, t.Error)));
            Assert.Equal(3, tracks.Count);
        }

        // A track deleted takes its positions along; the others stay.
        File.Delete(library.OriginalPath("tracks/paris.gpx"));
        Assert.Equal(1, (await library.IndexAsync()).PlacedByTracks);
        var unplaced = await PhotoOf(library, InParis);
        Assert.Equal((null, null, MetadataSource.Auto), (unplaced.Latitude, unplaced.CountryCode, unplaced.LocationSource));
        Assert.Equal(MetadataSource.Track, (await PhotoOf(library, InNewYork)).LocationSource);
    }

    [Fact]
    public async Task ALoggerThatRecordsLessOften_IsFollowedAcrossLongerGaps_WhenConfigured()
    {
        // One point an hour (a battery-saving setting): the photo between two is left unplaced by default.
        var library = await TestLibrary.CreateAsync([DuringAPause], new Dictionary<string, string> { ["default-time-zone"] = "America/New_York" });
        await File.WriteAllTextAsync(library.OriginalPath("hourly.gpx"), GpxDocuments.Of([
            [(Utc(2021, 6, 25, 14, 0), 40.70, -74.00), (Utc(2021, 6, 25, 15, 0), 40.76, -74.06)],
        ]));
        await library.IndexAsync();
        Assert.Null((await PhotoOf(library, DuringAPause)).Latitude);

        // With track-max-gap at 90 minutes it is placed by the next run, though no file changed.
        await using var reopened = await library.ReopenAsync(new Dictionary<string, string> { ["track-max-gap"] = "90" });
        var result = await reopened.IndexAsync();
        Assert.Equal((0, 1), (result.Indexed, result.PlacedByTracks));
        var photo = await PhotoOf(reopened, DuringAPause); // 10:32:57 EDT: 14:32:57 UTC
        Assert.Equal((MetadataSource.Track, -240), (photo.LocationSource, photo.TakenAtOffsetMinutes));
        Assert.Equal(40.70 + (0.06 * 1977 / 3600), photo.Latitude!.Value, 9);
    }

    [Fact]
    public async Task ATracksPoints_AreKeptForTheNextRuns_ADamagedCopyIsReadAgain_AndADeletedTrackTakesThemAlong()
    {
        await using var library = await TestLibrary.CreateAsync([InNewYork], new Dictionary<string, string> { ["default-time-zone"] = "America/New_York" });
        await File.WriteAllTextAsync(library.OriginalPath("walk.gpx"), GpxDocuments.Of([
            [(Utc(2013, 8, 27, 23, 44), 40.70, -74.00), (Utc(2013, 8, 27, 23, 47), 40.73, -74.03)],
        ]));
        Assert.Equal(1, (await library.IndexAsync()).PlacedByTracks);
        var kept = Assert.Single(Directory.GetFiles(library.Options.Values.TrackCachePath));
        Assert.Equal(await Pixhaven.Core.Media.ContentHasher.HashFileAsync(library.OriginalPath("walk.gpx")) + ".points", Path.GetFileName(kept));
        var placed = await PhotoOf(library, InNewYork);

        // Damaged, the copy is not trusted: the track is parsed again, the photo stays where it was, the copy is mended.
        await File.WriteAllBytesAsync(kept, [.. "PXTK0001"u8, 1, 0, 0, 0, 9, 0, 0, 0]);
        Assert.Equal(0, (await library.IndexAsync()).PlacedByTracks);
        var again = await PhotoOf(library, InNewYork);
        Assert.Equal((placed.Latitude, placed.Longitude, MetadataSource.Track), (again.Latitude, again.Longitude, again.LocationSource));
        Assert.True(new FileInfo(kept).Length > 64);

        File.Delete(library.OriginalPath("walk.gpx"));
        Assert.Equal(1, (await library.IndexAsync()).PlacedByTracks); // the photo loses its track position
        Assert.Empty(Directory.GetFiles(library.Options.Values.TrackCachePath));
    }

    private static async Task<Photo> PhotoOf(TestLibrary library, string path)
    {
        await using var db = library.OpenCatalog();
        return (await db.Files.Include(f => f.Photo).SingleAsync(f => f.Path == path)).Photo!;
    }
}
