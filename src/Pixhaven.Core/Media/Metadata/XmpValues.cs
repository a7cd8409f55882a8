using MetadataExtractor.Formats.Xmp;
using XmpCore;

namespace Pixhaven.Core.Media.Metadata;

/// <summary>Null-safe reads of the XMP properties Pixhaven uses.</summary>
internal sealed class XmpValues(XmpDirectory? directory)
{
    public const string DublinCore = "http://purl.org/dc/elements/1.1/";
    public const string Photoshop = "http://ns.adobe.com/photoshop/1.0/";
    public const string Exif = "http://ns.adobe.com/exif/1.0/";
    public const string ExifAux = "http://ns.adobe.com/exif/1.0/aux/";
    public const string Tiff = "http://ns.adobe.com/tiff/1.0/";
    public const string Xmp = "http://ns.adobe.com/xap/1.0/";
    public const string GoogleCamera = "http://ns.google.com/photos/1.0/camera/";

    private readonly IXmpMeta? _meta = directory?.XmpMeta;

    /// <summary>XmpCore reads UTF-8 only; some tools write sidecars in UTF-16 with a byte-order mark.</summary>
    public static byte[] AsUtf8(byte[] bytes)
    {
        System.Text.Encoding? encoding = bytes is [0xFF, 0xFE, ..] ? System.Text.Encoding.Unicode
            : bytes is [0xFE, 0xFF, ..] ? System.Text.Encoding.BigEndianUnicode
            : null;
        if (encoding is null)
        {
            return bytes;
        }

        var text = encoding.GetString(bytes, 2, bytes.Length - 2).Replace("encoding=\"UTF-16\"", "encoding=\"UTF-8\"", StringComparison.OrdinalIgnoreCase);
        return System.Text.Encoding.UTF8.GetBytes(text);
    }

    /// <summary>The faces marked in this XMP (see <see cref="FaceRegionReader"/>).</summary>
    public IReadOnlyList<FaceRegion> Faces() => FaceRegionReader.Read(_meta);

    public string? Get(string ns, string name)
    {
        try
        {
            return Clean(_meta?.GetPropertyString(ns, name));
        }
        catch (XmpException)
        {
            return null;
        }
    }

    public string? LangAlt(string ns, string name)
    {
        try
        {
            return Clean(_meta?.GetLocalizedText(ns, name, null, "x-default")?.Value);
        }
        catch (XmpException)
        {
            return Get(ns, name);
        }
    }

    public List<string> Bag(string ns, string name)
    {
        var items = new List<string>();
        try
        {
            var count = _meta?.CountArrayItems(ns, name) ?? 0;
            for (var i = 1; i <= count; i++)
            {
                if (Clean(_meta!.GetArrayItem(ns, name, i)?.Value) is { } item)
                {
                    items.Add(item);
                }
            }
        }
        catch (XmpException)
        {
            // Not an array, or malformed: treat as absent.
        }

        return items;
    }

    /// <summary>An XMP GPS coordinate ("48,53.323582N" or "48,53,19.4N") in signed decimal degrees.</summary>
    public double? Coordinate(string name)
    {
        var text = Get(Exif, name);
        if (text is null || text.Length < 2)
        {
            return null;
        }

        var hemisphere = char.ToUpperInvariant(text[^1]);
        var parts = text[..^1].Split(',');
        double value = 0, scale = 1;
        foreach (var part in parts)
        {
            if (!double.TryParse(part, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var number))
            {
                return null;
            }

            value += number / scale;
            scale *= 60;
        }

        return hemisphere switch
        {
            'N' or 'E' => value,
            'S' or 'W' => -value,
            _ => null,
        };
    }

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
