using MetadataExtractor.Formats.Exif.Makernotes;
using MetadataExtractor.Formats.Jpeg;
using Directory = MetadataExtractor.Directory;

namespace Pixhaven.Core.Media.Metadata;

/// <summary>
/// Values a JPEG holds that MetadataExtractor does not give: the capture time of FLIR thermal cameras, and the lens
/// name and ISO in a Canon maker note that an editor moved. Read from the APP1 segments only when those values are missing.
/// </summary>
internal static class JpegSegmentFallbacks
{
    // Canon maker note: the lens's name, where EXIF has none (older EOS bodies).
    internal const ushort CanonLensModel = 0x0095;

    // Canon maker note: the camera settings, whose 17th value is the ISO (Canon's index or the speed itself).
    private const ushort CanonCameraSettings = 0x0001;
    private const int CanonCameraSettingsIso = 16;

    public static MediaMetadata Fill(string path, MediaMetadata metadata, IReadOnlyList<Directory> directories)
    {
        // Narrow signs that the missing value is there to read, so that the common dateless JPEG (a messenger's copy,
        // a screenshot) and the Canon compact whose note MetadataExtractor read in place are not read a second time.
        var wantsDate = metadata.TakenAt is null && IsFlir(metadata.Make, metadata.Model);
        var wantsCanonLens = metadata.Lens is null && directories.OfType<CanonMakernoteDirectory>().Any(d => d.ContainsTag(CanonLensModel));
        var wantsCanonIso = metadata.Iso is null && directories.OfType<CanonMakernoteDirectory>().Any();
        if (!(wantsDate || wantsCanonLens || wantsCanonIso) || !directories.OfType<JpegDirectory>().Any() || App1Payloads(path) is not { } segments)
        {
            return metadata;
        }

        if (wantsDate && FlirCameraInfo.TakenAt(segments) is var (local, offset))
        {
            metadata = metadata with { TakenAt = local, TakenAtOffset = offset };
        }

        var exif = segments.FirstOrDefault(s => s.AsSpan().StartsWith("Exif\0\0"u8));
        var makerNote = (wantsCanonLens || wantsCanonIso) && exif is not null ? ExifMakerNote.FromExifSegment(exif) : null;
        if (wantsCanonLens && makerNote?.Ascii(CanonLensModel) is { } lens)
        {
            metadata = metadata with { Lens = lens };
        }

        if (wantsCanonIso && ExposureSettings.CanonIso(makerNote?.Value16(CanonCameraSettings, CanonCameraSettingsIso)) is { } iso)
        {
            metadata = metadata with { Iso = iso };
        }

        return metadata;
    }

    /// <summary>FLIR's own cameras and the phone attachments say FLIR in Make; drones with FLIR cores in Model.</summary>
    private static bool IsFlir(string? make, string? model) =>
        (make?.Contains("FLIR", StringComparison.OrdinalIgnoreCase) ?? false) || (model?.Contains("FLIR", StringComparison.OrdinalIgnoreCase) ?? false);

    private static List<byte[]>? App1Payloads(string path)
    {
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 64 * 1024);
            return JpegSegmentReader.ReadSegments(new MetadataExtractor.IO.SequentialStreamReader(stream), [JpegSegmentType.App1])
                .Select(s => s.Bytes).ToList();
        }
        catch (Exception e) when (e is not (OutOfMemoryException or OperationCanceledException))
        {
            // The file was read once already; a second failure here only means no fallback values.
            return null;
        }
    }
}
