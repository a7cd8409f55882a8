namespace Pixhaven.Core.Model;

/// <summary>One file under the originals folder, with its content hash and the state of each pipeline stage.</summary>
public sealed class PhotoFile
{
    public long Id { get; set; }

    /// <summary>The photo this file belongs to; null for files that are not media (skipped).</summary>
    public long? PhotoId { get; set; }
    public Photo? Photo { get; set; }

    /// <summary>Path relative to the originals folder, with forward slashes.</summary>
    public required string Path { get; set; }

    public long Size { get; set; }
    public DateTime ModifiedAt { get; set; }

    /// <summary>Hex content hash (XxHash128); null when the file could not be read.</summary>
    public string? Hash { get; set; }

    public MediaType Type { get; set; }

    /// <summary>Short format name from content detection, e.g. "jpeg", "heif".</summary>
    public string? Format { get; set; }
    public string? Mime { get; set; }

    public int? Width { get; set; }
    public int? Height { get; set; }
    public int? Orientation { get; set; }

    /// <summary>Seconds, for videos.</summary>
    public double? Duration { get; set; }

    /// <summary>Video codec as ffprobe names it ("h264", "hevc"), for videos.</summary>
    public string? Codec { get; set; }

    /// <summary>Audio codec as ffprobe names it ("aac", "pcm_s16le"), for videos with sound.</summary>
    public string? AudioCodec { get; set; }

    /// <summary>Frames per second, for videos: 29.97, 240 in slow motion.</summary>
    public double? FrameRate { get; set; }

    /// <summary>Folder and base name shared by the files of one stack, e.g. "2019/trip/img_0001".</summary>
    public string? StackKey { get; set; }

    /// <summary>Apple's content identifier, shared by a Live Photo's still and video.</summary>
    public string? ContentIdentifier { get; set; }

    /// <summary>An edited version by its name (e.g. "IMG_1 (edited).jpg", "IMG_E0001.JPG").</summary>
    public bool Edited { get; set; }

    /// <summary>A motion photo: a video is embedded after the still, extracted to storage/cache/motion by content hash.</summary>
    public bool EmbeddedVideo { get; set; }

    /// <summary>The file shown for its photo.</summary>
    public bool Primary { get; set; }

    /// <summary>Same content as the photo's primary file, found at another path.</summary>
    public bool Duplicate { get; set; }

    public bool Missing { get; set; }

    public FileStatus Status { get; set; }

    /// <summary>Why the file was skipped, failed or only partly indexed.</summary>
    public string? Error { get; set; }

    /// <summary>Stage stamps: null means the stage is still to do. "What is left" is a query on these.</summary>
    public DateTime? MetadataAt { get; set; }
    public DateTime? ThumbnailsAt { get; set; }

    /// <summary>The <see cref="Indexing.IndexerRevision"/> that last read the file; an older one means it is read again.</summary>
    public int Revision { get; set; }

    /// <summary>
    /// For a RAW: the converters installed when its preview was made, comma-separated. A RAW left with no full preview
    /// is tried again once a converter it did not have is installed or configured.
    /// </summary>
    public string? RawConverters { get; set; }

    /// <summary>
    /// The key this file's thumbnails are stored and served under (<see cref="Media.Thumbnails.ThumbnailKeys"/>): the
    /// content hash, or a key of their own for a RAW's rendering; null when the file has no thumbnails.
    /// </summary>
    public string? ThumbnailKey { get; set; }

    public DateTime IndexedAt { get; set; }
}
