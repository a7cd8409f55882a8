using System.Buffers.Binary;

namespace Pixhaven.Core.Media.Previews;

/// <summary>
/// Lets libheif before 1.18 (Debian 12 has 1.15, Ubuntu 24.04 1.17) decode iOS 18 HDR photos. Their EXIF item describes
/// both the picture and its 'tmap' gain map, and older libheif refuses a whole file in which a metadata item is linked
/// to anything but exactly one image ("Metadata not correctly assigned to image"). In a temporary copy those links get
/// a reference type libheif ignores; nothing else changes, not even a length, so every offset in the copy stays valid.
/// Pixhaven reads metadata itself, so the decoder loses nothing it uses. Hand-written: no library edits HEIF boxes.
/// </summary>
public static class HeifMetadataLinks
{
    private static readonly HashSet<string> ImageItemTypes = ["hvc1", "av01", "grid", "iovl", "iden", "jpeg", "vvc1", "unci"];

    // Any four characters no HEIF reader knows; libheif skips references of unknown types.
    private static ReadOnlySpan<byte> UnlinkedType => "pxul"u8;

    /// <summary>
    /// Where in the file the type of each metadata link ('cdsc') that names other than one image is written; empty when
    /// there is none or the file is no readable HEIF.
    /// </summary>
    public static IReadOnlyList<long> Find(string path)
    {
        try
        {
            using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            return IsoBoxes.ReadMeta(file) is var (offset, payload) ? Find(offset, payload) : [];
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return [];
        }
    }

    /// <summary>Copies <paramref name="source"/> to <paramref name="target"/> with the links <see cref="Find"/> found made inert.</summary>
    public static void WriteCopy(string source, string target, IReadOnlyList<long> links)
    {
        // Copied as a stream, not with File.Copy, which would also copy a read-only original's permissions.
        using var original = new FileStream(source, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var copy = new FileStream(target, FileMode.CreateNew, FileAccess.Write);
        original.CopyTo(copy);
        foreach (var link in links)
        {
            copy.Position = link;
            copy.Write(UnlinkedType);
        }
    }

    private static List<long> Find(long metaOffset, byte[] meta)
    {
        var children = IsoBoxes.Children(meta);
        var images = ImageItems(children.FirstOrDefault(b => b.Type == "iinf").Body);
        var links = new List<long>();
        foreach (var iref in children.Where(b => b.Type == "iref" && b.Body.Length >= 4))
        {
            var wideIds = iref.Body.Span[0] != 0;
            var idLength = wideIds ? 4 : 2;
            var referencesStart = metaOffset + iref.Start + 8 + 4;
            foreach (var (type, start, body) in IsoBoxes.Children(iref.Body[4..]))
            {
                var reference = body.Span;
                if (type != "cdsc" || reference.Length < idLength + 2)
                {
                    continue;
                }

                var count = BinaryPrimitives.ReadUInt16BigEndian(reference[idLength..]);
                var targets = reference[(idLength + 2)..];
                var linksOneImage = count == 1 && targets.Length >= idLength
                    && images.Contains(wideIds ? BinaryPrimitives.ReadUInt32BigEndian(targets) : BinaryPrimitives.ReadUInt16BigEndian(targets));
                if (!linksOneImage)
                {
                    links.Add(referencesStart + start + 4);
                }
            }
        }

        return links;
    }

    /// <summary>The ids of the items whose type libheif decodes as an image, from the item information box.</summary>
    private static HashSet<uint> ImageItems(ReadOnlyMemory<byte> iinf)
    {
        var images = new HashSet<uint>();
        // Version and flags, then an entry count of 16 bits (version 0) or 32.
        var entriesStart = iinf.Length > 0 && iinf.Span[0] == 0 ? 6 : 8;
        if (iinf.Length < entriesStart)
        {
            return images;
        }

        foreach (var (type, _, body) in IsoBoxes.Children(iinf[entriesStart..]))
        {
            // Item info entries of version 2 and 3 (the ones HEIF uses): version and flags, id, protection index, type.
            var entry = body.Span;
            var version = entry.Length > 0 ? entry[0] : 0;
            var idLength = version == 3 ? 4 : 2;
            if (type != "infe" || version < 2 || entry.Length < 4 + idLength + 2 + 4)
            {
                continue;
            }

            var id = version == 3 ? BinaryPrimitives.ReadUInt32BigEndian(entry[4..]) : BinaryPrimitives.ReadUInt16BigEndian(entry[4..]);
            if (ImageItemTypes.Contains(System.Text.Encoding.ASCII.GetString(entry.Slice(4 + idLength + 2, 4))))
            {
                images.Add(id);
            }
        }

        return images;
    }
}
