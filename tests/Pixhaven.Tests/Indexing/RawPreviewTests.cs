using Microsoft.EntityFrameworkCore;
using NetVips;
using Pixhaven.Core.Media.Thumbnails;
using Pixhaven.Core.Model;
using Pixhaven.Tests.Infrastructure;

namespace Pixhaven.Tests.Indexing;

/// <summary>A RAW shown by its embedded preview takes the RAW's orientation, also when the preview carries none.</summary>
public sealed class RawPreviewTests
{
    private const string GoPro = "raw/GoPro_HERO7_GOPR8513.GPR";

    [Theory]
    [InlineData(1600)]
    [InlineData(400)]
    public async Task APreviewWithoutOrientation_IsTurnedByTheRawsOrientation(int width)
    {
        // The GPR says orientation 2 (mirrored) and holds no preview; a JPEG without EXIF at its end is one, as
        // cameras write them: dark on the left, light on the right.
        await using var library = await TestLibrary.CreateAsync([GoPro]);
        using (var dark = Image.Black(width / 2, width * 3 / 4))
        using (var light = dark + 230)
        using (var picture = dark.Join(light, Enums.Direction.Horizontal).Cast(Enums.BandFormat.Uchar))
        await using (var raw = new FileStream(library.OriginalPath(GoPro), FileMode.Append))
        {
            raw.Write(picture.JpegsaveBuffer(keep: Enums.ForeignKeep.None));
        }

        var result = await library.IndexAsync();

        Assert.Equal((1, 0), (result.Indexed, result.Failed));
        await using var db = library.OpenCatalog();
        var file = await db.Files.Include(f => f.Photo).SingleAsync();
        Assert.Equal(width >= 1280 ? FileStatus.Indexed : FileStatus.Partial, file.Status);
        Assert.Equal(width >= 1280, file.Error is null);
        using var thumbnail = Image.NewFromFile(new ThumbnailStore(library.Options.Values.ThumbnailCachePath).PathFor(file.Photo!.ThumbnailHash!, ThumbnailSize.Fit360));
        // Mirrored: light on the left now.
        Assert.True(thumbnail.Crop(0, 0, 20, 20).Avg() > 200, $"left {thumbnail.Crop(0, 0, 20, 20).Avg()}");
        Assert.True(thumbnail.Crop(thumbnail.Width - 20, 0, 20, 20).Avg() < 30, $"right {thumbnail.Crop(thumbnail.Width - 20, 0, 20, 20).Avg()}");
    }
}
