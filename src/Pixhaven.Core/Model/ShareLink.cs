namespace Pixhaven.Core.Model;

/// <summary>
/// A link that lets guests see an album or a selection of photos, and nothing else. Only the SHA-256 of its token is
/// stored; the full link is shown once, when it is made.
/// </summary>
public sealed class ShareLink
{
    public long Id { get; set; }

    /// <summary>Stable public identifier, used by the owner to list and revoke the link.</summary>
    public required string Uid { get; set; }

    public required string TokenHash { get; set; }

    public required string Title { get; set; }

    /// <summary>The shared album: guests see its photos as they are now, not as they were when the link was made.</summary>
    public long? AlbumId { get; set; }
    public Album? Album { get; set; }

    /// <summary>A fixed selection, when no album is shared.</summary>
    public List<ShareLinkPhoto> Photos { get; set; } = [];

    /// <summary>Guests must give this password first; null for none.</summary>
    public string? PasswordHash { get; set; }

    public DateTime? ExpiresAt { get; set; }

    /// <summary>Guests may download the originals, not only view them.</summary>
    public bool AllowDownload { get; set; }

    public long? CreatedByUserId { get; set; }
    public DateTime CreatedAt { get; set; }

    /// <summary>How often the link was opened.</summary>
    public int Visits { get; set; }
}

/// <summary>One photo of a shared selection, in the order it was chosen.</summary>
public sealed class ShareLinkPhoto
{
    public long ShareLinkId { get; set; }
    public ShareLink? ShareLink { get; set; }
    public long PhotoId { get; set; }
    public Photo? Photo { get; set; }
    public int Position { get; set; }
}
