using System.Security.Cryptography;
using System.Text;

namespace Pixhaven.Core.Media.Thumbnails;

/// <summary>
/// The keys thumbnails are stored and served under. Thumbnail URLs are cached as immutable, so whatever changes the
/// pixels (a RAW rendered by a converter instead of its small preview, a sidecar's orientation, a new way of making
/// thumbnails) must change the key, or browsers keep showing the old pictures for a year. Every key is shaped like a
/// content hash; only the content's own thumbnails use the hash itself.
/// </summary>
public static class ThumbnailKeys
{
    /// <summary>
    /// Where a RAW's preview came from when it is not its large embedded preview: the small preview and the converters
    /// (RawPreviewRenderer's sources; RawConverterTests checks that every converter is listed).
    /// </summary>
    public static IReadOnlyList<string> RenderingSources { get; } = ["small embedded preview", "dcraw_emu", "darktable-cli"];

    /// <summary>The thumbnails of the content as it is: an image, a video's frame, a RAW's large embedded preview.</summary>
    public static string Content(string hash) =>
        ThumbnailSize.CacheVersion == 1 ? hash : Derived(hash, $"v{ThumbnailSize.CacheVersion}");

    /// <summary>
    /// A RAW shown by what a converter rendered, or by a small preview: each gets keys of its own. A darktable rendering
    /// with the user's edit has the edit's hash in its source, so it is never current for a file read again.
    /// </summary>
    public static string Rendering(string hash, string source) => Derived(hash, $"rendering:{source}:v{ThumbnailSize.CacheVersion}");

    /// <summary>The content shown in another orientation (a sidecar turns the photo).</summary>
    public static string Oriented(string hash, int orientation) =>
        Derived(hash, ThumbnailSize.CacheVersion == 1 ? $"orientation:{orientation}" : $"orientation:{orientation}:v{ThumbnailSize.CacheVersion}");

    /// <summary>The thumbnails under <paramref name="key"/> turned clockwise (a RAW or HEIF photo the user turned).</summary>
    public static string Turned(string key, int degrees) => Derived(key, $"turn:{degrees}");

    /// <summary>
    /// Whether thumbnails kept under <paramref name="key"/> were made the current way for this content, so a file read
    /// again (by newer readers) may keep them instead of decoding its original again.
    /// </summary>
    public static bool IsCurrent(string hash, string key) =>
        key == Content(hash) || RenderingSources.Any(source => key == Rendering(hash, source));

    private static string Derived(string hash, string variant) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{hash}:{variant}")))[..32];
}
