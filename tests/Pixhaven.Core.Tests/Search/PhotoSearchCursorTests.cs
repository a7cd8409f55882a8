using Pixhaven.Core.Media.Thumbnails;
using Pixhaven.Core.Search;

namespace Pixhaven.Core.Tests.Search;

public class PhotoSearchCursorTests
{
    [Theory]
    [InlineData("")]
    [InlineData("abc")]
    [InlineData("1-2-3")]
    [InlineData("-5-1")]
    [InlineData("99999999999999999999-1")]
    [InlineData("9223372036854775807-1")]
    public void ParseCursor_Malformed_Throws(string cursor) => Assert.Throws<FormatException>(() => PhotoSearch.ParseCursor(cursor));

    [Fact]
    public void ParseCursor_RoundTripsTicksAndId()
    {
        var (time, id) = PhotoSearch.ParseCursor("638000000000000000-42");
        Assert.Equal(638000000000000000, time.Ticks);
        Assert.Equal(42, id);
    }

    [Fact]
    public void ThumbnailSizes_AreTheDocumentedSetLargestFirst()
    {
        Assert.Equal(["fit_2560", "fit_1920", "fit_1280", "fit_720", "tile_500", "tile_224"], ThumbnailSize.All.Select(s => s.Name));
        Assert.True(ThumbnailSize.All.Zip(ThumbnailSize.All.Skip(1)).All(p => p.First.Width >= p.Second.Width));
        Assert.All(ThumbnailSize.All.Where(s => s.Crop), s => Assert.Equal(s.Width, s.Height));
        Assert.Null(ThumbnailSize.Find("fit_9999"));
    }
}
