using Pixhaven.Core.Model;

namespace Pixhaven.Core.Indexing;

/// <summary>The columns of a catalogued file that change detection needs, loaded once per run.</summary>
public sealed record CatalogFileState(
    long Id,
    string Path,
    long Size,
    DateTime ModifiedAt,
    string? Hash,
    FileStatus Status,
    MediaType Type,
    bool Missing,
    long? PhotoId,
    bool Duplicate,
    DateTime? MetadataAt,
    DateTime? ThumbnailsAt)
{
    /// <summary>Every stage that applies to this file has a stamp.</summary>
    public bool StagesComplete => Status switch
    {
        FileStatus.Skipped or FileStatus.Failed or FileStatus.Removed => true,
        _ => MetadataAt is not null && (Type == MediaType.Sidecar || ThumbnailsAt is not null),
    };

    public bool SameStat(long size, DateTime modifiedUtc) =>
        Size == size && Math.Abs((ModifiedAt - modifiedUtc).TotalMilliseconds) < 1;
}
