using Pixhaven.Core.Indexing;

namespace Pixhaven.Core.Tests.Indexing;

public class StackKeyTests
{
    [Theory]
    [InlineData("2019/IMG_0001.CR2", "2019/img_0001", false)]
    [InlineData("2019/IMG_0001.jpg", "2019/img_0001", false)]
    [InlineData("2019/IMG_0001.xmp", "2019/img_0001", false)]
    [InlineData("2019/IMG_0001.jpg.xmp", "2019/img_0001", false)]
    [InlineData("2019/IMG_0001 (edited).jpg", "2019/img_0001", true)]
    [InlineData("2019/IMG_0001-edited.jpg", "2019/img_0001", true)]
    [InlineData("2019/IMG_E0001.JPG", "2019/img_0001", true)]
    [InlineData("IMG_0001.HEIC", "img_0001", false)]
    [InlineData("my.holiday.photo.jpg", "my.holiday.photo", false)]
    [InlineData("CLIP/C0001M01.XML", "CLIP/c0001", false)] // Sony's clip metadata, beside CLIP/C0001.MP4
    [InlineData("CLIP/20260411_A7C2_0064M01.XML", "CLIP/20260411_a7c2_0064", false)]
    [InlineData("CLIP/DSCM01.JPG", "CLIP/dscm01", false)]
    public void For_GroupsSiblingsAndEdits(string path, string key, bool edited) =>
        Assert.Equal((key, edited), StackKey.For(path));

    [Theory]
    [InlineData("a/IMG_0001 (1).jpg")]
    [InlineData("b/IMG_0001.jpg")]
    [InlineData("a/IMG_00011.jpg")]
    public void For_KeepsOtherPhotosApart(string path) => Assert.NotEqual("a/img_0001", StackKey.For(path).Key);
}
