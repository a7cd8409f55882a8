namespace Pixhaven.Core.Organizing;

/// <summary>An album as lists show it: title, photo count and the thumbnail of its cover.</summary>
public sealed record AlbumSummary(string Uid, string Title, string? Description, int Count, string? CoverUid, string? CoverHash, DateTime CreatedAt, DateTime UpdatedAt);
