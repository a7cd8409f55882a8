using Microsoft.EntityFrameworkCore;
using Pixhaven.Tests.Infrastructure;

namespace Pixhaven.Tests.Indexing;

/// <summary>
/// Offset-less photo times take the offset of the zone at their GPS position, else of the configured default zone,
/// daylight saving included; offsets the files carry are kept.
/// </summary>
public sealed class TimeZoneTests : IAsyncLifetime
{
    private TestLibrary _library = null!;

    public async Task InitializeAsync()
    {
        // Nikon D90 (no offset in the file, taken in October) and an iPhone with its own offset.
        _library = await TestLibrary.CreateAsync(["jpeg/Nikon_D90_DSC_0003.JPG", TestPhotos.OffsetJpeg, "dates/no_timezone.jpg", "dates/datetimeoriginal-gps.jpg", "dates/gps-datetime-only.jpg"]);
        _library.Options.Values.DefaultTimeZone = "Europe/Berlin";

        // Placed in New York by a sidecar (a geotag set in Lightroom, with the GPS time of the track point, which must not
        // replace the files' own times): a camera without a zone, and a phone with its own.
        Directory.CreateDirectory(_library.OriginalPath("geotagged"));
        File.Copy(TestPhotos.PathOf("jpeg/Casio_EX-Z3.jpg"), _library.OriginalPath("geotagged/CIMG0001.JPG")); // 2003-10-25 15:29:18
        File.Copy(TestPhotos.PathOf("heic/Apple_iPhone_13_Pro_IMG_8565.HEIC"), _library.OriginalPath("geotagged/IMG_0002.HEIC")); // 07:13:05-06:00
        const string inNewYork = """
            <x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
              <rdf:Description rdf:about="" xmlns:exif="http://ns.adobe.com/exif/1.0/" exif:GPSLatitude="40,42.7680N" exif:GPSLongitude="74,0.3600W"
                exif:GPSTimeStamp="2003-10-25T20:00:00Z"/>
            </rdf:RDF></x:xmpmeta>
            """;
        await File.WriteAllTextAsync(_library.OriginalPath("geotagged/CIMG0001.xmp"), inNewYork);
        await File.WriteAllTextAsync(_library.OriginalPath("geotagged/IMG_0002.xmp"), inNewYork);
        await _library.IndexAsync();
    }

    public async Task DisposeAsync() => await _library.DisposeAsync();

    [Fact]
    public async Task OffsetlessTime_TakesTheDefaultZonesOffset_OwnOffsetsAreKept()
    {
        await using var db = _library.OpenCatalog();
        var nikon = (await db.Files.Include(f => f.Photo).SingleAsync(f => f.Path == "jpeg/Nikon_D90_DSC_0003.JPG")).Photo!;
        var zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
        Assert.Equal((int)zone.GetUtcOffset(nikon.TakenAt).TotalMinutes, nikon.TakenAtOffsetMinutes);
        Assert.Equal(nikon.TakenAt.AddMinutes(-nikon.TakenAtOffsetMinutes!.Value), nikon.TakenAtUtc);

        var iphone = (await db.Files.Include(f => f.Photo).SingleAsync(f => f.Path == TestPhotos.OffsetJpeg)).Photo!;
        var ownOffset = TestPhotos.Expected[TestPhotos.OffsetJpeg].Text("OffsetTimeOriginal")!;
        Assert.Equal((int)TimeSpan.Parse(ownOffset.TrimStart('+'), System.Globalization.CultureInfo.InvariantCulture).TotalMinutes, iphone.TakenAtOffsetMinutes);
    }

    [Theory]
    [InlineData("dates/no_timezone.jpg", "Europe/Helsinki")] // Oulu, Finland, in May: +03:00, not the default Berlin
    [InlineData("dates/datetimeoriginal-gps.jpg", "America/Denver")] // western Colorado, in December: -07:00
    public async Task OffsetlessTime_WithAPosition_TakesThatPlacesZone(string path, string zoneName)
    {
        await using var db = _library.OpenCatalog();
        var photo = (await db.Files.Include(f => f.Photo).SingleAsync(f => f.Path == path)).Photo!;
        var zone = TimeZoneInfo.FindSystemTimeZoneById(zoneName);
        Assert.Equal((int)zone.GetUtcOffset(photo.TakenAt).TotalMinutes, photo.TakenAtOffsetMinutes);
        Assert.NotEqual((int)TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin").GetUtcOffset(photo.TakenAt).TotalMinutes, photo.TakenAtOffsetMinutes);
        Assert.Equal(photo.TakenAt.AddMinutes(-photo.TakenAtOffsetMinutes!.Value), photo.TakenAtUtc);
    }

    [Fact]
    public async Task OnlyTheGpsClock_GivesTheInstant_ShownAtThePlacesLocalTime()
    {
        // XMP exif:GPSTimeStamp 2023-11-15T12:30:00Z, in San Francisco: 04:30 PST, not 12:30 and not the file's time.
        await using var db = _library.OpenCatalog();
        var photo = (await db.Files.Include(f => f.Photo).SingleAsync(f => f.Path == "dates/gps-datetime-only.jpg")).Photo!;
        Assert.Equal((new DateTime(2023, 11, 15, 4, 30, 0), -480, new DateTime(2023, 11, 15, 12, 30, 0)), (photo.TakenAt, photo.TakenAtOffsetMinutes, photo.TakenAtUtc));
        Assert.Equal(Pixhaven.Core.Model.MetadataSource.Embedded, photo.TakenAtSource);
    }

    [Fact]
    public async Task APositionFromASidecar_GivesAnAssumedZoneThePlaces_AndLeavesAFilesOwn()
    {
        await using var db = _library.OpenCatalog();
        var camera = (await db.Files.Include(f => f.Photo).SingleAsync(f => f.Path == "geotagged/CIMG0001.JPG")).Photo!;
        Assert.Equal(("US", new DateTime(2003, 10, 25, 15, 29, 18), -240), (camera.CountryCode, camera.TakenAt, camera.TakenAtOffsetMinutes)); // EDT, not Berlin's CEST
        Assert.Equal(new DateTime(2003, 10, 25, 19, 29, 18), camera.TakenAtUtc);

        var phone = (await db.Files.Include(f => f.Photo).SingleAsync(f => f.Path == "geotagged/IMG_0002.HEIC")).Photo!;
        Assert.Equal(("US", -360, new DateTime(2021, 9, 27, 13, 13, 5)), (phone.CountryCode, phone.TakenAtOffsetMinutes, phone.TakenAtUtc.AddTicks(-(phone.TakenAtUtc.Ticks % TimeSpan.TicksPerSecond))));
    }
}
