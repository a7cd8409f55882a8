using Microsoft.AspNetCore.StaticFiles;
using Pixhaven.Core.Media.Detection;
using Pixhaven.Core.Model;

namespace Pixhaven.Security;

/// <summary>Checks of an uploaded file before it may land in the import inbox, shared by WebDAV and resumable uploads.</summary>
public static class UploadChecks
{
    private static readonly FileExtensionContentTypeProvider ContentTypes = new();

    /// <summary>A name like IMG_1.jpg or clip.mov promises a photo or video; other files (notes, sidecars) pass as they are.</summary>
    public static bool ClaimsToBeMedia(string name) =>
        ContentTypes.TryGetContentType(name, out var type) && (type.StartsWith("image/", StringComparison.Ordinal) || type.StartsWith("video/", StringComparison.Ordinal));

    /// <summary>The upload's first bytes are checked by content, as the indexer will, so a script named .jpg never lands in import.</summary>
    public static bool IsMedia(string path, string name)
    {
        var header = new byte[MediaTypeDetector.HeaderLength];
        using var stream = File.OpenRead(path);
        var read = stream.ReadAtLeast(header, header.Length, throwOnEndOfStream: false);
        return MediaTypeDetector.Detect(header.AsSpan(0, read), name).Type is not (MediaType.Unknown or MediaType.Sidecar);
    }

    /// <summary>True when a file with this name and content may be stored: it is not a fake photo or video.</summary>
    public static bool Accepts(string path, string name) => !ClaimsToBeMedia(name) || IsMedia(path, name);
}
