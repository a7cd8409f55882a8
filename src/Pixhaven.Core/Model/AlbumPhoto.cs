namespace Pixhaven.Core.Model;

/// <summary>A photo's place in an album: albums are ordered by hand.</summary>
public sealed class AlbumPhoto
{
    public long AlbumId { get; set; }
    public Album? Album { get; set; }

    public long PhotoId { get; set; }
    public Photo? Photo { get; set; }

    /// <summary>Sort position inside the album, ascending.</summary>
    public int Position { get; set; }

    public DateTime AddedAt { get; set; }
}
