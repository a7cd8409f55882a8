using System.Globalization;
using MetadataExtractor;
using MetadataExtractor.Formats.Exif;
using MetadataExtractor.Formats.Exif.Makernotes;
using MetadataExtractor.Formats.Iptc;
using MetadataExtractor.Formats.Xmp;
using Pixhaven.Core.Media.Detection;
using Directory = MetadataExtractor.Directory;

namespace Pixhaven.Core.Media.Metadata;

/// <summary>
/// Reads EXIF, IPTC and XMP from a file with MetadataExtractor and ranks them into one <see cref="MediaMetadata"/>.
/// Never throws for bad content: what cannot be read becomes a warning.
/// </summary>
public sealed class EmbeddedMetadataReader
{
    // EXIF 2.31 tags, named here because MetadataExtractor's constants for them vary between versions.
    private const int OffsetTime = 0x9010;
    private const int OffsetTimeOriginal = 0x9011;
    private const int OffsetTimeDigitized = 0x9012;
    private const int SubSecTime = 0x9290;
    private const int SubSecTimeOriginal = 0x9291;
    private const int SubSecTimeDigitized = 0x9292;

    // Apple maker note: the identifier that pairs a Live Photo's still with its video ("MediaGroupUUID" in exiftool).
    private const int AppleContentIdentifier = 0x0011;

