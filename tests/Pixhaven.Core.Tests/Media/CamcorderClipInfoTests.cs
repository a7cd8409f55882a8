using Pixhaven.Core.Media.Detection;
using Pixhaven.Core.Media.Metadata;
using Pixhaven.Core.Model;

namespace Pixhaven.Core.Tests.Media;

public sealed class CamcorderClipInfoTests
{
    [Fact]
    public void TheRecordingsLocalTime_AndLength_AreRead()
    {
        var metadata = CamcorderClipInfo.Read(MoiFiles.Of(2008, 8, 15, 19, 42, 30_500, 95_040));
        Assert.Equal((new DateTime(2008, 8, 15, 19, 42, 30, 500), null, false), (metadata.TakenAt, metadata.TakenAtOffset, metadata.TakenAtIsUtc));
        Assert.Equal(95.04, metadata.Duration);
        Assert.Empty(metadata.Warnings);
    }

    [Fact]
    public void TheFile_IsASidecar_ByItsContentAndName()
    {
        var moi = MoiFiles.Of(2008, 8, 15, 19, 42, 30_500, 95_040);
        Assert.Equal((MediaType.Sidecar, "moi"), (MediaTypeDetector.Detect(moi, "MOV001.MOI").Type, MediaTypeDetector.Detect(moi, "MOV001.MOI").Format));
        Assert.Equal(MediaType.Unknown, MediaTypeDetector.Detect(moi, "MOV001.BIN").Type);
    }

    [Theory]
    [InlineData(2008, 13, 15, 19, 42, 0)] // no 13th month
    [InlineData(2008, 2, 30, 19, 42, 0)] // nor a 30th of February
    [InlineData(2008, 8, 15, 24, 42, 0)]
    [InlineData(2008, 8, 15, 19, 42, 60_000)]
    [InlineData(0, 0, 0, 0, 0, 0)] // a camcorder whose clock was never set
    public void AnImpossibleTime_IsNoMoiAtAll_AndReadAloneGivesAWarning(int year, int month, int day, int hour, int minute, int milliseconds)
    {
        var moi = MoiFiles.Of(year, month, day, hour, minute, milliseconds, 1000);
        Assert.False(CamcorderClipInfo.Describes(moi));
        Assert.Equal(MediaType.Unknown, MediaTypeDetector.Detect(moi, "MOV001.MOI").Type);
        var metadata = CamcorderClipInfo.Read(moi);
        Assert.Null(metadata.TakenAt);
        Assert.Single(metadata.Warnings);
    }

    [Fact]
    public void TextThatStartsWithV6_IsNotOne_NorIsAFileCutShort()
    {
        Assert.False(CamcorderClipInfo.Describes("V6 engine, 1998 service notes"u8));
        Assert.False(CamcorderClipInfo.Describes(MoiFiles.Of(2008, 8, 15, 19, 42, 0, 0).AsSpan(0, 12)));
        Assert.Null(CamcorderClipInfo.Read(MoiFiles.Of(2008, 8, 15, 19, 42, 0, 0).AsSpan(0, 14)).Duration);
    }
}
