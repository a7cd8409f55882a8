namespace Pixhaven.Core.Media.Thumbnails;

/// <summary>An image that libvips cannot turn into thumbnails.</summary>
public sealed class ThumbnailException(string message, Exception inner) : Exception(message, inner)
{
    /// <summary>libvips lacks the codec (e.g. HEVC in HEIC), as opposed to the file being damaged.</summary>
    public bool MissingDecoder => IsMissingDecoder(InnerException?.Message);

    public static bool IsMissingDecoder(string? vipsMessage) =>
        vipsMessage is not null && (vipsMessage.Contains("libde265", StringComparison.Ordinal)
                                    || vipsMessage.Contains("Support for this compression format has not been built in", StringComparison.Ordinal));
}
