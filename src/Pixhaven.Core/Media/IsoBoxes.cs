using System.Buffers.Binary;

namespace Pixhaven.Core.Media;

/// <summary>One box inside a payload: its four-character type, where its header starts in the payload, and its body.</summary>
public readonly record struct IsoBox(string Type, int Start, ReadOnlyMemory<byte> Body);

/// <summary>
/// Bounds-checked reading of ISO base media file boxes (HEIF, HEIC, AVIF): the top-level 'meta' box and the children of
/// a payload. Hand-written because MetadataExtractor gives up on a whole container at its first bad box, and libheif
/// is only reached through its command-line tool; every length is checked against its parent.
/// </summary>
public static class IsoBoxes
{
    private const int MaxMetaBytes = 4 * 1024 * 1024;
    private const int MaxTopLevelBoxes = 64;

    /// <summary>
    /// The payload of the top-level 'meta' box after its version and flags, and where that payload starts in the file;
    /// null when the file does not start with 'ftyp' or its boxes do not fit.
    /// </summary>
    public static (long Offset, byte[] Payload)? ReadMeta(Stream file)
    {
        Span<byte> header = stackalloc byte[16];
        long position = 0;
        for (var i = 0; i < MaxTopLevelBoxes && position + 8 <= file.Length; i++)
        {
            file.Position = position;
            file.ReadExactly(header[..8]);
            var type = header[4..8];
            if (i == 0 && !type.SequenceEqual("ftyp"u8))
            {
                return null;
            }

            long size = BinaryPrimitives.ReadUInt32BigEndian(header);
            var headerLength = 8;
            if (size == 1 && position + 16 <= file.Length)
            {
                file.ReadExactly(header[8..16]);
                size = (long)BinaryPrimitives.ReadUInt64BigEndian(header[8..]);
                headerLength = 16;
            }
            else if (size == 0)
            {
                size = file.Length - position;
            }

            if (size < headerLength || position + size > file.Length)
            {
                return null;
            }

            if (type.SequenceEqual("meta"u8))
            {
                var payload = size - headerLength - 4;
                if (payload is < 0 or > MaxMetaBytes)
                {
                    return null;
                }

                var meta = new byte[payload];
                file.Position = position + headerLength + 4;
                file.ReadExactly(meta);
                return (position + headerLength + 4, meta);
            }

            position += size;
        }

        return null;
    }

    /// <summary>The child boxes of a payload; stops at the first box that does not fit.</summary>
    public static List<IsoBox> Children(ReadOnlyMemory<byte> payload)
    {
        var boxes = new List<IsoBox>();
        var position = 0;
        while (position + 8 <= payload.Length)
        {
            var size = BinaryPrimitives.ReadUInt32BigEndian(payload.Span[position..]);
            if (size < 8 || position + (long)size > payload.Length)
            {
                break;
            }

            boxes.Add(new IsoBox(System.Text.Encoding.ASCII.GetString(payload.Span.Slice(position + 4, 4)), position, payload.Slice(position + 8, (int)size - 8)));
            position += (int)size;
        }

        return boxes;
    }
}
