namespace Pixhaven.Core.Tests.Media;

/// <summary>Flight records drones write beside their videos, for the reader's tests and the indexer's.</summary>
public static class FlightRecords
{
    /// <summary>The shape of a DJI Mini 2's or Air 2S's flight record: one subtitle per frame.</summary>
    public const string Mini = """
        1
        00:00:00,000 --> 00:00:00,033
        <font size="28">FrameCnt: 1, DiffTime: 33ms
        2021-07-14 12:00:00.164
        [iso: 100] [shutter: 1/640.0] [fnum: 280] [ev: 0] [ct: 5500] [color_md : default] [focal_len: 240] [latitude: 48.858400] [longitude: 2.294500] [rel_alt: 1.200 abs_alt: 35.120] </font>

        2
        00:00:00,033 --> 00:00:00,066
        <font size="28">FrameCnt: 2, DiffTime: 33ms
        2021-07-14 12:00:00.197
        [iso: 100] [shutter: 1/640.0] [fnum: 280] [ev: 0] [ct: 5500] [color_md : default] [focal_len: 240] [latitude: 48.858410] [longitude: 2.294510] [rel_alt: 1.300 abs_alt: 35.220] </font>

        """;
}
