namespace Pixhaven.Core.Model;

/// <summary>A manual, ordered collection of photos with a cover.</summary>
public sealed class Album
{
    public long Id { get; set; }

    /// <summary>Stable public identifier used in URLs and in <c>album:</c> queries.</summary>
    public required string Uid { get; set; }

    public required string Title { get; set; }

    public string? Description { get; set; }

    /// <summary>The photo shown for the album; the first photo when null.</summary>
    public long? CoverPhotoId { get; set; }
    public Photo? CoverPhoto { get; set; }

    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }

    public List<AlbumPhoto> Photos { get; set; } = [];
}
