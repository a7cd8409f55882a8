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
    [InlineData("2019/IMG_0001-modifié.jpg", "2019/img_0001", true)] // Google Takeout, in the account's language
    [InlineData("2019/IMG_0001-bearbeitet.jpg", "2019/img_0001", true)]
    [InlineData("2019/IMG_0001-editado.jpg", "2019/img_0001", true)]
    [InlineData("2019/IMG_0001-modifie\u0301.jpg", "2019/img_0001", true)]
    [InlineData("2019/IMG_E0001.JPG", "2019/img_0001", true)]
    [InlineData("IMG_0001.HEIC", "img_0001", false)]
    [InlineData("my.holiday.photo.jpg", "my.holiday.photo", false)]
    [InlineData("CLIP/C0001M01.XML", "CLIP/c0001", false)] // Sony's clip metadata, beside CLIP/C0001.MP4
    [InlineData("CLIP/20260411_A7C2_0064M01.XML", "CLIP/20260411_a7c2_0064", false)]
    [InlineData("CLIP/DSCM01.JPG", "CLIP/dscm01", false)]
    [InlineData("DCIM/100GOPRO/GX010042.MP4", "DCIM/100GOPRO/g010042", false)] // a GoPro's HEVC clip,
    [InlineData("DCIM/100GOPRO/GX010042.THM", "DCIM/100GOPRO/g010042", false)] // its thumbnail,
    [InlineData("DCIM/100GOPRO/GL010042.LRV", "DCIM/100GOPRO/g010042", false)] // and its low-resolution proxy
    [InlineData("DCIM/100GOPRO/GH010042.MP4", "DCIM/100GOPRO/g010042", false)]
    [InlineData("DCIM/100GOPRO/GOPR0042.LRV", "DCIM/100GOPRO/gopr0042", false)] // older GoPros name the proxy as the clip
    [InlineData("Takeout/Photos from 2019/IMG_0001.JPG.json", "Takeout/Photos from 2019/img_0001", false)] // Google Takeout,
    [InlineData("Takeout/Photos from 2019/IMG_0001.JPG.supplemental-metadata.json", "Takeout/Photos from 2019/img_0001", false)] // since 2024,
    [InlineData("Takeout/Photos from 2019/IMG_20190715_110300123.jpg.supplemental-met.json", "Takeout/Photos from 2019/img_20190715_110300123", false)] // cut short
    [InlineData("Takeout/Photos from 2019/Screenshot_20190512-143011_Instagram12.jpg.s.json", "Takeout/Photos from 2019/screenshot_20190512-143011_instagram12", false)]
    [InlineData("Takeout/Photos from 2019/Screenshot_20190512-143011_Instagram123.jpg..json", "Takeout/Photos from 2019/screenshot_20190512-143011_instagram123", false)]
    [InlineData("Takeout/Photos from 2019/IMG_0001.JPG(1).json", "Takeout/Photos from 2019/img_0001(1)", false)] // of IMG_0001(1).JPG
    [InlineData("Takeout/Photos from 2019/IMG_0001(1).JPG", "Takeout/Photos from 2019/img_0001(1)", false)]
    [InlineData("Takeout/Photos from 2019/IMG_0001-edited.JPG", "Takeout/Photos from 2019/img_0001", true)]
    [InlineData("Takeout/Album/metadata.json", "Takeout/Album/metadata", false)]
    [InlineData("Camera/PXL_20250120_221128230.RAW-01.COVER.jpg", "Camera/pxl_20250120_221128230", false)] // a Pixel's RAW+JPEG
    [InlineData("Camera/PXL_20250120_221128230.RAW-02.ORIGINAL.dng", "Camera/pxl_20250120_221128230", false)]
    [InlineData("Camera/PXL_20210105_165015347.RAW-01.MP.COVER.jpg", "Camera/pxl_20210105_165015347", false)]
    [InlineData("Camera/PXL_20230101_120000000.PORTRAIT.jpg", "Camera/pxl_20230101_120000000", true)] // shown before
    [InlineData("Camera/PXL_20230101_120000000.PORTRAIT.ORIGINAL.jpg", "Camera/pxl_20230101_120000000", false)] // the unblurred
    [InlineData("2025/01/20250120_221128_0a1b2c3d.RAW-02.ORIGINAL.dng", "2025/01/20250120_221128_0a1b2c3d", false)] // as imported
    [InlineData("notes/settings.json", "notes/settings", false)]
    public void For_GroupsSiblingsAndEdits(string path, string key, bool edited) =>
        Assert.Equal((key, edited), StackKey.For(path));

    [Theory]
    [InlineData("a/IMG_0001 (1).jpg")]
    [InlineData("b/IMG_0001.jpg")]
    [InlineData("a/IMG_00011.jpg")]
    public void For_KeepsOtherPhotosApart(string path) => Assert.NotEqual("a/img_0001", StackKey.For(path).Key);

    [Theory]
    [InlineData("a/GH020042.MP4")] // the recording's second chapter: a file of its own
    [InlineData("a/GH010043.MP4")]
    [InlineData("a/GS010042.360")]
    [InlineData("a/GH0100421.MP4")]
    public void For_KeepsOtherGoProClipsApart(string path) => Assert.NotEqual("a/g010042", StackKey.For(path).Key);

    [Theory]
    [InlineData("IMG_0001.CR2", "IMG_0001", ".CR2")]
    [InlineData("IMG_0001.jpg.xmp", "IMG_0001", ".jpg.xmp")]
    [InlineData("IMG_0001 (edited).jpg", "IMG_0001", " (edited).jpg")]
    [InlineData("IMG_E0001.JPG", "IMG_0001", "_edited.JPG")] // Apple's edit marker, said in the stack's own way
    [InlineData("GL010042.LRV", "G010042", ".LRV")]
    [InlineData("GH010042.MP4", "G010042", ".MP4")]
    [InlineData("C0001M01.XML", "C0001", "M01.XML")]
    [InlineData("IMG_0001.JPG.supplemental-metadata.json", "IMG_0001", ".JPG.supplemental-metadata.json")]
    [InlineData("IMG_0001.JPG(1).json", "IMG_0001(1)", ".JPG.json")] // renamed with its photo, it keeps no number
    [InlineData("PXL_20250120_221128230.RAW-02.ORIGINAL.dng", "PXL_20250120_221128230", ".RAW-02.ORIGINAL.dng")]
    public void MemberSuffix_IsWhatFollowsTheStacksStem(string name, string stackStem, string suffix)
    {
        Assert.Equal(stackStem, StackKey.Stem(name).Stem);
        Assert.Equal(suffix, ImportNames.MemberSuffix(name, stackStem));
    }
}
