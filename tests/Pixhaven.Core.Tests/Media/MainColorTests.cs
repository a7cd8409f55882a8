using Pixhaven.Core.Media.Thumbnails;

namespace Pixhaven.Core.Tests.Media;

public class MainColorTests
{
    [Theory]
    [InlineData(220, 30, 30, "red")]
    [InlineData(240, 140, 20, "orange")]
    [InlineData(240, 220, 40, "yellow")]
    [InlineData(40, 160, 60, "green")]
    [InlineData(30, 80, 200, "blue")]
    [InlineData(130, 50, 200, "purple")]
    [InlineData(230, 80, 170, "pink")]
    [InlineData(120, 70, 30, "brown")]
    [InlineData(10, 10, 12, "black")]
    [InlineData(128, 128, 128, "grey")]
    [InlineData(250, 250, 248, "white")]
    public void Name_OfPixel(byte r, byte g, byte b, string expected) => Assert.Equal(expected, MainColor.Name(r, g, b));

    [Fact]
    public void Of_UnreadableFile_IsNull()
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllText(path, "not an image");
            Assert.Null(MainColor.Of(path));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Of_SolidImage_IsItsColour()
    {
        var path = Path.Combine(Path.GetTempPath(), $"pixhaven-color-{Guid.NewGuid():N}.png");
        try
        {
            using (var image = NetVips.Image.Black(64, 48).NewFromImage(30, 80, 200))
            {
                image.Pngsave(path);
            }

            Assert.Equal("blue", MainColor.Of(path));
        }
        finally
        {
            File.Delete(path);
        }
    }
}
