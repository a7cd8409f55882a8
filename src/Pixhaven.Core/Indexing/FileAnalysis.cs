using Pixhaven.Core.Media;
using Pixhaven.Core.Model;
using Pixhaven.Core.Scanning;

namespace Pixhaven.Core.Indexing;

/// <summary>What the analysis of one file decided; the catalog writer turns it into rows.</summary>
public enum AnalysisKind
{
    /// <summary>New or changed content, fully read: create or update the photo.</summary>
    Indexed,

    /// <summary>Same content as before under the same path; only the stat data changed.</summary>
    ContentUnchanged,

    /// <summary>Content of a file that vanished from another path: the existing row moves here.</summary>
    Moved,

    /// <summary>Same content as a photo's file at another path that is still present.</summary>
    Duplicate,

    /// <summary>Not indexable (empty, unknown or not yet supported content).</summary>
    Skipped,

    /// <summary>Supported content that cannot be read or decoded.</summary>
    Failed,
}

/// <summary>The outcome of analysing one scanned file.</summary>
public sealed record FileAnalysis(AnalysisKind Kind, ScannedFile File)
{
    /// <summary>Catalog row already at this path, if any.</summary>
    public long? ExistingFileId { get; init; }

    /// <summary>For <see cref="AnalysisKind.Moved"/>: the row that moves; for duplicates: the photo it joins.</summary>
    public long? TargetId { get; init; }

    public string? Hash { get; init; }
    public MediaInspection? Inspection { get; init; }

    /// <summary>The key the file's thumbnails are stored under (<see cref="Media.Thumbnails.ThumbnailKeys"/>); null when it has none.</summary>
    public string? ThumbnailKey { get; init; }

    /// <summary>The main colour name of the picture, read from its thumbnail.</summary>
    public string? Color { get; init; }

    /// <summary>A motion photo's video was found and copied to the motion cache.</summary>
    public bool EmbeddedVideo { get; init; }

    /// <summary>Why the file was skipped or failed, or what was degraded.</summary>
    public string? Problem { get; init; }

    /// <summary>For a RAW: the converters installed when its preview was made (see <see cref="Model.PhotoFile.RawConverters"/>).</summary>
    public string? RawConverters { get; init; }

    public FileStatus Status => Kind switch
    {
        AnalysisKind.Skipped => FileStatus.Skipped,
        AnalysisKind.Failed => FileStatus.Failed,
        _ when Problem is not null => FileStatus.Partial,
        _ => FileStatus.Indexed,
    };
}
