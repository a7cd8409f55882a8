using Microsoft.EntityFrameworkCore;
using NetVips;
using Pixhaven.Core.Media.Thumbnails;
using Pixhaven.Tests.Infrastructure;

namespace Pixhaven.Tests.Indexing;

/// <summary>Thumbnails made from the corpus: fixed sizes, upright, never upscaled.</summary>
[Collection(CorpusGroup.Name)]
public class ThumbnailTests(CorpusFixture corpus)
{
    private async Task<string> HashOf(string path)
    {
        await using var db = corpus.Library.OpenCatalog();
        return (await db.Files.SingleAsync(f => f.Path == path)).Hash!;
    }

    private string ThumbnailPath(string hash, ThumbnailSize size) => new ThumbnailStore(corpus.Library.Options.Values.ThumbnailCachePath).PathFor(hash, size);

    [Fact]
    public async Task EverySize_HasItsBounds_TilesAreSquare()
    {
        var hash = await HashOf(TestPhotos.CanonJpeg);
        foreach (var size in ThumbnailSize.All)
        {
            using var image = Image.NewFromFile(ThumbnailPath(hash, size));
            if (size.Crop)
            {
                Assert.Equal((size.Width, size.Height), (image.Width, image.Height));
            }
            else
            {
                Assert.True(image.Width <= size.Width && image.Height <= size.Height, $"{size.Name} is {image.Width}x{image.Height}");
                Assert.True(image.Width == size.Width || image.Height == size.Height, $"{size.Name} should touch its box");
            }

            Assert.Equal(3, image.Bands);
        }
    }

    [Fact]
    public async Task SmallImages_AreNeverUpscaled()
    {
        var hash = await HashOf(TestPhotos.Tiny);
        foreach (var size in ThumbnailSize.All)
        {
            using var image = Image.NewFromFile(ThumbnailPath(hash, size));
            Assert.True(image.Width <= 100 && image.Height <= 100, $"{size.Name} of a 100x100 image is {image.Width}x{image.Height}");
        }
    }

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(6)]
    [InlineData(7)]
    [InlineData(8)]
    public async Task ExifOrientation_IsApplied_SoAllEightLookAlike(int orientation)
    {
        // The eight files are one photograph stored with each orientation; upright, they must match orientation 1.
        using var upright = Image.NewFromFile(ThumbnailPath(await HashOf("orientation/Landscape_1.jpg"), ThumbnailSize.Fit720));
        using var other = Image.NewFromFile(ThumbnailPath(await HashOf($"orientation/Landscape_{orientation}.jpg"), ThumbnailSize.Fit720));
        Assert.Equal((upright.Width, upright.Height), (other.Width, other.Height));
        using var difference = (upright - other).Abs();
        Assert.True(difference.Avg() < 12, $"orientation {orientation} differs from upright by {difference.Avg():0.0} on average");
    }

    [Theory]
    [InlineData(TestPhotos.IphoneHeic)]
    [InlineData("dates/iphone15pro_subsec_timezone.heic")] // iOS 18 HDR: a gain map that libheif before 1.18 refuses as it is
    public async Task IphoneHeic_IsRotatedOnce_ToPortrait(string path)
    {
        using var image = Image.NewFromFile(ThumbnailPath(await HashOf(path), ThumbnailSize.Fit720));
        Assert.True(image.Height > image.Width, $"HEIC thumbnail is {image.Width}x{image.Height}; expected portrait");
    }
}
