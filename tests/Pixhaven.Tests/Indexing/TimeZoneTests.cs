using Microsoft.EntityFrameworkCore;
using Pixhaven.Tests.Infrastructure;

namespace Pixhaven.Tests.Indexing;

/// <summary>A configured default time zone gives offset-less photo times an offset, daylight saving included.</summary>
public sealed class TimeZoneTests : IAsyncLifetime
{
    private TestLibrary _library = null!;

    public async Task InitializeAsync()
    {
        // Nikon D90 (no offset in the file, taken in October) and an iPhone with its own offset.
        _library = await TestLibrary.CreateAsync(["jpeg/Nikon_D90_DSC_0003.JPG", TestPhotos.OffsetJpeg]);
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
}
