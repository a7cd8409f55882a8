using System.Collections.Concurrent;

namespace Pixhaven.Core.Indexing;

/// <summary>Thread-safe tallies of one run's outcomes, updated by the parallel analysis.</summary>
internal sealed class RunCounts(int total)
{
    private int _done;
    private int _indexed;
    private int _unchanged;
    private int _moved;
    private int _duplicates;
    private int _skipped;
    private int _failed;

    public ConcurrentBag<long> MovedFileIds { get; } = [];
    public int Indexed => _indexed;
    public int Unchanged => _unchanged;
    public int Moved => _moved;
    public int Duplicates => _duplicates;
    public int Skipped => _skipped;
    public int Failed => _failed;

    public void Add(FileAnalysis analysis)
    {
        Interlocked.Increment(ref _done);
        switch (analysis.Kind)
        {
            case AnalysisKind.Indexed:
                Interlocked.Increment(ref _indexed);
                break;
            case AnalysisKind.ContentUnchanged:
                Interlocked.Increment(ref _unchanged);
                break;
            case AnalysisKind.Moved:
                Interlocked.Increment(ref _moved);
                MovedFileIds.Add(analysis.TargetId!.Value);
                break;
            case AnalysisKind.Duplicate:
                Interlocked.Increment(ref _duplicates);
                Interlocked.Increment(ref _indexed);
                break;
            case AnalysisKind.Skipped:
                Interlocked.Increment(ref _skipped);
                break;
            case AnalysisKind.Failed:
                Interlocked.Increment(ref _failed);
                break;
        }
    }

    public IndexProgress Snapshot(string phase, string? current) =>
        new(phase, total, Volatile.Read(ref _done), current, _indexed, _skipped, _failed);
}
