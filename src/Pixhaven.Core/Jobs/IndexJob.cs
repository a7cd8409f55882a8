using Microsoft.Extensions.Logging;
using Pixhaven.Core.Indexing;

namespace Pixhaven.Core.Jobs;

/// <summary>
/// Runs index passes in the background for the server and remembers the latest progress and result, so that
/// the status API and the web app can show them live.
/// </summary>
public sealed class IndexJob(Indexer indexer, Importer importer, ILogger<IndexJob> logger)
{
    private readonly Lock _gate = new();
    private Task? _running;
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public IndexProgress? Progress { get; private set; }

    /// <summary>What the current or last run was: "index" or "import".</summary>
    public string? Kind { get; private set; }

    public DateTime? StartedAt { get; private set; }
    public IndexResult? LastResult { get; private set; }
    public ImportResult? LastImport { get; private set; }

    /// <summary>The last import, made once when it ends, so that watchers comparing states see one value until the next.</summary>
    public ImportSummary? LastImportSummary { get; private set; }
    public string? LastError { get; private set; }

    public bool IsRunning => indexer.IsRunning || _running is { IsCompleted: false };

    /// <summary>
    /// Completes when a run starts or ends. Progress within a run is not signalled: watchers sample it, so that a run
    /// of many small files does not wake them for each file.
    /// </summary>
    public Task NextStartOrEnd => Volatile.Read(ref _changed).Task;

    /// <summary>Starts an index run unless a run is going; returns false when one already is.</summary>
    public bool TryStart(IndexRequest request, CancellationToken stopping) => TryRun("index", async () =>
    {
        LastResult = await indexer.IndexAsync(request, new SynchronousProgress<IndexProgress>(p => Progress = p), stopping);
        logger.LogInformation("Index finished: {Indexed} indexed, {Unchanged} unchanged, {Skipped} skipped, {Failed} failed in {Duration}",
            LastResult.Indexed, LastResult.Unchanged, LastResult.Skipped, LastResult.Failed, LastResult.Duration);
    });

    /// <summary>Starts an import (which indexes what it brought in) unless a run is going.</summary>
    public bool TryStartImport(ImportRequest request, CancellationToken stopping) => TryRun("import", async () =>
    {
        LastImport = await importer.ImportAsync(request, new SynchronousProgress<IndexProgress>(p => Progress = p), stopping);
        LastResult = LastImport.Index ?? LastResult;
        LastImportSummary = ImportSummary.From(LastImport, DateTime.UtcNow);
        logger.LogInformation("Import finished: {Imported} imported, {Known} already in the library, {Failed} failed",
            LastImport.Imported, LastImport.AlreadyInLibrary.Count, LastImport.Failed);
    });

    /// <summary>One background run at a time; its failure is kept for the status API instead of being lost.</summary>
    private bool TryRun(string name, Func<Task> run)
    {
        lock (_gate)
        {
            if (_running is { IsCompleted: false } || indexer.IsRunning)
            {
                return false;
            }

            Kind = name;
            StartedAt = DateTime.UtcNow;
            Progress = null;
            _running = Task.Run(async () =>
            {
                try
                {
                    LastError = null;
                    await run();
                }
                catch (OperationCanceledException)
                {
                    logger.LogInformation("{Run} run cancelled", name);
                }
                catch (Exception e)
                {
                    LastError = e.Message;
                    logger.LogError(e, "{Run} run failed", name);
                }
                finally
                {
                    SignalStartOrEnd();
                }
            }, CancellationToken.None);
            SignalStartOrEnd();
            return true;
        }
    }

    private void SignalStartOrEnd() =>
        Interlocked.Exchange(ref _changed, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();

    /// <summary>Waits for the current run, if any (used by tests and shutdown).</summary>
    public Task WaitAsync() => _running ?? Task.CompletedTask;
}
