using System.Text;
using Pixhaven.Core.Media.Metadata;

namespace Pixhaven.Core.Tests.Media;

public sealed class SonyClipMetadataTests
{
    /// <summary>The shape of an ILCE camera's C0001M01.XML, shortened.</summary>
    public const string ClipXml = """
        <?xml version="1.0" encoding="UTF-8"?>
        <NonRealTimeMeta xmlns="urn:schemas-professionalDisc:nonRealTimeMeta:ver.2.00" lastUpdate="2023-10-19T16:13:53+02:00">
          <TargetMaterial umidRef="060A2B340101010501010D4313000000"/>
          <Duration value="307"/>
          <LtcChangeTable tcFps="25" halfStep="false"><LtcChange frameCount="0" value="17450516" status="increment"/></LtcChangeTable>
          <CreationDate value="2023-10-19T16:13:48+02:00"/>
          <VideoFormat><VideoFrame videoCodec="AVC_3840_2160_HP@L51" captureFps="25p" formatFps="25p"/></VideoFormat>
          <Device manufacturer="Sony" modelName="ILCE-7M4" serialNo="4294967295"/>
          <RecordingMode type="normal" cacheRec="false"/>
        </NonRealTimeMeta>
        """;

    [Fact]
    public void TheRecordingTime_WithItsOffset_AndTheCamera_AreRead()
    {
        var metadata = SonyClipMetadata.Read(Encoding.UTF8.GetBytes(ClipXml));
        Assert.Equal((new DateTime(2023, 10, 19, 16, 13, 48), TimeSpan.FromHours(2)), (metadata.TakenAt!.Value, metadata.TakenAtOffset!.Value));
        Assert.Equal(("SONY", "ILCE-7M4"), (metadata.Make, metadata.Model));
        Assert.Empty(metadata.Warnings);
    }

    [Theory]
    [InlineData("<NonRealTimeMeta><CreationDate value=\"2023-10-19T16:13:48+02:00\"></NonRealTimeMeta>")] // not well-formed
    [InlineData("<?xml version=\"1.0\"?><!DOCTYPE NonRealTimeMeta [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><NonRealTimeMeta><Device manufacturer=\"&x;\"/></NonRealTimeMeta>")]
    public void ADamagedOrHostileDocument_GivesAWarning_AndNothingElse(string xml)
    {
        var metadata = SonyClipMetadata.Read(Encoding.UTF8.GetBytes(xml));
        Assert.Null(metadata.TakenAt);
        Assert.Null(metadata.Make);
        Assert.Single(metadata.Warnings);
    }
}
