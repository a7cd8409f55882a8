using System.Xml;
using System.Xml.Linq;

namespace Pixhaven.Core.Media.Metadata;

/// <summary>
/// Reads the clip metadata Sony cameras write beside each video ("C0001M01.XML" beside "C0001.MP4", a NonRealTimeMeta
/// document): the recording time with its UTC offset, which the MP4 itself keeps only as a time without a zone, and
/// the camera.
/// </summary>
public static class SonyClipMetadata
{
    private const long MaxBoxBytes = 16 * 1024 * 1024;

    /// <summary>
    /// The same document as a Sony camera keeps it inside the MP4 itself (XAVC S): in a box of the file's top level, so
    /// a clip copied without its sidecar still has its time zone. Null when no box holds one.
    /// </summary>
    public static MediaMetadata? ReadEmbedded(Stream file)
    {
        foreach (var box in Media.IsoBoxes.TopLevel(file).Where(b => b.Type != "mdat" && b.BodyLength <= MaxBoxBytes).ToList())
        {
            var body = new byte[box.BodyLength];
            file.Position = box.BodyStart;
            file.ReadExactly(body);
            var start = body.AsSpan().IndexOf("<NonRealTimeMeta"u8);
            var end = body.AsSpan().IndexOf("</NonRealTimeMeta>"u8);
            if (start >= 0 && end > start)
            {
                return Read(body[start..(end + "</NonRealTimeMeta>".Length)]);
            }
        }

        return null;
    }

    /// <summary>Whether these first bytes of a file begin such a document.</summary>
    public static bool Describes(ReadOnlySpan<byte> header) => header.IndexOf("<NonRealTimeMeta"u8) >= 0;

    public static MediaMetadata Read(byte[] bytes)
    {
        // No DTDs and no external entities: the document comes from a memory card, and may come from anyone.
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, MaxCharactersInDocument = 16 * 1024 * 1024 };
        try
        {
            using var reader = XmlReader.Create(new MemoryStream(bytes), settings);
            var root = XDocument.Load(reader).Root;
            var created = MetadataDates.ParseDateTime(Attribute(root, "CreationDate", "value"));
            var make = Attribute(root, "Device", "manufacturer");
            return new MediaMetadata
            {
                TakenAt = created?.Local,
                TakenAtOffset = created?.Offset,
                // Sony's photos say "SONY" in EXIF: one camera, one name in the camera lists.
                Make = string.Equals(make, "Sony", StringComparison.OrdinalIgnoreCase) ? "SONY" : make,
                Model = Attribute(root, "Device", "modelName"),
            };
        }
        catch (Exception e) when (e is not (OutOfMemoryException or OperationCanceledException))
        {
            // Not only XmlException: the fuzzer found a cut encoding declaration that makes the reader throw an
            // ArgumentOutOfRangeException from inside (seed 5D4pb5Z6ylR1).
            return new MediaMetadata { Warnings = [$"clip metadata could not be read: {(e is XmlException ? e.Message : "the document is damaged")}"] };
        }
    }

    /// <summary>An attribute of the first element of that name at any depth, in whichever namespace the camera used.</summary>
    private static string? Attribute(XElement? root, string element, string attribute) =>
        root?.DescendantsAndSelf().FirstOrDefault(e => e.Name.LocalName == element)?.Attribute(attribute)?.Value is { Length: > 0 } value
            ? value.Trim()
            : null;
}
