using System.Buffers.Binary;

namespace Pixhaven.Core.Tests.Media;

/// <summary>The tagged records Nikon's cameras write into a video's user data (NCDT/NCTG), made for the readers' tests.</summary>
public static class NikonRecords
{
    /// <summary>Each record: its tag, its EXIF format code (2 ASCII, 4 LONG), then its value, big-endian.</summary>
    public static byte[] Of(params (uint Tag, ushort Format, byte[] Value)[] records) =>
        [.. records.SelectMany(r =>
        {
            var header = new byte[8];
            BinaryPrimitives.WriteUInt32BigEndian(header, r.Tag);
            BinaryPrimitives.WriteUInt16BigEndian(header.AsSpan(4), r.Format);
            BinaryPrimitives.WriteUInt16BigEndian(header.AsSpan(6), (ushort)(r.Value.Length / (r.Format == 4 ? 4 : 1)));
            return header.Concat(r.Value);
        })];
}
