using Pixhaven.Core.Options;

namespace Pixhaven.Core.Media.Previews;

/// <summary>Which optional external converters this machine has; shown by the status API and <c>pixhaven status</c>.</summary>
public sealed class ConverterInventory(HeifDecoder heif, VideoFrameExtractor video, RawPreviewRenderer raw, Video.FfprobeReader ffprobe, PixhavenOptions options)
{
    /// <summary>One converter: whether it is used, what for, and how to get it when it is not.</summary>
    public sealed record Converter(string Name, bool Found, string UsedFor, string WhenMissing);

    public IReadOnlyDictionary<string, bool> Found => All.ToDictionary(c => c.Name, c => c.Found);

    public IReadOnlyList<Converter> All =>
    [
        new("heif-convert", heif.IsAvailable, "iPhone and Samsung HEIC (HEVC)", "not installed (Debian package libheif-examples)"),
        new("ffmpeg", video.IsAvailable, "video thumbnails and transcoding", "not installed (Debian package ffmpeg)"),
        new("ffprobe", ffprobe.IsAvailable, "video metadata", "not installed (Debian package ffmpeg)"),
        new("dcraw_emu", raw.Converters.Contains("dcraw_emu"), "RAW files without a large embedded preview", "not installed (Debian package libraw-bin)"),
        new("darktable-cli", raw.Converters.Contains("darktable-cli"), "RAW files, tried before dcraw_emu",
            options.DarktableCli.Length > 0 ? $"configured as '{options.DarktableCli}', but not found"
            : ExternalTool.Find(DarktableConverter.ToolName) is not null ? "installed here, but not configured: set the option darktable-cli to darktable-cli to use it"
            : "not configured (option darktable-cli)"),
    ];
}
