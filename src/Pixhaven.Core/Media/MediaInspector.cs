using Pixhaven.Core.Media.Detection;
using Pixhaven.Core.Media.Metadata;
using Pixhaven.Core.Media.Video;
using Pixhaven.Core.Model;

namespace Pixhaven.Core.Media;

/// <summary>
/// Reads what Pixhaven knows about one file without touching any catalog: type from content, metadata and the
/// displayed dimensions. Shared by <c>pixhaven meta</c> and the indexer, so both always agree.
/// </summary>
public sealed class MediaInspector(EmbeddedMetadataReader metadataReader, FfprobeReader ffprobe)
{
    public static DetectedType DetectType(string path)
    {
        using var stream = ContentHasher.OpenRead(path);
        Span<byte> header = stackalloc byte[MediaTypeDetector.HeaderLength];
        var length = stream.ReadAtLeast(header, header.Length, throwOnEndOfStream: false);
        return MediaTypeDetector.Detect(header[..length], path);
    }

    public async Task<MediaInspection> InspectAsync(string path, CancellationToken cancellationToken)
    {
        DetectedType type;
        try
        {
            var info = new FileInfo(path);
            if (!info.Exists)
            {
                return MediaInspection.Unreadable(path, Directory.Exists(path) ? "a folder, not a file" : "file does not exist");
            }

            if (info.Length == 0)
            {
                return MediaInspection.Unreadable(path, "empty file (0 bytes)");
            }

            type = DetectType(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return MediaInspection.Unreadable(path, $"cannot read file: {e.Message}");
        }

        return await InspectAsync(path, type, cancellationToken);
    }

    /// <summary>Inspects a file whose type the caller has already detected (the indexer does, before hashing).</summary>
    public async Task<MediaInspection> InspectAsync(string path, DetectedType type, CancellationToken cancellationToken) =>
        type.Type switch
        {
            MediaType.Unknown => new MediaInspection(path, type, null, null, UnsupportedReason(path)),
            MediaType.Sidecar => new MediaInspection(path, type, SidecarReader.Read(path), null, null),
            MediaType.Video => await InspectVideoAsync(path, type, cancellationToken),
            _ => InspectStill(path, type),
        };

    private MediaInspection InspectStill(string path, DetectedType type)
    {
        // Canon's CRW is a CIFF container, not TIFF: MetadataExtractor cannot read it.
        var metadata = type.Format == "crw" ? CiffReader.Read(path) : metadataReader.Read(path, libvipsCanOpen: type.IsDecodableImage);
        ImageHeader? header = null;
        string? error = null;
        if (type.IsDecodableImage)
        {
            (header, var headerError) = ImageHeader.Read(path, type.IgnoresExifOrientation, framesAnimate: type.Format is "gif" or "webp");
            error = headerError is null ? null : $"image header cannot be read: {headerError}";
            if (header is null && metadata is { Width: { } recordedWidth, Height: { } recordedHeight })
            {
                // libvips refuses the file, but its header records a size: report that, as stored.
                header = new ImageHeader(recordedWidth, recordedHeight);
            }
        }
        else if (type.Type == MediaType.Raw && metadata is { Width: { } w, Height: { } h })
        {
            header = metadata.Orientation is >= 5 and <= 8 ? new ImageHeader(h, w) : new ImageHeader(w, h);
        }

        if (error is null && metadata.Warnings.FirstOrDefault(w => w.StartsWith("metadata could not be read", StringComparison.Ordinal)) is { } fatal)
        {
            error = fatal;
        }

        return new MediaInspection(path, type, metadata, header, error);
    }

    private async Task<MediaInspection> InspectVideoAsync(string path, DetectedType type, CancellationToken cancellationToken)
    {
        if (!ffprobe.IsAvailable)
        {
            return new MediaInspection(path, type, metadataReader.Read(path), null, "ffprobe is not installed (Debian package ffmpeg)");
        }

        VideoProbe probe;
        try
        {
            probe = await ffprobe.ReadAsync(path, cancellationToken);
        }
        catch (Exception e) when (e is InvalidDataException or TimeoutException or System.Text.Json.JsonException)
        {
            return new MediaInspection(path, type, null, null, e.Message);
        }

        // An AVCHD clip's container has no date; its camera wrote one into the H.264 stream.
        var recorded = probe.TakenAt is null && type.Format == "mts" ? AvchdRecordingTime.Read(path) : null;

        // A GoPro's GPS gives its place and, from the GPS clock, the true instant it started recording.
        var telemetry = probe.HasGoProTelemetry ? GoProTelemetry.Read(path) : null;
        var gpsStart = probe.Latitude is null ? telemetry?.StartUtc : null;
        // A Sony camera writes its local clock where the MP4 wants UTC; the document inside gives it with its zone.
        var sony = probe.IsSonyXavc ? ReadSonyClipMetadata(path) : null;
        // A camera's own metadata inside the movie (Canon's EXIF, Nikon's records): its local time, with the zone when
        // it was set, where the container has a bare time that may be UTC or the same local clock.
        var exif = probe.Model is null && type.Format is "mp4" or "mov" ? MovieExif.Read(path) : null;
        var (cameraTime, cameraOffset) = sony is { TakenAt: { } local, TakenAtOffset: { } offset } ? (local, offset)
            : exif is { TakenAt: { } exifLocal } ? (exifLocal, exif.TakenAtOffset)
            : ((DateTime?)null, (TimeSpan?)null);
        var metadata = new MediaMetadata
        {
            TakenAt = gpsStart ?? cameraTime ?? probe.TakenAt ?? recorded?.Local,
            TakenAtOffset = gpsStart is not null ? TimeSpan.Zero
                : cameraTime is not null ? cameraOffset
                : probe.TakenAt is null ? recorded?.Offset : probe.TakenAtOffset,
            TakenAtIsUtc = gpsStart is not null || (cameraTime is null && probe.TakenAtIsUtc),
            TakenAtIsTrueUtc = probe.RecordedByPhone,
            Make = probe.Make ?? sony?.Make ?? exif?.Make,
            Model = probe.Model ?? telemetry?.Camera ?? probe.GoProFirmwareModel ?? sony?.Model ?? exif?.Model,
            Lens = exif?.Lens,
            Latitude = probe.Latitude ?? telemetry?.Latitude ?? exif?.Latitude,
            Longitude = probe.Latitude is not null ? probe.Longitude : telemetry?.Latitude is not null ? telemetry.Longitude : exif?.Longitude,
            Altitude = probe.Latitude is not null ? probe.Altitude : telemetry?.Latitude is not null ? telemetry.Altitude : exif?.Altitude,
            Duration = probe.Duration,
            VideoCodec = probe.VideoCodec,
            AudioCodec = probe.AudioCodec,
            FrameRate = probe.FrameRate,
            VideoTransfer = probe.ColorTransfer,
            ContentIdentifier = probe.ContentIdentifier,
        };
        var header = probe is { Width: { } w, Height: { } h } ? new ImageHeader(w, h) : null;
        return new MediaInspection(path, type, metadata, header, header is null ? "no video stream" : null);
    }

    private static MediaMetadata? ReadSonyClipMetadata(string path)
    {
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.RandomAccess);
        return SonyClipMetadata.ReadEmbedded(file);
    }

    public static string UnsupportedReason(string path)
    {
        var extension = Path.GetExtension(path);
        return extension.Length > 0
            ? $"unsupported content: not a photo or video, although named {extension}"
            : "unsupported content: not a photo or video";
    }
}