    /// <param name="path">The file to read.</param>
    /// <param name="libvipsCanOpen">The file is an image libvips reads; used as a second source of EXIF and XMP.</param>
    public MediaMetadata Read(string path, bool libvipsCanOpen = false)
    {
        IReadOnlyList<Directory> directories;
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 64 * 1024);
            directories = ImageMetadataReader.ReadMetadata(stream);
        }
        catch (Exception e) when (IsParserFailure(e))
        {
            directories = [];
            if (!libvipsCanOpen)
            {
                return WithContainerSize(path, new MediaMetadata { Warnings = [$"metadata could not be read: {Describe(e)}"] });
            }
        }

        // MetadataExtractor 2.4 does not parse every container (AVIF, some recent HEIC): take the EXIF and XMP
        // blocks that libvips found and parse those with MetadataExtractor instead.
        if (libvipsCanOpen && !directories.OfType<ExifIfd0Directory>().Any())
        {
            directories = [.. directories, .. VipsMetadataBlocks.Read(path)];
        }

        var metadata = JpegSegmentFallbacks.Fill(path, Interpret(directories), directories);
        // A RAF's EXIF belongs to its embedded preview; the picture's size is in the RAF header. Taken only when it has
        // the preview's shape: a SuperCCD sensor records a diagonal layout (4256x1424 for a 3:2 picture), and the grid
        // lays photos out by their size.
        if (RafHeader.Size(path) is var (rafWidth, rafHeight) && (metadata.Width is not { } previewWidth || metadata.Height is not { } previewHeight
            || Math.Abs((double)rafWidth / rafHeight - (double)previewWidth / previewHeight) < 0.02 * rafWidth / rafHeight))
        {
            return metadata with { Width = rafWidth, Height = rafHeight };
        }

        return WithContainerSize(path, metadata);
    }

    /// <summary>
    /// A PNG or HEIF that MetadataExtractor refuses (a damaged chunk or box later on) still says its size: a PNG in its
    /// first chunk, a HEIF in the primary image's properties.
    /// </summary>
    private static MediaMetadata WithContainerSize(string path, MediaMetadata metadata) =>
        metadata.Width is null && (PngHeaderSize(path) ?? HeifPrimaryImage.Size(path)) is var (width, height)
            ? metadata with { Width = width, Height = height }
            : metadata;

    /// <summary>Width and height from a PNG's IHDR chunk, which the format requires first: signature, length, "IHDR", size.</summary>
    private static (int Width, int Height)? PngHeaderSize(string path)
    {
        Span<byte> head = stackalloc byte[24];
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            if (stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false) < head.Length)
            {
                return null;
            }
        }
        catch (IOException)
        {
            return null;
        }

        if (!head[..8].SequenceEqual((ReadOnlySpan<byte>)[0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]) || !head[12..16].SequenceEqual("IHDR"u8))
        {
            return null;
        }

        var width = System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(head[16..]);
        var height = System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(head[20..]);
        return width is > 0 and < 100_000 && height is > 0 and < 100_000 ? (width, height) : null;
    }

    /// <summary>
    /// The metadata parsers read untrusted bytes, and fuzzing shows they fail in many ways (MetadataException,
    /// InvalidCastException from XmpCore, ...): whatever they throw means "this file's metadata is unreadable", except
    /// running out of memory or being cancelled.
    /// </summary>
    internal static bool IsParserFailure(Exception e) => e is not (OutOfMemoryException or OperationCanceledException);

    /// <summary>
    /// A format error in the parser's own words; any other exception is the parser tripping over content it did not
    /// expect, whose message ("Unable to cast object of type ...") would tell a user nothing.
    /// </summary>
    internal static string Describe(Exception e) =>
        e is ImageProcessingException or MetadataException or XmpCore.XmpException or System.Xml.XmlException or IOException or UnauthorizedAccessException
            ? e.Message
            : $"malformed content ({e.GetType().Name} in the parser)";

    public static MediaMetadata Interpret(IReadOnlyList<Directory> directories)
    {
        var ifd0 = directories.OfType<ExifIfd0Directory>().FirstOrDefault();
        // RAW files can hold several EXIF sub-IFDs; the one with the capture date is the camera's.
        var exif = directories.OfType<ExifSubIfdDirectory>().FirstOrDefault(d => d.ContainsTag(ExifDirectoryBase.TagDateTimeOriginal))
                   ?? directories.OfType<ExifSubIfdDirectory>().FirstOrDefault();
        // TIFF/EP cameras (a Kodak DC50's KDC) write the exposure settings in IFD0, and their sub-IFD holds only the image.
        Directory? settings = exif?.ContainsTag(ExifDirectoryBase.TagExposureTime) != true && ifd0?.ContainsTag(ExifDirectoryBase.TagExposureTime) == true ? ifd0 : exif;
        var gps = directories.OfType<GpsDirectory>().FirstOrDefault();
        var iptc = directories.OfType<IptcDirectory>().FirstOrDefault();
        var xmp = new XmpValues(directories.OfType<XmpDirectory>().FirstOrDefault());
        var warnings = directories.SelectMany(d => d.Errors.Select(e => $"{d.Name}: {e}")).Distinct().Take(10).ToList();

        var (takenAt, offset, fromGpsClock) = ReadTakenAt(directories, ifd0, exif, iptc, xmp, gps);
        var (latitude, longitude, altitude) = ReadLocation(gps, xmp);
        var (width, height) = PanasonicCropSize(directories) ?? LargestRecordedSize(directories);

        return new MediaMetadata
        {
            TakenAt = takenAt,
            TakenAtOffset = offset,
            // The GPS clock is true UTC: shown at the local time of the photo's position (or of the default zone).
            TakenAtIsUtc = fromGpsClock,
            TakenAtIsTrueUtc = fromGpsClock,
            ChangedAtUtc = PngDates.LastModifiedUtc(directories),
            // Some cameras (e.g. TEKOM-made Polaroids) put Make and Model in the EXIF IFD instead of IFD0.
            Make = Text(ifd0, ExifDirectoryBase.TagMake) ?? Text(exif, ExifDirectoryBase.TagMake) ?? xmp.Get(XmpValues.Tiff, "Make"),
            Model = Text(ifd0, ExifDirectoryBase.TagModel) ?? Text(exif, ExifDirectoryBase.TagModel) ?? xmp.Get(XmpValues.Tiff, "Model"),
            Lens = Text(exif, ExifDirectoryBase.TagLensModel) ?? xmp.Get(XmpValues.ExifAux, "Lens")
                   ?? Text(directories.OfType<OlympusEquipmentMakernoteDirectory>().FirstOrDefault(), OlympusEquipmentMakernoteDirectory.TagLensModel)
                   ?? Text(directories.OfType<CanonMakernoteDirectory>().FirstOrDefault(), JpegSegmentFallbacks.CanonLensModel)
                   ?? LensRange.Read(directories, exif),
            FocalLength = ExposureSettings.FocalLength(settings, xmp),
            FNumber = ExposureSettings.FNumber(settings, xmp),
            ExposureTime = ExposureSettings.ExposureTime(settings, xmp),
            Iso = ExposureSettings.Iso(directories, settings, xmp),
            Latitude = latitude,
            Longitude = longitude,
            Altitude = altitude,
            Width = width,
            Height = height,
            Orientation = Integer(ifd0, ExifDirectoryBase.TagOrientation) is int o and >= 1 and <= 8 ? o
                : int.TryParse(xmp.Get(XmpValues.Tiff, "Orientation"), CultureInfo.InvariantCulture, out var xo) && xo is >= 1 and <= 8 ? xo : null,
            Title = xmp.LangAlt(XmpValues.DublinCore, "title") ?? Text(iptc, IptcDirectory.TagObjectName) ?? Text(ifd0, ExifDirectoryBase.TagWinTitle),
            Description = Meaningful(xmp.LangAlt(XmpValues.DublinCore, "description") ?? Text(iptc, IptcDirectory.TagCaption)
                                     ?? Text(ifd0, ExifDirectoryBase.TagImageDescription)),
            Keywords = ReadKeywords(ifd0, iptc, xmp),
            Faces = xmp.Faces(),
            MotionPhoto = xmp.Get(XmpValues.GoogleCamera, "MicroVideo") == "1" || xmp.Get(XmpValues.GoogleCamera, "MotionPhoto") == "1",
            MotionVideoOffsetFromEnd = long.TryParse(xmp.Get(XmpValues.GoogleCamera, "MicroVideoOffset"), NumberStyles.None, CultureInfo.InvariantCulture, out var motionOffset) ? motionOffset : null,
            Rating = int.TryParse(xmp.Get(XmpValues.Xmp, "Rating"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var rating) && rating is >= -1 and <= 5 ? rating : null,
            ContentIdentifier = Text(directories.OfType<AppleMakernoteDirectory>().FirstOrDefault(), AppleContentIdentifier),
            Warnings = warnings,
        };
    }

    private static (DateTime?, TimeSpan?, bool FromGpsClock) ReadTakenAt(
        IReadOnlyList<Directory> directories, Directory? ifd0, Directory? exif, IptcDirectory? iptc, XmpValues xmp, GpsDirectory? gps)
    {
        // Ranked: the moment of capture first, then digitisation, then the editors' fields (and a PNG's creation time),
        // then the GPS clock (UTC, in EXIF or, where an editor wrote it, XMP), then EXIF's time of the last change.
        var ranked = new ((DateTime Local, TimeSpan? Offset)? Date, bool IsGpsClock)[]
        {
            (ExifDate(exif, ExifDirectoryBase.TagDateTimeOriginal, SubSecTimeOriginal, OffsetTimeOriginal), false),
            (MetadataDates.ParseDateTime(xmp.Get(XmpValues.Exif, "DateTimeOriginal")), false),
            (ExifDate(exif, ExifDirectoryBase.TagDateTimeDigitized, SubSecTimeDigitized, OffsetTimeDigitized), false),
            (MetadataDates.ParseDateTime(xmp.Get(XmpValues.Photoshop, "DateCreated")), false),
            (MetadataDates.ParseIptc(Text(iptc, IptcDirectory.TagDateCreated), Text(iptc, IptcDirectory.TagTimeCreated)), false),
            (MetadataDates.ParseDateTime(xmp.Get(XmpValues.Xmp, "CreateDate")), false),
            (PngDates.CreationTime(directories), false),
            (GpsDate(gps) ?? XmpGpsDate(xmp), true),
            (ExifDate(ifd0, ExifDirectoryBase.TagDateTime, SubSecTime, OffsetTime), false),
        };
        var candidates = ranked.Select(r => r.Date).ToList();
        if (ranked.FirstOrDefault(r => r.Date is not null) is not { Date: { } taken } chosen)
        {
            return (null, null, false);
        }

        var fromGpsClock = chosen.IsGpsClock;

        // When the chosen field carries no offset, borrow one from another field that names the same wall-clock second.
        var offset = taken.Offset ?? candidates
            .Where(c => c is { Offset: not null } && c.Value.Local.Date == taken.Local.Date
                        && Math.Abs((c.Value.Local - taken.Local).TotalSeconds) < 1 && c.Value.Local.TimeOfDay != TimeSpan.Zero)
            .Select(c => c!.Value.Offset)
            .FirstOrDefault();
        return (taken.Local, offset, fromGpsClock);
    }

    /// <summary>
    /// RAW files hold several images (thumbnail, preview, sensor data) in separate IFDs; the largest recorded size is
    /// the photo's. Sizes in maker notes are not considered.
    /// </summary>
    /// <summary>
    /// Panasonic RW2: the image is the sensor area inside its borders (IFD0 tags 4 to 7); the EXIF size is that of the
    /// smaller JPEG rendering.
    /// </summary>
    private static (int?, int?)? PanasonicCropSize(IReadOnlyList<Directory> directories)
    {
        var raw = directories.OfType<PanasonicRawIfd0Directory>().FirstOrDefault();
        return Integer(raw, 4) is int top && Integer(raw, 5) is int left && Integer(raw, 6) is int bottom && Integer(raw, 7) is int right
               && right - left is > 0 and < 100_000 && bottom - top is > 0 and < 100_000
            ? (right - left, bottom - top)
            : null;
    }

    private static (int?, int?) LargestRecordedSize(IReadOnlyList<Directory> directories)
    {
        (int W, int H) best = (0, 0);
        // Container headers (PNG IHDR, HEIF ispe) first: they still say the size when the pixels cannot be decoded.
        foreach (var directory in directories.Where(d => d is MetadataExtractor.Formats.Png.PngDirectory or MetadataExtractor.Formats.Heif.HeicImagePropertiesDirectory))
        {
            if (Integer(directory, 1) is int width and > 0 and < 100_000 && Integer(directory, 2) is int height and > 0 and < 100_000
                && (long)width * height > (long)best.W * best.H)
            {
                best = (width, height);
            }
        }

        foreach (var directory in directories.OfType<ExifDirectoryBase>().Where(d => d is not ExifThumbnailDirectory))
        {
            foreach (var (w, h) in new[] { (ExifDirectoryBase.TagImageWidth, ExifDirectoryBase.TagImageHeight), (ExifDirectoryBase.TagExifImageWidth, ExifDirectoryBase.TagExifImageHeight) })
            {
                if (Integer(directory, w) is int width and > 0 and < 100_000 && Integer(directory, h) is int height and > 0 and < 100_000
                    && (long)width * height > (long)best.W * best.H)
                {
                    best = (width, height);
                }
            }
        }

        return best.W > 0 ? (best.W, best.H) : (null, null);
    }

    private static (DateTime Local, TimeSpan? Offset)? ExifDate(Directory? directory, int dateTag, int subsecTag, int offsetTag)
    {
        if (MetadataDates.ParseDateTime(Text(directory, dateTag)) is not { } parsed)
        {
            return null;
        }

        var local = parsed.Local.AddTicks(MetadataDates.FractionTicks(Text(directory, subsecTag)));
        return (local, parsed.Offset ?? MetadataDates.ParseOffset(Text(directory, offsetTag)));
    }

    private static (DateTime Local, TimeSpan? Offset)? GpsDate(GpsDirectory? gps) =>
        gps is not null && gps.TryGetGpsDate(out var utc) && utc.Year >= 1900
            ? (DateTime.SpecifyKind(utc, DateTimeKind.Unspecified), TimeSpan.Zero)
            : null;

    /// <summary>XMP's GPS time ("2023-11-15T12:30:00Z", as editors write it), as UTC; a time without a zone is UTC already.</summary>
    private static (DateTime Local, TimeSpan? Offset)? XmpGpsDate(XmpValues xmp) =>
        MetadataDates.ParseDateTime(xmp.Get(XmpValues.Exif, "GPSTimeStamp")) is { } parsed
            ? (DateTime.SpecifyKind(parsed.Local - (parsed.Offset ?? TimeSpan.Zero), DateTimeKind.Unspecified), TimeSpan.Zero)
            : null;

    private static (double?, double?, double?) ReadLocation(GpsDirectory? gps, XmpValues xmp)
    {
        var location = gps?.GetGeoLocation();
        if (location is null && xmp.Coordinate("GPSLatitude") is { } xmpLat && xmp.Coordinate("GPSLongitude") is { } xmpLng)
        {
            location = new GeoLocation(xmpLat, xmpLng);
        }

        if (location is null || location.IsZero || double.IsNaN(location.Latitude) || Math.Abs(location.Latitude) > 90 || Math.Abs(location.Longitude) > 180)
        {
            return (null, null, null);
        }

        double? altitude = null;
        if (gps is not null && gps.TryGetRational(GpsDirectory.TagAltitude, out var rational) && rational.Denominator != 0)
        {
            altitude = rational.ToDouble();
            if (gps.TryGetInt32(GpsDirectory.TagAltitudeRef, out var reference) && reference == 1)
            {
                altitude = -altitude;
            }
        }

        return (Math.Round(location.Latitude, 7), Math.Round(location.Longitude, 7), Round(altitude, 3));
    }

    private static List<string> ReadKeywords(Directory? ifd0, IptcDirectory? iptc, XmpValues xmp)
    {
        var keywords = xmp.Bag(XmpValues.DublinCore, "subject");
        if (keywords.Count == 0 && iptc?.GetStringArray(IptcDirectory.TagKeywords) is { } iptcKeywords)
        {
            keywords = [.. iptcKeywords];
        }

        if (keywords.Count == 0 && Text(ifd0, ExifDirectoryBase.TagWinKeywords) is { } winKeywords)
        {
            keywords = [.. winKeywords.Split([';', ','])];
        }

        return keywords.Select(k => k.Trim('\0', ' ')).Where(k => k.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
    }

    private static string? Meaningful(string? description) =>
        description is null || CameraBoilerplate.Is(description) ? null : description;

    internal static string? Text(Directory? directory, int tag)
    {
        if (directory is null || !directory.ContainsTag(tag))
        {
            return null;
        }

        string? value;
        try
        {
            value = directory.GetDescription(tag) is { } d && (tag == ExifDirectoryBase.TagWinTitle || tag == ExifDirectoryBase.TagWinKeywords)
                ? d
                : directory.GetString(tag);
        }
        catch (Exception e) when (e is MetadataException or FormatException or ArgumentException)
        {
            return null;
        }

        value = value?.Trim('\0', ' ', '\t', '\r', '\n');
        return string.IsNullOrEmpty(value) ? null : value;
    }

    internal static double? Number(Directory? directory, int tag) =>
        directory is not null && directory.TryGetRational(tag, out var r) && r.Denominator != 0 && r.ToDouble() is var v && v > 0 && double.IsFinite(v) ? v : null;

    internal static int? Integer(Directory? directory, int tag) =>
        directory is not null && directory.TryGetInt32(tag, out var value) ? value : null;

    internal static double? Round(double? value, int digits) => value is { } v ? Math.Round(v, digits) : null;
}
