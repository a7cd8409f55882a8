using System.Globalization;
using MetadataExtractor;
using MetadataExtractor.Formats.Exif;
using MetadataExtractor.Formats.Exif.Makernotes;
using static Pixhaven.Core.Media.Metadata.EmbeddedMetadataReader;
using Directory = MetadataExtractor.Directory;

namespace Pixhaven.Core.Media.Metadata;

/// <summary>
/// Focal length, f-number, exposure time and ISO: from EXIF, else from where older cameras and editors put them (the
/// maker notes of Nikon, Canon, Casio and Kodak, EXIF's exposure index, and XMP, which a sidecar holds alone).
/// </summary>
internal static class ExposureSettings
{
    /// <summary>What ISOSpeedRatings holds when the speed does not fit its 16 bits (ISO 102400 on a Nikon Z 9).</summary>
    private const int IsoOverflow = 65535;

    private const int ExifIsoSpeed = 0x8833; // EXIF 2.3's ISOSpeed, which MetadataExtractor does not name

    // Maker note tags MetadataExtractor decodes but names for their raw structure only.
    private const int NikonIso = 0x0002;         // [0, ISO]
    private const int NikonIsoInfo = 0x0025;     // first byte: 100 * 2^(value / 12 - 5), as ISO expansions (Lo 0.3) are written
    private const int CasioCcdIso = 0x3014;      // the ISO itself, on Casio's second maker note type
    private const int KodakIso = 0x0060;

    public static double? FocalLength(Directory? exif, XmpValues xmp) =>
        Round(Number(exif, ExifDirectoryBase.TagFocalLength) ?? XmpNumber(xmp, "FocalLength"), 2);

    public static double? FNumber(Directory? exif, XmpValues xmp) =>
        Round(Number(exif, ExifDirectoryBase.TagFNumber) ?? ApertureToFNumber(Number(exif, ExifDirectoryBase.TagAperture))
              ?? XmpNumber(xmp, "FNumber") ?? ApertureToFNumber(XmpNumber(xmp, "ApertureValue")), 1);

    /// <summary>The exposure time as photographers write it: "1/250", "0.4", "2".</summary>
    public static string? ExposureTime(Directory? exif, XmpValues xmp)
    {
        if (exif is not null && exif.TryGetRational(ExifDirectoryBase.TagExposureTime, out var r) && r.Numerator > 0 && r.Denominator > 0)
        {
            return r.Numerator == 1 && r.Denominator > 1 ? $"1/{r.Denominator}" : ExposureText(r.ToDouble());
        }

        return XmpNumber(xmp, "ExposureTime") is { } seconds ? ExposureText(seconds) : null;
    }

    /// <summary>Seconds as a fraction where the camera's steps are fractions (1/125), else in seconds to a tenth (0.4, 2).</summary>
    public static string ExposureText(double seconds)
    {
        var perSecond = 1 / seconds;
        var nearest = Math.Round(perSecond);
        return seconds < 1 && nearest > 1 && (perSecond >= 3 || Math.Abs(perSecond - nearest) < 0.05 * perSecond)
            ? $"1/{nearest.ToString(CultureInfo.InvariantCulture)}"
            : Math.Round(seconds, 1).ToString(CultureInfo.InvariantCulture);
    }

    public static int? Iso(IReadOnlyList<Directory> directories, Directory? exif, XmpValues xmp)
    {
        if (Integer(exif, ExifDirectoryBase.TagIsoEquivalent) is int iso and > 0 and < IsoOverflow)
        {
            return iso;
        }

        return Positive(Integer(exif, ExifDirectoryBase.TagRecommendedExposureIndex))
               ?? Positive(Integer(exif, ExifIsoSpeed))
               ?? (Number(exif, ExifDirectoryBase.TagExposureIndex) is { } index and < IsoOverflow ? (int?)Math.Round(index) : null)
               ?? Positive(int.TryParse(xmp.Bag(XmpValues.Exif, "ISOSpeedRatings").FirstOrDefault(), NumberStyles.None, CultureInfo.InvariantCulture, out var fromXmp) ? fromXmp : null)
               ?? MakerNoteIso(directories)
               ?? (Integer(exif, ExifDirectoryBase.TagIsoEquivalent) is IsoOverflow ? IsoOverflow : null);
    }

    private static int? MakerNoteIso(IReadOnlyList<Directory> directories)
    {
        if (directories.OfType<NikonType2MakernoteDirectory>().FirstOrDefault() is { } nikon)
        {
            if (Item(nikon, NikonIso, 1) is > 0 and < IsoOverflow and { } iso)
            {
                return iso;
            }

            if (Item(nikon, NikonIsoInfo, 0) is > 0 and < 255 and { } step)
            {
                return (int)Math.Round(100 * Math.Pow(2, (step / 12.0) - 5));
            }
        }

        if (CanonIso(Integer(directories.OfType<CanonMakernoteDirectory>().FirstOrDefault(), CanonMakernoteDirectory.CameraSettings.TagIso)) is { } canonIso)
        {
            return canonIso;
        }

        return Positive(Integer(directories.OfType<CasioType2MakernoteDirectory>().FirstOrDefault(), CasioCcdIso))
               ?? Positive(Integer(directories.OfType<KodakMakernoteDirectory>().FirstOrDefault(), KodakIso));
    }

    /// <summary>Canon's camera settings give the ISO as an index (16: 50, 17: 100, ... 20: 800), or itself with bit 14 set.</summary>
    public static int? CanonIso(int? setting) => setting switch
    {
        { } value when (value & 0x4000) != 0 && (value & 0x3FFF) > 0 => value & 0x3FFF,
        >= 16 and <= 20 and var index => 50 << (index - 16),
        _ => null,
    };

    /// <summary>
    /// A Canon APEX value in 1/32 EV steps, where 12 and 20 thirty-seconds stand for a third and two thirds of a stop
    /// (Canon's encoding of its 1/3-stop settings).
    /// </summary>
    public static double CanonEv(int value)
    {
        var magnitude = Math.Abs(value);
        var fraction = (magnitude & 0x1F) switch
        {
            0x0C => 32.0 / 3,
            0x14 => 64.0 / 3,
            var other => other,
        };
        return Math.Sign(value) * ((magnitude & ~0x1F) + fraction) / 32;
    }

    /// <summary>An XMP number as EXIF's rationals are written there ("94/10"), or plain ("9.4").</summary>
    private static double? XmpNumber(XmpValues xmp, string name)
    {
        var parts = xmp.Get(XmpValues.Exif, name)?.Split('/');
        if (parts is not { Length: 1 or 2 } || !double.TryParse(parts[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
        {
            return null;
        }

        if (parts.Length == 2)
        {
            value = double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var denominator) && denominator != 0
                ? value / denominator
                : double.NaN;
        }

        return value > 0 && double.IsFinite(value) ? value : null;
    }

    private static double? ApertureToFNumber(double? apex) => apex is { } a ? Math.Pow(Math.Sqrt(2), a) : null;

    private static int? Positive(int? value) => value is > 0 ? value : null;

    /// <summary>One number of a tag that holds several, whichever integer type the parser gave them.</summary>
    private static int? Item(Directory directory, int tag, int index) =>
        directory.GetObject(tag) is Array { Length: > 0 } values && index < values.Length && values.GetValue(index) is IConvertible item
            && item.GetTypeCode() is >= TypeCode.SByte and <= TypeCode.UInt32
            ? Convert.ToInt32(item, CultureInfo.InvariantCulture) is var number and >= 0 ? number : null
            : null;
}
