namespace Pixhaven.Core.Media.Previews;

/// <summary>Which optional external converters this machine has; shown by the status API and <c>pixhaven status</c>.</summary>
public sealed class ConverterInventory(HeifDecoder heif, VideoFrameExtractor video, RawPreviewRenderer raw, Video.FfprobeReader ffprobe)
{
    public IReadOnlyDictionary<string, bool> Found => new Dictionary<string, bool>
    {
        ["heif-convert"] = heif.IsAvailable,
        ["ffmpeg"] = video.IsAvailable,
        ["ffprobe"] = ffprobe.IsAvailable,
        ["dcraw_emu"] = raw.Converters.Contains("dcraw_emu"),
    };
}
