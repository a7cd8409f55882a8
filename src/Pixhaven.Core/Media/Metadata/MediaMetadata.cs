namespace Pixhaven.Core.Media.Metadata;

/// <summary>What Pixhaven reads from one file's embedded metadata. Unknown values are null.</summary>
public sealed record MediaMetadata
{
    /// <summary>Local wall-clock time the picture was taken.</summary>
    public DateTime? TakenAt { get; init; }

    /// <summary>UTC offset of <see cref="TakenAt"/>, when the file records one.</summary>
    public TimeSpan? TakenAtOffset { get; init; }

    /// <summary>
    /// <see cref="TakenAt"/> is a UTC instant whose local time the file does not tell (a video container's creation
    /// time); the indexer shows it at the local time of the photo's position, when it has one.
    /// </summary>
    public bool TakenAtIsUtc { get; init; }

    /// <summary>
    /// A UTC <see cref="TakenAt"/> is the true instant, not a camera's local clock written where UTC belongs: a phone's
    /// video, Google's export.
    /// </summary>
    public bool TakenAtIsTrueUtc { get; init; }

    /// <summary>
    /// When the picture was last changed, as the file itself records it (a PNG's tIME), in UTC: not a capture time, but
    /// a better estimate than the file system's time, which every copy resets.
    /// </summary>
    public DateTime? ChangedAtUtc { get; init; }

    public string? Make { get; init; }
    public string? Model { get; init; }
    public string? Lens { get; init; }
    public double? FocalLength { get; init; }
    public double? FNumber { get; init; }

    /// <summary>Exposure time as photographers write it: "1/250", "0.5", "2".</summary>
    public string? ExposureTime { get; init; }
    public int? Iso { get; init; }

    public double? Latitude { get; init; }
    public double? Longitude { get; init; }
    public double? Altitude { get; init; }

    /// <summary>The largest image size the metadata records (stored, before orientation); used for RAW files.</summary>
    public int? Width { get; init; }
    public int? Height { get; init; }

    /// <summary>EXIF orientation 1-8 as stored in the file.</summary>
    public int? Orientation { get; init; }

    public string? Title { get; init; }
    public string? Description { get; init; }
    public IReadOnlyList<string> Keywords { get; init; } = [];

    /// <summary>Faces marked by a photo manager (XMP regions), named or not.</summary>
    public IReadOnlyList<FaceRegion> Faces { get; init; } = [];

    /// <summary>Length of a video in seconds.</summary>
    public double? Duration { get; init; }

    /// <summary>ffprobe's name of the video codec, e.g. "h264", "hevc".</summary>
    public string? VideoCodec { get; init; }

    /// <summary>ffprobe's name of the audio codec, e.g. "aac"; null for a silent video.</summary>
    public string? AudioCodec { get; init; }

    /// <summary>A video's frames per second.</summary>
    public double? FrameRate { get; init; }

    /// <summary>The video's transfer characteristic as ffprobe names it: "arib-std-b67" (HLG) and "smpte2084" (PQ) are HDR.</summary>
    public string? VideoTransfer { get; init; }

    /// <summary>Apple's identifier shared by a Live Photo's still and its video.</summary>
    public string? ContentIdentifier { get; init; }

    /// <summary>Stars 0-5 (XMP Rating); -1 means rejected.</summary>
    public int? Rating { get; init; }

    /// <summary>Marked as a favourite where the file comes from (Google Photos); false says nothing.</summary>
    public bool Favorite { get; init; }

    /// <summary>Google/Samsung motion photo markers in XMP: GCamera:MicroVideo or MotionPhoto, and the video's offset from the end.</summary>
    public bool MotionPhoto { get; init; }
    public long? MotionVideoOffsetFromEnd { get; init; }

    /// <summary>
    /// A GPS track's segments when it was read to its end: kept by the indexer for the track step at the end of the
    /// run, which would otherwise parse a track of tens of megabytes a second time.
    /// </summary>
    public IReadOnlyList<IReadOnlyList<TrackPoint>>? TrackSegments { get; init; }

    /// <summary>Problems met while reading; the values above are what could be read despite them.</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];
}
