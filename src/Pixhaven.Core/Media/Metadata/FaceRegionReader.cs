using System.Globalization;
using XmpCore;

namespace Pixhaven.Core.Media.Metadata;

/// <summary>
/// Reads the faces that photo managers mark in XMP: Metadata Working Group regions (Lightroom, digiKam, Picasa,
/// Apple Photos' export) and Microsoft Photo regions (Windows Photo Gallery). Both give fractions of the picture as
/// shown; MWG by the box's centre, Microsoft by its top-left corner.
/// </summary>
internal static class FaceRegionReader
{
    private const string Mwg = "http://www.metadataworkinggroup.com/schemas/regions/";
    private const string Area = "http://ns.adobe.com/xmp/sType/Area#";
    private const string Dimensions = "http://ns.adobe.com/xap/1.0/sType/Dimensions#";
    private const string MicrosoftPhoto = "http://ns.microsoft.com/photo/1.2/";
    private const string MicrosoftRegionInfo = "http://ns.microsoft.com/photo/1.2/t/RegionInfo#";
    private const string MicrosoftRegion = "http://ns.microsoft.com/photo/1.2/t/Region#";

    static FaceRegionReader()
    {
        // Paths name fields by prefix; registering the namespaces makes them resolvable even when a file uses other prefixes.
        var registry = XmpMetaFactory.SchemaRegistry;
        registry.RegisterNamespace(Mwg, "mwg-rs");
        registry.RegisterNamespace(Area, "stArea");
        registry.RegisterNamespace(Dimensions, "stDim");
        registry.RegisterNamespace(MicrosoftPhoto, "MP");
        registry.RegisterNamespace(MicrosoftRegionInfo, "MPRI");
        registry.RegisterNamespace(MicrosoftRegion, "MPReg");
    }

    public static IReadOnlyList<FaceRegion> Read(IXmpMeta? meta)
    {
        if (meta is null)
        {
            return [];
        }

        var regions = ReadMwg(meta);
        return regions.Count > 0 ? regions : ReadMicrosoft(meta);
    }

    private static List<FaceRegion> ReadMwg(IXmpMeta meta)
    {
        var regions = new List<FaceRegion>();
        var list = "Regions" + Field(Mwg, "RegionList");
        var applied = "Regions" + Field(Mwg, "AppliedToDimensions");
        var (appliedWidth, appliedHeight) = (Number(meta, Mwg, applied + Field(Dimensions, "w")), Number(meta, Mwg, applied + Field(Dimensions, "h")));
        var count = Math.Min(Count(meta, Mwg, list), FaceRegion.MaxPerPhoto);
        for (var i = 1; i <= count; i++)
        {
            var item = XmpPathFactory.ComposeArrayItemPath(list, i);
            var type = Text(meta, Mwg, item + Field(Mwg, "Type"));
            if (type is not null && !type.Equals("Face", StringComparison.OrdinalIgnoreCase))
            {
                continue; // pets, barcodes, focus areas
            }

            var area = item + Field(Mwg, "Area");
            var (x, y, w, h) = (Number(meta, Mwg, area + Field(Area, "x")), Number(meta, Mwg, area + Field(Area, "y")),
                Number(meta, Mwg, area + Field(Area, "w")), Number(meta, Mwg, area + Field(Area, "h")));
            if (x is null || y is null || w is null || h is null)
            {
                continue;
            }

            // MWG allows only normalized areas, but some tools write pixels against the applied dimensions.
            if (Text(meta, Mwg, area + Field(Area, "unit")) is "pixel")
            {
                if (appliedWidth is not > 0 || appliedHeight is not > 0)
                {
                    continue;
                }

                (x, w, y, h) = (x / appliedWidth, w / appliedWidth, y / appliedHeight, h / appliedHeight);
            }

            var name = Text(meta, Mwg, item + Field(Mwg, "Name"));
            if (FaceRegion.Create(name, x.Value - w.Value / 2, y.Value - h.Value / 2, w.Value, h.Value) is { } region)
            {
                regions.Add(region);
            }
        }

        return regions;
    }

    private static List<FaceRegion> ReadMicrosoft(IXmpMeta meta)
    {
        var regions = new List<FaceRegion>();
        var list = "RegionInfo" + Field(MicrosoftRegionInfo, "Regions");
        var count = Math.Min(Count(meta, MicrosoftPhoto, list), FaceRegion.MaxPerPhoto);
        for (var i = 1; i <= count; i++)
        {
            var item = XmpPathFactory.ComposeArrayItemPath(list, i);
            var rectangle = Text(meta, MicrosoftPhoto, item + Field(MicrosoftRegion, "Rectangle"))?.Split(',');
            if (rectangle is not { Length: 4 })
            {
                continue;
            }

            var values = rectangle.Select(v => double.TryParse(v.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var n) ? n : double.NaN).ToArray();
            var name = Text(meta, MicrosoftPhoto, item + Field(MicrosoftRegion, "PersonDisplayName"));
            if (FaceRegion.Create(name, values[0], values[1], values[2], values[3]) is { } region)
            {
                regions.Add(region);
            }
        }

        return regions;
    }

    private static string Field(string ns, string name) => XmpPathFactory.ComposeStructFieldPath(ns, name);

    // XmpCore throws for paths that exist with another shape (a struct where an array is expected): absent, then.
    private static int Count(IXmpMeta meta, string ns, string path)
    {
        try
        {
            return meta.DoesPropertyExist(ns, path) ? meta.CountArrayItems(ns, path) : 0;
        }
        catch (XmpException)
        {
            return 0;
        }
    }

    private static string? Text(IXmpMeta meta, string ns, string path)
    {
        try
        {
            var value = meta.GetPropertyString(ns, path);
            return string.IsNullOrWhiteSpace(value) ? null : value.Trim();
        }
        catch (XmpException)
        {
            return null;
        }
    }

    private static double? Number(IXmpMeta meta, string ns, string path) =>
        double.TryParse(Text(meta, ns, path), NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value) ? value : null;
}
