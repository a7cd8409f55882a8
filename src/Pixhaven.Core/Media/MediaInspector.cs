using Pixhaven.Core.Media.Detection;
using Pixhaven.Core.Media.Metadata;
using Pixhaven.Core.Model;

namespace Pixhaven.Core.Media;

/// <summary>
/// Reads what Pixhaven knows about one file without touching any catalog: type from content, metadata and the
/// displayed dimensions. Shared by <c>pixhaven meta</c> and the indexer, so both always agree.
/// </summary>
public sealed class MediaInspector(EmbeddedMetadataReader metadataReader)
{
    public static DetectedType DetectType(string path)
    {
        using var stream = ContentHasher.OpenRead(path);
        Span<byte> header = stackalloc byte[MediaTypeDetector.HeaderLength];
        var length = stream.ReadAtLeast(header, header.Length, throwOnEndOfStream: false);
        return MediaTypeDetector.Detect(header[..length], path);
    }

    public MediaInspection Inspect(string path)
    {
        FileInfo info;
        DetectedType type;
        try
        {
            info = new FileInfo(path);
            if (!info.Exists)
            {
                return MediaInspection.Unreadable(path, "file does not exist");
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

        if (type.Type == MediaType.Unknown)
        {
            return new MediaInspection(path, type, null, null, UnsupportedReason(path));
        }

        if (type.Type == MediaType.Sidecar)
        {
            return new MediaInspection(path, type, null, null, null);
        }

        var metadata = metadataReader.Read(path, libvipsCanOpen: type.IsDecodableImage);
        ImageHeader? header = null;
        string? error = null;
        if (type.IsDecodableImage)
        {
            (header, var headerError) = ImageHeader.Read(path, type.IgnoresExifOrientation);
            error = headerError is null ? null : $"image header cannot be read: {headerError}";
        }

        if (error is null && metadata.Warnings.FirstOrDefault(w => w.StartsWith("metadata could not be read", StringComparison.Ordinal)) is { } fatal)
        {
            error = fatal;
        }

        return new MediaInspection(path, type, metadata, header, error);
    }

    public static string UnsupportedReason(string path)
    {
        var extension = Path.GetExtension(path);
        return extension.Length > 0
            ? $"unsupported content: not a photo or video, although named {extension}"
            : "unsupported content: not a photo or video";
    }
}
