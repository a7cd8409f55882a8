using System.Text;
using Pixhaven.Core.Model;

namespace Pixhaven.Core.Media.Detection;

/// <summary>
/// Decides what a file holds from its first bytes, never from its name. Written here rather than taken from
/// MetadataExtractor's FileTypeDetector because we need finer answers than it gives: WebP vs. AVI inside RIFF,
/// AVIF vs. HEIC vs. CR3 vs. MP4 inside ISO-BMFF, and TIFF-based RAW files told apart from plain TIFF.
/// </summary>
public static class MediaTypeDetector
{
    /// <summary>How many leading bytes <see cref="Detect"/> looks at.</summary>
    public const int HeaderLength = 256;

    private static readonly HashSet<string> TiffRawExtensions = new(StringComparer.OrdinalIgnoreCase)
    {
        ".dng", ".nef", ".nrw", ".arw", ".sr2", ".srf", ".cr2", ".orf", ".pef", ".srw", ".3fr", ".iiq", ".gpr", ".kdc", ".erf", ".mef", ".mos", ".rw2", ".raw", ".dcr",
    };

    // Byte arrays, not u8 literals: "\x89" in a string literal is U+0089, which UTF-8 encodes as two bytes.
    private static ReadOnlySpan<byte> PngSignature => [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];
    private static ReadOnlySpan<byte> CrwSignature => [(byte)'I', (byte)'I', 0x1A, 0, 0, 0, (byte)'H', (byte)'E', (byte)'A', (byte)'P', (byte)'C', (byte)'C', (byte)'D', (byte)'R'];
    private static readonly HashSet<string> QuickTimeAtoms = ["moov", "mdat", "wide", "free", "skip", "pnot"];

    // HEVC-coded brands; "mif1"/"msf1" only say "some HEIF", so AVIF files list them too.
    private static readonly HashSet<string> HevcBrands = ["heic", "heix", "hevc", "hevx", "heim", "heis", "hevm", "hevs"];
    private static readonly HashSet<string> GenericHeifBrands = ["mif1", "msf1", "mif2"];
    private static readonly HashSet<string> AvifBrands = ["avif", "avis"];

    public static DetectedType Detect(ReadOnlySpan<byte> header, string fileName)
    {
        var extension = Path.GetExtension(fileName);
        if (header.Length >= 3 && header[0] == 0xFF && header[1] == 0xD8 && header[2] == 0xFF)
        {
            return new(MediaType.Image, "jpeg", "image/jpeg");
        }

        if (header.StartsWith(PngSignature))
        {
            return new(MediaType.Image, "png", "image/png");
        }

        if (header.StartsWith("GIF87a"u8) || header.StartsWith("GIF89a"u8))
        {
            return new(MediaType.Image, "gif", "image/gif");
        }

        if (header.Length >= 12 && header.StartsWith("RIFF"u8))
        {
            var kind = header.Slice(8, 4);
            if (kind.SequenceEqual("WEBP"u8))
            {
                return new(MediaType.Image, "webp", "image/webp");
            }

            if (kind.SequenceEqual("AVI "u8))
            {
                return new(MediaType.Video, "avi", "video/x-msvideo");
            }
        }

        if (header.StartsWith("FUJIFILMCCD-RAW"u8))
        {
            return new(MediaType.Raw, "raf", "image/x-fuji-raf");
        }

        if (header.Length >= 14 && header.StartsWith(CrwSignature))
        {
            return new(MediaType.Raw, "crw", "image/x-canon-crw");
        }

        if (IsTiff(header))
        {
            return DetectTiffFamily(header, extension);
        }

        if (header.Length >= 12 && header.Slice(4, 4).SequenceEqual("ftyp"u8))
        {
            return DetectIsoMedia(header);
        }

        // Older QuickTime files start with a movie or data atom instead of "ftyp".
        if (header.Length >= 8 && QuickTimeAtoms.Contains(Encoding.ASCII.GetString(header.Slice(4, 4))))
        {
            return new(MediaType.Video, "mov", "video/quicktime");
        }

        if (header.Length >= 4 && header[0] == 0x1A && header[1] == 0x45 && header[2] == 0xDF && header[3] == 0xA3)
        {
            // WebM is Matroska by another document type, and one browsers play as it is.
            return IsWebM(header) ? new(MediaType.Video, "webm", "video/webm") : new(MediaType.Video, "matroska", "video/x-matroska");
        }

        if (header.Length >= 4 && header[0] == 0 && header[1] == 0 && header[2] == 1 && header[3] is 0xBA or 0xB3)
        {
            return new(MediaType.Video, "mpeg", "video/mpeg");
        }

        // MPEG transport streams (camcorder .MTS/.M2TS): a 0x47 sync byte every 188 bytes, or 192 with a timecode prefix.
        if (IsTransportStream(header, 188, 0) || IsTransportStream(header, 192, 4))
        {
            return new(MediaType.Video, "mts", "video/mp2t");
        }

        if (Metadata.SonyClipMetadata.Describes(header))
        {
            return new(MediaType.Sidecar, "sony-xml", "application/xml");
        }

        if (Metadata.CamcorderClipInfo.Describes(header) && extension.Equals(".moi", StringComparison.OrdinalIgnoreCase))
        {
            return new(MediaType.Sidecar, "moi", "application/octet-stream");
        }

        if (Metadata.AppleAdjustments.Describes(header))
        {
            return new(MediaType.Sidecar, "aae", "application/x-plist");
        }

        if (Metadata.SubtitleTelemetry.Describes(header))
        {
            return new(MediaType.Sidecar, "srt", "application/x-subrip");
        }

        if (Metadata.GpsTrack.Describes(header))
        {
            return new(MediaType.Sidecar, "gpx", "application/gpx+xml");
        }

        if (Metadata.GoogleTakeoutMetadata.Describes(header))
        {
            return new(MediaType.Sidecar, "json", "application/json");
        }

        if (LooksLikeXmp(header))
        {
            return new(MediaType.Sidecar, "xmp", "application/rdf+xml");
        }

        return DetectedType.Unknown;
    }

