namespace Pixhaven.Core.Indexing;

/// <summary>A snapshot of a running index, reported often enough for a progress bar.</summary>
public sealed record IndexProgress(
    string Phase,
    int Total,
    int Done,
    string? CurrentFile,
    int Indexed,
    int Skipped,
    int Failed);
