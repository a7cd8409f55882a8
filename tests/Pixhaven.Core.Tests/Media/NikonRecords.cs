using System.Buffers.Binary;

namespace Pixhaven.Core.Tests.Media;

/// <summary>The tagged records Nikon's cameras write into a video's user data (NCDT/NCTG), made for the readers' tests.</summary>
public static class NikonRecords
{
    /// <summary>Each record: its tag, its EXIF format code (2 ASCII, 4 LONG, 5 RATIONAL, 7 UNDEFINED), then its value,
    /// big-endian.</summary>
    public static byte[] Of(params (uint Tag, ushort Format, byte[] Value)[] records) =>
        [.. records.SelectMany(r =>
        {
            var header = new byte[8];
            BinaryPrimitives.WriteUInt32BigEndian(header, r.Tag);
            BinaryPrimitives.WriteUInt16BigEndian(header.AsSpan(4), r.Format);
            BinaryPrimitives.WriteUInt16BigEndian(header.AsSpan(6), (ushort)(r.Value.Length / r.Format switch { 3 => 2, 4 => 4, 5 => 8, _ => 1 }));
            return header.Concat(r.Value);
        })];

    /// <summary>An ASCII value, ended by a zero as the cameras write it.</summary>
    public static byte[] Ascii(string text) => [.. System.Text.Encoding.ASCII.GetBytes(text), 0];

    /// <summary>Degrees, minutes and seconds as three unsigned rationals (seconds in hundredths).</summary>
    public static byte[] Degrees(int degrees, int minutes, double seconds) =>
        [.. Rational((uint)degrees, 1), .. Rational((uint)minutes, 1), .. Rational((uint)Math.Round(seconds * 100), 100)];

    public static byte[] Rational(uint numerator, uint denominator)
    {
        var value = new byte[8];
        BinaryPrimitives.WriteUInt32BigEndian(value, numerator);
        BinaryPrimitives.WriteUInt32BigEndian(value.AsSpan(4), denominator);
        return value;
    }
}
