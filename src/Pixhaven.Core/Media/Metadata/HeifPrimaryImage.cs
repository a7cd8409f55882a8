using System.Buffers.Binary;

namespace Pixhaven.Core.Media.Metadata;

/// <summary>
/// The displayed size of a HEIF or AVIF file's primary image, from its container boxes alone: the primary item
/// (pitm), its properties (ipma into ipco), their spatial extent (ispe) and rotation (irot). Used when libvips and
/// MetadataExtractor both refuse a damaged file whose picture boxes are intact. Hand-written because MetadataExtractor
/// gives up on the whole container at the first bad box; every length is checked against its parent.
/// </summary>
public static class HeifPrimaryImage
{
    private const int MaxMetaBytes = 4 * 1024 * 1024;
    private const int MaxTopLevelBoxes = 64;

    /// <summary>Width and height after the primary image's rotation; null when the file is no HEIF or the boxes are damaged.</summary>
    public static (int Width, int Height)? Size(string path)
    {
        try
        {
            using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            return ReadMeta(file) is { } meta ? FromMeta(meta) : null;
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>The payload of the top-level 'meta' box, after its version and flags, when the file starts with 'ftyp'.</summary>
    private static byte[]? ReadMeta(FileStream file)
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
                return meta;
            }

            position += size;
        }

        return null;
    }

    private static (int Width, int Height)? FromMeta(ReadOnlyMemory<byte> meta)
    {
        uint? primary = null;
        ReadOnlyMemory<byte> properties = default, associations = default;
        foreach (var (type, box) in Boxes(meta))
        {
            var body = box.Span;
            if (type == "pitm" && body.Length >= 6)
            {
                primary = body[0] == 0 ? BinaryPrimitives.ReadUInt16BigEndian(body[4..]) : body.Length >= 8 ? BinaryPrimitives.ReadUInt32BigEndian(body[4..]) : null;
            }
            else if (type == "iprp")
            {
                foreach (var (inner, innerBody) in Boxes(box))
                {
                    if (inner == "ipco")
                    {
                        properties = innerBody;
                    }
                    else if (inner == "ipma" && associations.IsEmpty)
                    {
                        associations = innerBody;
                    }
                }
            }
        }

        if (primary is not { } item || properties.IsEmpty || associations.IsEmpty || PropertyIndexes(associations.Span, item) is not { } indexes)
        {
            return null;
        }

        (int Width, int Height)? extent = null;
        var quarterTurns = 0;
        var index = 0;
        foreach (var (type, box) in Boxes(properties))
        {
            var body = box.Span;
            index++;
            if (!indexes.Contains(index))
            {
                continue;
            }

            if (type == "ispe" && body.Length >= 12)
            {
                var width = BinaryPrimitives.ReadUInt32BigEndian(body[4..]);
                var height = BinaryPrimitives.ReadUInt32BigEndian(body[8..]);
                extent = width is > 0 and < 100_000 && height is > 0 and < 100_000 ? ((int)width, (int)height) : null;
            }
            else if (type == "irot" && body.Length >= 1)
            {
                quarterTurns = body[0] & 3;
            }
        }

        return extent is var (w, h) ? quarterTurns % 2 == 1 ? (h, w) : (w, h) : null;
    }

    /// <summary>The 1-based ipco indexes that the ipma box associates with one item.</summary>
    private static HashSet<int>? PropertyIndexes(ReadOnlySpan<byte> ipma, uint item)
    {
        if (ipma.Length < 8)
        {
            return null;
        }

        var version = ipma[0];
        var wideIndexes = (ipma[3] & 1) == 1;
        var count = BinaryPrimitives.ReadUInt32BigEndian(ipma[4..]);
        var position = 8;
        for (var i = 0; i < count; i++)
        {
            var idLength = version < 1 ? 2 : 4;
            if (position + idLength + 1 > ipma.Length)
            {
                return null;
            }

            var id = version < 1 ? BinaryPrimitives.ReadUInt16BigEndian(ipma[position..]) : BinaryPrimitives.ReadUInt32BigEndian(ipma[position..]);
            position += idLength;
            int associated = ipma[position++];
            var indexLength = wideIndexes ? 2 : 1;
            if (position + (associated * indexLength) > ipma.Length)
            {
                return null;
            }

            if (id == item)
            {
                var indexes = new HashSet<int>();
                for (var a = 0; a < associated; a++)
                {
                    // The top bit marks an essential property; the rest is the index.
                    indexes.Add(wideIndexes ? BinaryPrimitives.ReadUInt16BigEndian(ipma[(position + (a * 2))..]) & 0x7FFF : ipma[position + a] & 0x7F);
                }

                return indexes;
            }

            position += associated * indexLength;
        }

        return null;
    }

    /// <summary>The child boxes of a payload as (type, body); stops at the first box that does not fit.</summary>
    private static List<(string Type, ReadOnlyMemory<byte> Body)> Boxes(ReadOnlyMemory<byte> payload)
    {
        var boxes = new List<(string, ReadOnlyMemory<byte>)>();
        var position = 0;
        while (position + 8 <= payload.Length)
        {
            var size = BinaryPrimitives.ReadUInt32BigEndian(payload.Span[position..]);
            if (size < 8 || position + (long)size > payload.Length)
            {
                break;
            }

            boxes.Add((System.Text.Encoding.ASCII.GetString(payload.Span.Slice(position + 4, 4)), payload.Slice(position + 8, (int)size - 8)));
            position += (int)size;
        }

        return boxes;
    }
}
