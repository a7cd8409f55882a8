using System.Buffers.Binary;

namespace Pixhaven.Core.Media.Metadata;

/// <summary>
/// The displayed size of a HEIF or AVIF file's primary image, from its container boxes alone: the primary item
/// (pitm), its properties (ipma into ipco), their spatial extent (ispe) and rotation (irot). Used when libvips and
/// MetadataExtractor both refuse a damaged file whose picture boxes are intact.
/// </summary>
public static class HeifPrimaryImage
{
    /// <summary>Width and height after the primary image's rotation; null when the file is no HEIF or the boxes are damaged.</summary>
    public static (int Width, int Height)? Size(string path)
    {
        try
        {
            using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            return IsoBoxes.ReadMeta(file) is { } meta ? FromMeta(meta.Payload) : null;
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

    private static (int Width, int Height)? FromMeta(ReadOnlyMemory<byte> meta)
    {
        uint? primary = null;
        ReadOnlyMemory<byte> properties = default, associations = default;
        foreach (var (type, _, box) in IsoBoxes.Children(meta))
        {
            var body = box.Span;
            if (type == "pitm" && body.Length >= 6)
            {
                primary = body[0] == 0 ? BinaryPrimitives.ReadUInt16BigEndian(body[4..]) : body.Length >= 8 ? BinaryPrimitives.ReadUInt32BigEndian(body[4..]) : null;
            }
            else if (type == "iprp")
            {
                foreach (var (inner, _, innerBody) in IsoBoxes.Children(box))
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
        foreach (var (type, _, box) in IsoBoxes.Children(properties))
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
}
