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
        _library = await TestLibrary.CreateAsync(["jpeg/Nikon_D90_DSC_0003.JPG", TestPhotos.OffsetJpeg, "dates/no_timezone.jpg", "dates/datetimeoriginal-gps.jpg"]);
        _library.Options.Values.DefaultTimeZone = "Europe/Berlin";
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
}
