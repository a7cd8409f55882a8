using System.Globalization;
using MetadataExtractor;
using MetadataExtractor.Formats.Exif;
using MetadataExtractor.Formats.Exif.Makernotes;
using Directory = MetadataExtractor.Directory;

namespace Pixhaven.Core.Media.Metadata;

/// <summary>
/// A lens named by its focal and aperture range ("18-70mm f/3.5-4.5"), for cameras that record no lens name: Nikon's
/// maker note, else EXIF's LensSpecification. Turning the range into a product name needs each maker's lens tables,
/// which we do not keep; the range is what the photographer reads on the lens anyway.
/// </summary>
internal static class LensRange
{
    private const int ExifLensSpecification = 0xA432;

    public static string? Read(IReadOnlyList<Directory> directories, Directory? exif) =>
        Describe(directories.OfType<NikonType2MakernoteDirectory>().FirstOrDefault(), NikonType2MakernoteDirectory.TagLens)
        ?? Describe(exif, ExifLensSpecification);

    /// <summary>Four rationals: shortest and longest focal length, widest aperture at each; null when any is unknown (0).</summary>
    private static string? Describe(Directory? directory, int tag)
    {
        if (directory?.GetObject(tag) is not Rational[] { Length: 4 } values
            || values.Any(v => v.Denominator == 0 || v.Numerator <= 0))
        {
            return null;
        }

        var (shortest, longest, wideAtShort, wideAtLong) = (values[0].ToDouble(), values[1].ToDouble(), values[2].ToDouble(), values[3].ToDouble());
        if (longest < shortest || longest > 10_000 || wideAtShort > 100 || wideAtLong > 100)
        {
            return null;
        }

        var focal = shortest == longest ? Number(shortest) : $"{Number(shortest)}-{Number(longest)}";
        var aperture = wideAtShort == wideAtLong ? Number(wideAtShort) : $"{Number(wideAtShort)}-{Number(wideAtLong)}";
        return $"{focal}mm f/{aperture}";
    }

    private static string Number(double value) => Math.Round(value, 1).ToString(CultureInfo.InvariantCulture);
}
