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

    /// <summary>A box at the top level of a file: its type, and where its body starts and how long it is.</summary>
    public readonly record struct TopLevelBox(string Type, long BodyStart, long BodyLength);

    /// <summary>
    /// The top-level boxes of a file in order, the first being 'ftyp'; ends at the first box that does not fit in the
    /// file (or none, for a file that does not start with 'ftyp'), and after 64 boxes. Moves the stream's position.
    /// </summary>
    public static IEnumerable<TopLevelBox> TopLevel(Stream file)
    {
        var header = new byte[16];
        long position = 0;
        for (var i = 0; i < MaxTopLevelBoxes && position + 8 <= file.Length; i++)
        {
            file.Position = position;
            file.ReadExactly(header, 0, 8);
            var type = header.AsSpan(4, 4);
            if (i == 0 && !type.SequenceEqual("ftyp"u8))
            {
                yield break;
            }

            long size = BinaryPrimitives.ReadUInt32BigEndian(header);
            var headerLength = 8;
            if (size == 1 && position + 16 <= file.Length)
            {
                file.ReadExactly(header, 8, 8);
                size = (long)BinaryPrimitives.ReadUInt64BigEndian(header.AsSpan(8));
                headerLength = 16;
            }
            else if (size == 0)
            {
                size = file.Length - position; // the last box runs to the end of the file
            }

            // Compared with what is left, not added to the position: a 64-bit size from a hostile file must not wrap.
            if (size < headerLength || size > file.Length - position)
            {
                yield break;
            }

            yield return new TopLevelBox(System.Text.Encoding.ASCII.GetString(type), position + headerLength, size - headerLength);
            position += size;
        }
    }

    /// <summary>
    /// The payload of the top-level 'meta' box after its version and flags, and where that payload starts in the file;
    /// null when the file does not start with 'ftyp' or its boxes do not fit.
    /// </summary>
    public static (long Offset, byte[] Payload)? ReadMeta(Stream file)
    {
        foreach (var box in TopLevel(file))
        {
            if (box.Type != "meta")
            {
                continue;
            }

            var payload = box.BodyLength - 4;
            if (payload is < 0 or > MaxMetaBytes)
            {
                return null;
            }

            var meta = new byte[payload];
            file.Position = box.BodyStart + 4;
            file.ReadExactly(meta);
            return (box.BodyStart + 4, meta);
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

            // Latin-1: QuickTime's user data names its text entries with a leading '©' (0xA9), "©mdl".
            boxes.Add(new IsoBox(System.Text.Encoding.Latin1.GetString(payload.Span.Slice(position + 4, 4)), position, payload.Slice(position + 8, (int)size - 8)));
            position += (int)size;
        }

        return boxes;
    }
}
