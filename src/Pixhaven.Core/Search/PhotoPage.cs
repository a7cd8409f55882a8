namespace Pixhaven.Core.Search;

/// <summary>One page of photos and the cursor of the next page (null at the end).</summary>
public sealed record PhotoPage(IReadOnlyList<PhotoSummary> Photos, string? Next);
