namespace Pixhaven.Core.Indexing;

/// <summary>
/// Reports on the caller's thread, one report at a time. <see cref="Progress{T}"/> posts to the thread pool, so its
/// reports can arrive out of order and after the run has finished, leaving a stale "indexing" as the last word.
/// </summary>
public sealed class SynchronousProgress<T>(Action<T> report) : IProgress<T>
{
    private readonly Lock _gate = new();

    public void Report(T value)
    {
        lock (_gate)
        {
            report(value);
        }
    }
}
