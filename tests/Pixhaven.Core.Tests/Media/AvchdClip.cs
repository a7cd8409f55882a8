namespace Pixhaven.Core.Tests.Media;

/// <summary>
/// Builds the first bytes of an AVCHD clip as a camcorder writes them: an H.264 SEI message with the "MDPM" pack,
/// escaped as H.264 requires, carried in MPEG transport stream packets (188 bytes, or 192 for M2TS).
/// </summary>
public static class AvchdClip
{
    public const int VideoPacketId = 0x1011;

    private static readonly byte[] PackMarker =
        [0x17, 0xEE, 0x8C, 0x60, 0xF8, 0x4D, 0x11, 0xD9, 0x8C, 0xD6, 0x08, 0x00, 0x20, 0x0C, 0x9A, 0x66, .. "MDPM"u8];

    /// <summary>A byte in binary-coded decimal: 21 is 0x21.</summary>
    public static byte Bcd(int value) => (byte)(((value / 10) << 4) | (value % 10));

    /// <summary>The date entries of a pack: the zone byte, then 0x18 (century, year, month) and 0x19 (day, hour, minute, second).</summary>
    public static (byte Tag, byte[] Data)[] DateEntries(byte zone, int year, int month, int day, int hour, int minute, int second) =>
    [
        (0x18, [zone, Bcd(year / 100), Bcd(year % 100), Bcd(month)]),
        (0x19, [Bcd(day), Bcd(hour), Bcd(minute), Bcd(second)]),
    ];

    /// <summary>An SEI NAL unit (start code included) of unregistered user data holding an MDPM pack with these entries.</summary>
    public static byte[] SeiNal(params (byte Tag, byte[] Data)[] entries)
    {
        byte[] userData = [.. PackMarker, (byte)entries.Length, .. entries.SelectMany(e => new[] { e.Tag }.Concat(e.Data))];
        byte[] message = [5, (byte)userData.Length, .. userData, 0x80];
        var escaped = new List<byte> { 0, 0, 0, 1, 0x06 };
        var zeros = 0;
        foreach (var b in message)
        {
            if (zeros >= 2 && b <= 3)
            {
                escaped.Add(3);
                zeros = 0;
            }

            escaped.Add(b);
            zeros = b == 0 ? zeros + 1 : 0;
        }

        return [.. escaped];
    }

    /// <summary>
    /// The payload split into transport stream packets of one stream, after a program table packet; every third
    /// packet carries an adaptation field (as a clock reference does), so the payload is cut at varying places.
    /// </summary>
    public static byte[] Packets(byte[] payload, bool m2ts)
    {
        var packets = new List<byte>();
        void Add(int packetId, byte[] adaptation, ReadOnlySpan<byte> body)
        {
            if (m2ts)
            {
                packets.AddRange(new byte[] { 0x00, 0x01, 0x02, 0x03 }); // arrival time stamp
            }

            var control = adaptation.Length > 0 ? 0x30 : 0x10;
            packets.AddRange(new byte[] { 0x47, (byte)(packetId >> 8), (byte)packetId, (byte)control });
            if (adaptation.Length > 0)
            {
                packets.Add((byte)adaptation.Length);
                packets.AddRange(adaptation);
            }

            packets.AddRange(body.ToArray());
        }

        Add(0, [], Enumerable.Repeat((byte)0xFF, 184).ToArray());
        var at = 0;
        for (var i = 0; at < payload.Length; i++)
        {
            byte[] adaptation = i % 3 == 1 ? [0x10, .. new byte[6]] : [];
            var room = 184 - (adaptation.Length > 0 ? adaptation.Length + 1 : 0);
            var body = payload.AsSpan(at, Math.Min(room, payload.Length - at)).ToArray();
            at += body.Length;
            Add(VideoPacketId, adaptation, [.. body, .. Enumerable.Repeat((byte)0xFF, room - body.Length)]);
        }

        return [.. packets];
    }
}