    private static bool IsTiff(ReadOnlySpan<byte> header) =>
        header.Length >= 4 && ((header[0] == 'I' && header[1] == 'I' && ((header[2] is 42 or 0x55 && header[3] == 0) || IsOlympus(header)))
                               || (header[0] == 'M' && header[1] == 'M' && ((header[2] == 0 && header[3] == 42) || IsOlympus(header))));

    private static bool IsOlympus(ReadOnlySpan<byte> header) =>
        (header[2] == 'R' && header[3] is (byte)'O' or (byte)'S') || (header[2] == 'O' && header[3] == 'R');

    private static DetectedType DetectTiffFamily(ReadOnlySpan<byte> header, string extension)
    {
        // Olympus ("IIRO"/"IIRS") and Panasonic ("IIU\0") use their own magic numbers; Canon CR2 marks offset 8.
        if (IsOlympus(header))
        {
            return new(MediaType.Raw, "orf", "image/x-olympus-orf");
        }

        if (header[2] == 0x55)
        {
            return new(MediaType.Raw, "rw2", "image/x-panasonic-rw2");
        }

        if (header.Length >= 10 && header[8] == 'C' && header[9] == 'R')
        {
            return new(MediaType.Raw, "cr2", "image/x-canon-cr2");
        }

        // Most RAW formats (DNG, NEF, ARW, PEF...) are plain TIFF containers; the extension is the camera's
        // own label of which one, and only ever promotes a TIFF to RAW, never makes a non-TIFF a RAW.
        if (TiffRawExtensions.Contains(extension))
        {
            var format = extension.TrimStart('.').ToLowerInvariant();
            return new(MediaType.Raw, format, format == "dng" || format == "gpr" ? "image/x-adobe-dng" : $"image/x-{format}");
        }

        return new(MediaType.Image, "tiff", "image/tiff");
    }

    private static DetectedType DetectIsoMedia(ReadOnlySpan<byte> header)
    {
        var boxSize = (header[0] << 24) | (header[1] << 16) | (header[2] << 8) | header[3];
        var end = Math.Min(header.Length, boxSize is >= 16 and < 4096 ? boxSize : header.Length);
        var brands = new List<string> { Encoding.ASCII.GetString(header.Slice(8, 4)) };
        for (var offset = 16; offset + 4 <= end; offset += 4)
        {
            brands.Add(Encoding.ASCII.GetString(header.Slice(offset, 4)));
        }

        var major = brands[0];
        if (major == "crx ")
        {
            return new(MediaType.Raw, "cr3", "image/x-canon-cr3");
        }

        if (AvifBrands.Contains(major) || (!HevcBrands.Contains(major) && brands.Exists(AvifBrands.Contains)))
        {
            return new(MediaType.Image, "avif", "image/avif");
        }

        if (brands.Exists(HevcBrands.Contains) || brands.Exists(GenericHeifBrands.Contains))
        {
            return new(MediaType.Image, "heif", brands.Exists(HevcBrands.Contains) ? "image/heic" : "image/heif");
        }

        if (major == "qt  ")
        {
            return new(MediaType.Video, "mov", "video/quicktime");
        }

        if (major.StartsWith("3g", StringComparison.Ordinal))
        {
            return new(MediaType.Video, "3gp", "video/3gpp");
        }

        return new(MediaType.Video, "mp4", "video/mp4");
    }

    /// <summary>Whether the EBML header's DocType element (0x4282) says "webm".</summary>
    private static bool IsWebM(ReadOnlySpan<byte> header)
    {
        var at = header.IndexOf((ReadOnlySpan<byte>)[0x42, 0x82]);
        if (at < 0 || at + 2 >= header.Length)
        {
            return false;
        }

        // The element's size is an EBML variable-length integer: its leading zero bits give its length in bytes.
        var first = header[at + 2];
        var sizeLength = System.Numerics.BitOperations.LeadingZeroCount((uint)first) - 23;
        if (first == 0 || at + 2 + sizeLength > header.Length)
        {
            return false;
        }

        long size = first & (0xFF >> sizeLength);
        for (var i = 1; i < sizeLength; i++)
        {
            size = (size << 8) | header[at + 2 + i];
        }

        var text = at + 2 + sizeLength;
        return size == 4 && text + 4 <= header.Length && header.Slice(text, 4).SequenceEqual("webm"u8);
    }

    private static bool IsTransportStream(ReadOnlySpan<byte> header, int packet, int prefix) =>
        header.Length > packet + prefix && header[prefix] == 0x47 && header[packet + prefix] == 0x47;

    private static bool LooksLikeXmp(ReadOnlySpan<byte> header)
    {
        var encoding = header.Length >= 2 && header[0] == 0xFF && header[1] == 0xFE ? Encoding.Unicode
            : header.Length >= 2 && header[0] == 0xFE && header[1] == 0xFF ? Encoding.BigEndianUnicode
            : Encoding.UTF8;
        var text = encoding.GetString(header).TrimStart('\uFEFF', ' ', '\t', '\r', '\n');
        return text.StartsWith("<?xpacket", StringComparison.Ordinal)
               || text.StartsWith("<x:xmpmeta", StringComparison.Ordinal)
               || (text.StartsWith("<?xml", StringComparison.Ordinal) && text.Contains("xmp", StringComparison.OrdinalIgnoreCase));
    }
}
