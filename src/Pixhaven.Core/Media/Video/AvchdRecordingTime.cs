using System.Globalization;
using Pixhaven.Core.Media.Metadata;

namespace Pixhaven.Core.Media.Video;

/// <summary>
/// Reads the recording time AVCHD camcorders and cameras (Sony, Panasonic, Canon) keep in their .MTS/.M2TS clips: the
/// "MDPM" pack of an H.264 SEI message of unregistered user data. The transport stream has no date of its own, and
/// ffprobe does not report this one, so without it every such clip would be dated by its file time.
/// </summary>
/// <remarks>
/// Written here because no library on our list reads it. The transport stream is walked packet by packet (188 bytes,
/// or 192 with the M2TS time code in front), each stream's payload is joined, and the pack is looked for in it. Every
/// length is checked against the bytes read, so a damaged clip yields no time rather than an exception.
/// </remarks>
public static class AvchdRecordingTime
{
    /// <summary>How much of a clip is read: the pack is in the first access units, within the first megabytes.</summary>
    public const int ScanLength = 4 << 20;

    private const int PacketLength = 188;
    private const byte SyncByte = 0x47;
    private const byte DateTag = 0x18;
    private const byte TimeTag = 0x19;

    /// <summary>The user data's UUID (17ee8c60-f84d-11d9-8cd6-0800200c9a66) followed by "MDPM".</summary>
    private static ReadOnlySpan<byte> PackMarker =>
        [0x17, 0xEE, 0x8C, 0x60, 0xF8, 0x4D, 0x11, 0xD9, 0x8C, 0xD6, 0x08, 0x00, 0x20, 0x0C, 0x9A, 0x66, (byte)'M', (byte)'D', (byte)'P', (byte)'M'];

    /// <summary>The local time a clip was recorded and, when the camera knew it, its UTC offset; null when the clip has none.</summary>
    public static (DateTime Local, TimeSpan? Offset)? Read(string path)
    {
        using var stream = ContentHasher.OpenRead(path);
        var buffer = new byte[(int)Math.Min(ScanLength, Math.Max(0, stream.Length))];
        var length = stream.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
        return Find(buffer.AsSpan(0, length));
    }

    /// <summary>The recording time in the first bytes of a transport stream; see <see cref="Read"/>.</summary>
    public static (DateTime Local, TimeSpan? Offset)? Find(ReadOnlySpan<byte> clip)
    {
        foreach (var payload in StreamPayloads(clip))
        {
            // Every frame may carry a pack; some cameras leave the time out of the first ones.
            for (var rest = payload.AsSpan(); rest.IndexOf(PackMarker) is var at and >= 0; rest = rest[(at + PackMarker.Length)..])
            {
                if (Decode(Unescape(rest[(at + PackMarker.Length)..])) is { } time)
                {
                    return time;
                }
            }
        }

        return null;
    }

    /// <summary>The payload bytes of each stream (by packet id), in the order the packets came.</summary>
    private static IEnumerable<byte[]> StreamPayloads(ReadOnlySpan<byte> clip)
    {
        var prefix = IsSynced(clip, 0) ? 0 : IsSynced(clip, 4) ? 4 : -1;
        if (prefix < 0)
        {
            return [];
        }

        var step = PacketLength + prefix;
        var streams = new Dictionary<int, MemoryStream>();
        for (var at = 0; at + step <= clip.Length; at += step)
        {
            var packet = clip.Slice(at + prefix, PacketLength);
            if (packet[0] != SyncByte)
            {
                break; // sync lost: the rest cannot be split into packets
            }

            var packetId = ((packet[1] & 0x1F) << 8) | packet[2];
            var control = (packet[3] >> 4) & 0x3;
            var start = (control & 0x2) != 0 ? 5 + packet[4] : 4;
            if ((control & 0x1) == 0 || start >= PacketLength)
            {
                continue; // adaptation field only
            }

            if (!streams.TryGetValue(packetId, out var payload))
            {
                streams[packetId] = payload = new MemoryStream();
            }

            payload.Write(packet[start..]);
        }

        return streams.Values.Select(s => s.ToArray());
    }

    private static bool IsSynced(ReadOnlySpan<byte> clip, int prefix) =>
        clip.Length > prefix + PacketLength + prefix && clip[prefix] == SyncByte && clip[prefix + PacketLength + prefix] == SyncByte;

    /// <summary>Removes H.264's emulation prevention bytes (00 00 03 stands for 00 00) from the pack's bytes.</summary>
    private static byte[] Unescape(ReadOnlySpan<byte> escaped)
    {
        const int longestPack = 1 + (255 * 5); // a count byte and at most 255 entries of five
        var bytes = new List<byte>(Math.Min(escaped.Length, longestPack));
        var zeros = 0;
        foreach (var b in escaped)
        {
            if (bytes.Count == longestPack)
            {
                break;
            }

            if (zeros >= 2 && b == 0x03)
            {
                zeros = 0;
                continue;
            }

            zeros = b == 0 ? zeros + 1 : 0;
            bytes.Add(b);
        }

        return [.. bytes];
    }

    /// <summary>
    /// Reads the pack's entries: a count, then entries of a tag and four bytes, in rising tag order. 0x18 holds the
    /// time zone and the year and month, 0x19 the day and time, in binary-coded decimal.
    /// </summary>
    private static (DateTime Local, TimeSpan? Offset)? Decode(ReadOnlySpan<byte> pack)
    {
        if (pack.IsEmpty)
        {
            return null;
        }

        ReadOnlySpan<byte> date = default, time = default;
        var lastTag = -1;
        for (var i = 0; i < pack[0] && 1 + (i * 5) + 5 <= pack.Length; i++)
        {
            var entry = pack.Slice(1 + (i * 5), 5);
            if (entry[0] <= lastTag)
            {
                break; // out of order: not a pack written by a camera
            }

            lastTag = entry[0];
            if (entry[0] == DateTag)
            {
                date = entry[1..];
            }
            else if (entry[0] == TimeTag)
            {
                time = entry[1..];
            }
        }

        if (date.IsEmpty || time.IsEmpty || Bcd(date[1]) is not { } century || Bcd(date[2]) is not { } year || Bcd(date[3]) is not { } month
            || Bcd(time[0]) is not { } day || Bcd(time[1]) is not { } hour || Bcd(time[2]) is not { } minute || Bcd(time[3]) is not { } second)
        {
            return null;
        }

        var text = string.Create(CultureInfo.InvariantCulture, $"{(century * 100) + year:0000}:{month:00}:{day:00} {hour:00}:{minute:00}:{second:00}");
        return MetadataDates.ParseDateTime(text) is { } local ? (local.Local, Offset(date[0])) : null;
    }

    /// <summary>
    /// The zone byte: 0x20 is the sign, 0x1E the hours, 0x01 a half hour, 0x40 daylight saving time, which the camera's
    /// clock, and so the time recorded, is set forward by an hour for. Hours beyond 14 mean the camera did not know.
    /// </summary>
    private static TimeSpan? Offset(byte zone)
    {
        var hours = (zone >> 1) & 0x0F;
        if (hours > 14)
        {
            return null;
        }

        var standard = TimeSpan.FromMinutes((hours * 60) + ((zone & 0x01) * 30)) * ((zone & 0x20) != 0 ? -1 : 1);
        return standard + TimeSpan.FromHours((zone & 0x40) != 0 ? 1 : 0);
    }

    private static int? Bcd(byte value) => (value >> 4) <= 9 && (value & 0x0F) <= 9 ? ((value >> 4) * 10) + (value & 0x0F) : null;
}
