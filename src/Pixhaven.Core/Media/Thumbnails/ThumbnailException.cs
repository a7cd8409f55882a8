namespace Pixhaven.Core.Media.Thumbnails;

/// <summary>An image that libvips cannot turn into thumbnails.</summary>
public sealed class ThumbnailException(string message, Exception inner, bool missingDecoder = false) : Exception(message, inner)
{
    /// <summary>libvips lacks the codec (e.g. HEVC in HEIC), as opposed to the file being damaged.</summary>
    public bool MissingDecoder { get; } = missingDecoder;
}
