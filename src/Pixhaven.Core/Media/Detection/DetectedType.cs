using Pixhaven.Core.Model;

namespace Pixhaven.Core.Media.Detection;

/// <summary>The result of content sniffing: media type, a short format name and its MIME type.</summary>
public sealed record DetectedType(MediaType Type, string Format, string Mime)
{
    public static DetectedType Unknown { get; } = new(MediaType.Unknown, "unknown", "application/octet-stream");

    /// <summary>Formats the thumbnail stage decodes directly with libvips.</summary>
    public bool IsDecodableImage => Type == MediaType.Image;

    /// <summary>
    /// HEIF and AVIF carry their rotation in the container (irot/imir), which libheif applies while decoding; an EXIF
    /// orientation tag inside them is informative only and must not rotate the pixels a second time.
    /// </summary>
    public bool IgnoresExifOrientation => Format is "heif" or "avif";
}
