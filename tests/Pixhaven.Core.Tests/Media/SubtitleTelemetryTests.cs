using System.Text;
using Pixhaven.Core.Media.Detection;
using Pixhaven.Core.Media.Metadata;
using Pixhaven.Core.Model;

namespace Pixhaven.Core.Tests.Media;

public sealed class SubtitleTelemetryTests
{
    [Fact]
    public void AMiniOrAirRecord_GivesTheStartTime_ThePosition_AndTheMaker()
    {
        var metadata = SubtitleTelemetry.Read(Encoding.UTF8.GetBytes(FlightRecords.Mini.ReplaceLineEndings("\r\n")));
        Assert.Equal(new DateTime(2021, 7, 14, 12, 0, 0, 164), metadata.TakenAt);
        Assert.Null(metadata.TakenAtOffset); // the aircraft's local clock: the zone comes from the position
        Assert.Equal((48.8584, 2.2945, 35.12), (metadata.Latitude, metadata.Longitude, metadata.Altitude));
        Assert.Equal(("DJI", null), (metadata.Make, metadata.Model));
        Assert.Empty(metadata.Warnings);
    }

    [Fact]
    public void TheZerosRecordedBeforeAFix_AreNoPosition_TheFirstFixIs()
    {
        const string record = """
            1
            00:00:00,000 --> 00:00:00,016
            <font size="28">SrtCnt : 1, DiffTime : 16ms
            2023-01-15 09:30:00.000
            [iso : 100] [shutter : 1/1000.0] [fnum : 1.7] [ev : 0] [latitude: 0.000000] [longitude: 0.000000] [rel_alt: 0.000 abs_alt: 0.000] [ct : 5500] </font>

            2
            00:00:00,016 --> 00:00:00,033
            <font size="28">SrtCnt : 2, DiffTime : 17ms
            2023-01-15 09:30:00.016
            [iso : 100] [shutter : 1/1000.0] [fnum : 1.7] [ev : 0] [latitude: -33.856784] [longitude: 151.215297] [rel_alt: 0.100 abs_alt: 12.500] [ct : 5500] </font>
            """;
        var metadata = SubtitleTelemetry.Read(Encoding.UTF8.GetBytes(record));
        Assert.Equal(new DateTime(2023, 1, 15, 9, 30, 0), metadata.TakenAt); // the first frame's, not the fix's
        Assert.Equal((-33.856784, 151.215297, 12.5), (metadata.Latitude, metadata.Longitude, metadata.Altitude));
    }

    [Fact]
    public void AMavic2Record_WithItsSpellingOfLongitude_IsRead()
    {
        const string record = """
            1
            00:00:00,000 --> 00:00:00,040
            <font size="36">SrtCnt : 1, DiffTime : 40ms
            2019-10-29 18:28:45,172,632
            [iso : 110] [shutter : 1/200.0] [fnum : 280] [ev : 0] [ct : 5288] [color_md : default] [focal_len : 280] [latitude : 22.540501] [longtitude : -113.953412] [altitude: 96.200001] </font>
            """;
        var metadata = SubtitleTelemetry.Read(Encoding.UTF8.GetBytes(record));
        Assert.Equal(new DateTime(2019, 10, 29, 18, 28, 45, 172), metadata.TakenAt);
        Assert.Equal((22.540501, -113.953412, 96.200001), (metadata.Latitude, metadata.Longitude, metadata.Altitude));
    }

    [Fact]
    public void APhantom4Record_PutsTheLongitudeFirst_AndTheHomePointIsNotTheAircraft()
    {
        const string record = """
            1
            00:00:00,000 --> 00:00:01,000
            HOME(149.0251,-20.2532) 2017.08.05 14:11:51
            GPS(149.0262,-20.2541,16) BAROMETER:1.9
            ISO:100 Shutter:60 EV: Fnum:2.2
            """;
        var metadata = SubtitleTelemetry.Read(Encoding.UTF8.GetBytes(record));
        Assert.Equal(new DateTime(2017, 8, 5, 14, 11, 51), metadata.TakenAt);
        Assert.Equal((-20.2541, 149.0262, null), (metadata.Latitude, metadata.Longitude, metadata.Altitude));
    }

    [Fact]
    public void AFilmsSubtitles_AreASidecarWithoutValues_EvenWithADateInTheDialogue()
    {
        const string subtitles = """
            1
            00:00:01,000 --> 00:00:04,000
            Grandma's birthday, 2019-05-01 12:00:00.

            2
            00:00:05,000 --> 00:00:07,500
            <i>[laughter]</i> [Narrator: the GPS (far left) says we are lost]
            """;
        var bytes = Encoding.UTF8.GetBytes(subtitles);
        Assert.Equal((MediaType.Sidecar, "srt"), (MediaTypeDetector.Detect(bytes, "Birthday.srt").Type, MediaTypeDetector.Detect(bytes, "Birthday.srt").Format));
        var metadata = SubtitleTelemetry.Read(bytes);
        Assert.Equal((null, null, null), (metadata.TakenAt, metadata.Latitude, metadata.Make));
    }

    [Theory]
    [InlineData("\uFEFF1\r\n00:00:00,000 --> 00:00:00,033\r\n", true)]
    [InlineData("1\n0:00:00.000 --> 0:00:01.000\n", true)]
    [InlineData("1\n2\n3\n", false)]
    [InlineData("00:00:00,000 --> 00:00:00,033\n", false)]
    [InlineData("WEBVTT\n\n00:00.000 --> 00:01.000\n", false)]
    public void OnlyASubRipFile_IsDescribed(string start, bool describes) =>
        Assert.Equal(describes, SubtitleTelemetry.Describes(Encoding.UTF8.GetBytes(start)));

    [Fact]
    public void ImpossibleDatesAndPositions_AreLeftOut()
    {
        const string record = """
            1
            00:00:00,000 --> 00:00:00,033
            2021-02-30 25:00:00.000
            [latitude: 123.5] [longitude: 2.2945]
            """;
        var metadata = SubtitleTelemetry.Read(Encoding.UTF8.GetBytes(record));
        Assert.Equal((null, null, "DJI"), (metadata.TakenAt, metadata.Latitude, metadata.Make));
    }
}
