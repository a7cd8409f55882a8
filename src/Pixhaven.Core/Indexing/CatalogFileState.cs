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
    DateTime? ThumbnailsAt,
    int Revision,
    string? RawConverters,
    string? ThumbnailKey)
{
    /// <summary>A RAW without a full preview, and a converter installed now that it was not tried with.</summary>
    public bool WaitsForAConverter(IReadOnlyList<string> installed) =>
        Type == MediaType.Raw && Status == FileStatus.Partial
        && installed.Except((RawConverters ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries), StringComparer.Ordinal).Any();

    /// <summary>Every stage that applies to this file has a stamp, made by the current readers, and a copy its photo.</summary>
    public bool StagesComplete => Status switch
    {
        FileStatus.Removed => true,
        _ when Stale || OrphanedCopy => false,
        FileStatus.Skipped or FileStatus.Failed => true,
        _ => MetadataAt is not null && (Type == MediaType.Sidecar || ThumbnailsAt is not null),
    };

    /// <summary>
    /// A copy of a photo's content that lost its link to the photo (versions before 2026-12-07 did so when a stack
    /// absorbed the photo in the same run): read again, it joins the photo showing its content.
    /// </summary>
    public bool OrphanedCopy => Duplicate && PhotoId is null && Status is FileStatus.Indexed or FileStatus.Partial;

    /// <summary>Read by an older version of the readers, whose result the current ones may better.</summary>
    public bool Stale => Revision < IndexerRevision.Current && Status != FileStatus.Removed;

    public bool SameStat(long size, DateTime modifiedUtc) =>
        Size == size && Math.Abs((ModifiedAt - modifiedUtc).TotalMilliseconds) < 1;
}
