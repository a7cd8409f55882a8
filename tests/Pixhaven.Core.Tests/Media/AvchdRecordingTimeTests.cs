using Pixhaven.Core.Media.Video;

namespace Pixhaven.Core.Tests.Media;

public sealed class AvchdRecordingTimeTests
{
    // What comes before the SEI in a camcorder's first access unit (PES header, delimiter, parameter sets), long
    // enough that the pack is cut by a packet boundary.
    private static readonly byte[] Preamble = [0, 0, 1, 0xE0, .. Enumerable.Range(0, 170).Select(i => (byte)(i % 200 + 20))];

    private static (DateTime Local, TimeSpan? Offset)? Find(byte[] sei, bool m2ts = false) =>
        AvchdRecordingTime.Find(AvchdClip.Packets([.. Preamble, .. sei, 0, 0, 0, 1, 0x65, 0x88, 0x84], m2ts));

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void RecordingTime_IsFound_AcrossPacketBoundaries_InTsAndM2ts(bool m2ts)
    {
        var sei = AvchdClip.SeiNal(AvchdClip.DateEntries(0x80 | (9 << 1), 2010, 6, 19, 13, 25, 47));
        Assert.Equal((new DateTime(2010, 6, 19, 13, 25, 47), TimeSpan.FromHours(9)), Find(sei, m2ts));
    }

    [Theory]
    [InlineData(0x00, 0)] // UTC
    [InlineData((1 << 1) | 0x40, 120)] // +01:00 with daylight saving time: the clock was an hour ahead
    [InlineData(0x20 | (5 << 1) | 0x40, -240)] // -05:00 with daylight saving time
    [InlineData((5 << 1) | 0x01, 330)] // +05:30
    [InlineData(0x20 | (3 << 1) | 0x01, -210)] // -03:30
    public void TheZoneByte_GivesTheOffset(int zone, int minutes)
    {
        var sei = AvchdClip.SeiNal(AvchdClip.DateEntries((byte)zone, 2021, 5, 6, 7, 8, 9));
        Assert.Equal(TimeSpan.FromMinutes(minutes), Find(sei)?.Offset);
    }

    [Fact]
    public void AnUnknownZone_GivesTheLocalTimeWithoutAnOffset()
    {
        var sei = AvchdClip.SeiNal(AvchdClip.DateEntries(0xFF, 2021, 5, 6, 7, 8, 9));
        Assert.Equal((new DateTime(2021, 5, 6, 7, 8, 9), (TimeSpan?)null), Find(sei));
    }

    [Fact]
    public void EscapedBytes_InThePack_AreRemovedBeforeReading()
    {
        // A time code of 00:00:01:02 comes before the date: its 00 00 01 is escaped to 00 00 03 01 in the stream.
        (byte, byte[])[] entries = [(0x13, [0, 0, 1, 2]), .. AvchdClip.DateEntries(0x02, 2019, 12, 31, 23, 59, 58), (0x70, [0, 0, 0, 0])];
        var sei = AvchdClip.SeiNal(entries);
        Assert.True(sei.AsSpan(5).IndexOf((ReadOnlySpan<byte>)[0, 0, 3, 1]) >= 0, "the clip holds the escaped bytes");
        Assert.Equal((new DateTime(2019, 12, 31, 23, 59, 58), TimeSpan.FromHours(1)), Find(sei));
    }

    [Fact]
    public void AFirstPackWithoutTheTime_IsPassedOver_ForTheNextFramesPack()
    {
        var withoutTime = AvchdClip.SeiNal((0x70, [1, 2, 3, 4]));
        var withTime = AvchdClip.SeiNal(AvchdClip.DateEntries(0x20 | (8 << 1), 2015, 8, 1, 9, 30, 0));
        Assert.Equal((new DateTime(2015, 8, 1, 9, 30, 0), TimeSpan.FromHours(-8)), Find([.. withoutTime, 0, 0, 0, 1, 0x65, 0x88, .. withTime]));
    }

    [Fact]
    public void APackWithoutAValidDate_OrNoPack_GivesNoTime()
    {
        Assert.Null(Find([0, 0, 0, 1, 0x06, 5, 4, 1, 2, 3, 4, 0x80]));
        Assert.Null(Find(AvchdClip.SeiNal((0x18, [0x02, 0x20, 0x21, 0x1A]), (0x19, [0x06, 0x07, 0x08, 0x09])))); // month 1A is no BCD
        Assert.Null(Find(AvchdClip.SeiNal((0x18, [0x02, 0x20, 0x21, 0x13]), (0x19, [0x06, 0x07, 0x08, 0x09])))); // month 13
        Assert.Null(Find(AvchdClip.SeiNal((0x19, [0x06, 0x07, 0x08, 0x09]), (0x18, [0x02, 0x20, 0x21, 0x05])))); // out of order
        Assert.Null(Find(AvchdClip.SeiNal(AvchdClip.DateEntries(0x02, 2021, 5, 6, 7, 8, 9))[..30]));
        Assert.Null(AvchdRecordingTime.Find("not a transport stream at all"u8));
    }
}
