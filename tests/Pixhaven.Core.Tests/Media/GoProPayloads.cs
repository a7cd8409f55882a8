using System.Buffers.Binary;
using System.Text;
using static Pixhaven.Core.Tests.Media.IsoBoxWriter;

namespace Pixhaven.Core.Tests.Media;

/// <summary>
/// GoPro telemetry as the cameras write it (GPMF: key, type, sample size, count, values padded to four bytes, all big
/// endian), for the reader's tests and the indexer's; and a minimal MP4 whose one track carries such payloads.
/// </summary>
public static class GoProPayloads
{
    /// <summary>One entry: key, type character, sample size, sample count, values.</summary>
    public static byte[] Entry(string key, char type, int size, int repeat, byte[] values)
    {
        var entry = new byte[8 + ((values.Length + 3) & ~3)];
        Encoding.ASCII.GetBytes(key).CopyTo(entry, 0);
        (entry[4], entry[5]) = ((byte)type, (byte)size);
        BinaryPrimitives.WriteUInt16BigEndian(entry.AsSpan(6), (ushort)repeat);
        values.CopyTo(entry, 8);
        return entry;
    }

    /// <summary>A nested entry (DEVC, STRM): type 0, its children as four-byte units.</summary>
    public static byte[] Nest(string key, params byte[][] children)
    {
        byte[] body = [.. children.SelectMany(c => c)];
        return Entry(key, '\0', 4, body.Length / 4, body);
    }

    public static byte[] Text(string key, string text) => Entry(key, 'c', 1, text.Length, Encoding.ASCII.GetBytes(text));

    public static byte[] Int32s(string key, char type, params int[] values) =>
        Entry(key, type, 4 * (key == "SCAL" ? 1 : values.Length), key == "SCAL" ? values.Length : 1, [.. values.SelectMany(Big32)]);

    /// <summary>
    /// A HERO5-HERO10 payload: the camera's device with a GPS stream (fix, GPS clock, precision, scales, and GPS5
    /// samples of latitude, longitude, altitude and two speeds), after an accelerometer stream as the cameras write one.
    /// </summary>
    public static byte[] Hero7(string camera, int fix, string gpsTime, int precision, params (double Lat, double Lng, double Alt)[] samples) =>
        Nest("DEVC",
            Int32s("DVID", 'L', 1),
            Text("DVNM", camera),
            Nest("STRM", Text("STNM", "Accelerometer"), Entry("SCAL", 's', 2, 1, [0x01, 0xA2]), Entry("ACCL", 's', 6, 2, new byte[12])),
            Nest("STRM",
                Text("STNM", "GPS (Lat., Long., Alt., 2D speed, 3D speed)"),
                Int32s("GPSF", 'L', fix),
                Entry("GPSU", 'U', 16, 1, Encoding.ASCII.GetBytes(gpsTime)),
                Entry("GPSP", 'S', 2, 1, Big16(precision)),
                Int32s("SCAL", 'l', 10_000_000, 10_000_000, 1000, 1000, 100),
                Entry("GPS5", 'l', 20, samples.Length, [.. samples.SelectMany(s => new[] { (int)Math.Round(s.Lat * 1e7), (int)Math.Round(s.Lng * 1e7), (int)Math.Round(s.Alt * 1000), 0, 0 }.SelectMany(Big32))])));

    /// <summary>A HERO11-HERO13 payload: GPS9 structures with their own time, dilution of precision and fix.</summary>
    public static byte[] Hero13(double lat, double lng, double alt, DateTime utc, double dop, int fix)
    {
        var days = (int)(utc.Date - new DateTime(2000, 1, 1)).TotalDays;
        byte[] sample = [.. new[] { (int)Math.Round(lat * 1e7), (int)Math.Round(lng * 1e7), (int)Math.Round(alt * 1000), 0, 0, days, (int)utc.TimeOfDay.TotalMilliseconds }.SelectMany(Big32),
            .. Big16((int)Math.Round(dop * 100)), .. Big16(fix)];
        return Nest("DEVC",
            Int32s("DVID", 'L', 1),
            Text("DVNM", "HERO13 Black"),
            Nest("STRM",
                Text("STNM", "GPS (Lat., Long., Alt., 2D, 3D, days, secs, DOP, fix)"),
                Entry("TYPE", 'c', 1, 9, Encoding.ASCII.GetBytes("lllllllSS")),
                Int32s("SCAL", 'l', 10_000_000, 10_000_000, 1000, 1000, 100, 1, 1000, 100, 1),
                Entry("GPS9", '?', sample.Length, 1, sample)));
    }

    /// <summary>
    /// A HERO6-and-later's global settings, as kept in the movie's user data: a device of its own with the firmware,
    /// the serial number and the model.
    /// </summary>
    public static byte[] GlobalSettings(string model) =>
        Nest("DEVC",
            Int32s("DVID", 'L', 1),
            Text("DVNM", "Global Settings"),
            Text("FMWR", "HD7.01.01.90.00"),
            Text("CASN", "C3251325045678"),
            Text("MINF", model),
            Text("PTWB", "AUTO"));

    /// <summary>
    /// An MP4 with one telemetry track ("gpmd" samples, one a second, one per chunk, after the header in 'mdat'), as a
    /// GoPro lays it out; enough for the track reader, not for a player.
    /// </summary>
    public static byte[] Mp4(params byte[][] payloads) => Mp4WithSettings(null, payloads);

    /// <summary>As <see cref="Mp4"/>, with the camera's global settings in the movie's user data (udta/GPMF).</summary>
    public static byte[] Mp4WithSettings(byte[]? settings, params byte[][] payloads)
    {
        var ftyp = Box("ftyp", [.. "mp41"u8, 0, 0, 0, 0, .. "mp41"u8]);
        var mdatStart = ftyp.Length + 8;
        var offsets = payloads.Select((_, i) => mdatStart + payloads.Take(i).Sum(p => p.Length)).ToList();

        var stbl = Box("stbl",
            FullBox("stsd", [.. Big32(1), .. Box("gpmd", new byte[8])]),
            FullBox("stts", [.. Big32(1), .. Big32(payloads.Length), .. Big32(1001)]),
            FullBox("stsc", [.. Big32(1), .. Big32(1), .. Big32(1), .. Big32(1)]),
            FullBox("stsz", [.. Big32(0), .. Big32(payloads.Length), .. payloads.SelectMany(p => Big32(p.Length))]),
            FullBox("stco", [.. Big32(payloads.Length), .. offsets.SelectMany(Big32)]));
        var mdhd = FullBox("mdhd", [.. new byte[8], .. Big32(1000), .. Big32(1001 * payloads.Length), 0, 0, 0, 0]);
        var hdlr = FullBox("hdlr", [.. new byte[4], .. "meta"u8, .. new byte[12], .. "GoPro MET"u8, 0]);
        var trak = Box("trak", Box("mdia", mdhd, hdlr, Box("minf", stbl)));
        var moov = settings is null ? Box("moov", trak) : Box("moov", trak, Box("udta", Box("FIRM", "HD7.01.01.90.00"u8.ToArray()), Box("GPMF", settings)));
        return [.. ftyp, .. Box("mdat", payloads), .. moov];
    }

    private static byte[] Big32(int value)
    {
        var bytes = new byte[4];
        BinaryPrimitives.WriteInt32BigEndian(bytes, value);
        return bytes;
    }

    private static byte[] Big16(int value) => [(byte)(value >> 8), (byte)value];
}
