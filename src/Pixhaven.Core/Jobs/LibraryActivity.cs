using Pixhaven.Core.Indexing;

namespace Pixhaven.Core.Jobs;

/// <summary>What the library's background job is doing, as the web app's Library view shows it live.</summary>
/// <param name="Kind">"index" or "import"; null before the first run since the start.</param>
/// <param name="FilesPerSecond">Files done per second since the run started; null when idle or just started.</param>
/// <param name="LastImport">What the last import since the start did; null before one.</param>
public sealed record LibraryActivity(
    bool Running,
    string? Kind,
    DateTime? StartedAt,
    IndexProgress? Progress,
    double? FilesPerSecond,
    string? LastError,
    ImportSummary? LastImport)
{
    public static LibraryActivity Of(IndexJob job, DateTime now)
    {
        var running = job.IsRunning;
        var progress = job.Progress;
        double? rate = null;
        if (running && progress is { Done: > 0 } && job.StartedAt is { } started && now > started)
        {
            rate = Math.Round(progress.Done / (now - started).TotalSeconds, 1);
        }

        return new LibraryActivity(running, job.Kind, job.StartedAt, progress, rate, job.LastError, job.LastImportSummary);
    }
}
