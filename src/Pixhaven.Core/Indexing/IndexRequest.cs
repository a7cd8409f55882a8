namespace Pixhaven.Core.Indexing;

/// <summary>What an index run should do.</summary>
/// <param name="Force">Re-read every file, even ones whose size and modification time are unchanged.</param>
public sealed record IndexRequest(bool Force = false);
