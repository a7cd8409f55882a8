namespace Pixhaven.Core.Media.Video;

/// <summary>What ffprobe tells about a video: streams, displayed size, duration, and the QuickTime/MP4 tags.</summary>
public sealed record VideoProbe
{
    public double? Duration { get; init; }
    public string? VideoCodec { get; init; }
    public string? AudioCodec { get; init; }

    /// <summary>The transfer characteristic of the video stream (color_transfer); see <see cref="HdrToSdr"/>.</summary>
    public string? ColorTransfer { get; init; }

    /// <summary>Width as displayed, after the rotation in the display matrix.</summary>
    public int? Width { get; init; }
    public int? Height { get; init; }
    public int Rotation { get; init; }
    public double? FrameRate { get; init; }

    /// <summary>
    /// Local capture time and its offset (Apple's creationdate), the container's UTC creation time with offset zero
    /// (<see cref="TakenAtIsUtc"/>), or an AVI's local time without an offset.
    /// </summary>
    public DateTime? TakenAt { get; init; }
    public TimeSpan? TakenAtOffset { get; init; }
    public bool TakenAtIsUtc { get; init; }

    /// <summary>Written by a phone's camera (Android's version tag, Apple's keys), whose container times are true UTC.</summary>
    public bool RecordedByPhone { get; init; }

    public double? Latitude { get; init; }
    public double? Longitude { get; init; }
    public double? Altitude { get; init; }
    public string? Make { get; init; }
    public string? Model { get; init; }

    /// <summary>A GoPro's model as its firmware version names it; the camera's own name, where it gives one, comes first.</summary>
    public string? GoProFirmwareModel { get; init; }

    /// <summary>The file has a GoPro telemetry track (GPMF, "gpmd"), which may hold the camera's GPS fixes.</summary>
    public bool HasGoProTelemetry { get; init; }

    /// <summary>A Sony camera's XAVC S MP4 (major brand "XAVC"), which keeps its clip metadata inside.</summary>
    public bool IsSonyXavc { get; init; }

    /// <summary>Apple's content identifier, which pairs a Live Photo's video with its still.</summary>
    public string? ContentIdentifier { get; init; }
}
