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

    public IndexProgress? Progress { get; private set; }
    public IndexResult? LastResult { get; private set; }
    public ImportResult? LastImport { get; private set; }
    public string? LastError { get; private set; }

    public bool IsRunning => indexer.IsRunning || _running is { IsCompleted: false };

    /// <summary>Starts a run unless one is going; returns false when one already is.</summary>
    public bool TryStart(IndexRequest request, CancellationToken stopping)
    {
        lock (_gate)
        {
            if (_running is { IsCompleted: false } || indexer.IsRunning)
            {
                return false;
            }

            _running = Task.Run(() => RunAsync(request, stopping), CancellationToken.None);
            return true;
        }
    }

    /// <summary>Starts an import (which indexes what it brought in) unless a run is going.</summary>
    public bool TryStartImport(ImportRequest request, CancellationToken stopping)
    {
        lock (_gate)
        {
            if (_running is { IsCompleted: false } || indexer.IsRunning)
            {
                return false;
            }

            _running = Task.Run(async () =>
            {
                try
                {
                    LastError = null;
                    LastImport = await importer.ImportAsync(request, new Progress<IndexProgress>(p => Progress = p), stopping);
                    LastResult = LastImport.Index ?? LastResult;
                    logger.LogInformation("Import finished: {Imported} imported, {Known} already in the library, {Failed} failed",
                        LastImport.Imported, LastImport.AlreadyInLibrary, LastImport.Failed);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    LastError = e.Message;
                    logger.LogError(e, "Import failed");
                }
            }, CancellationToken.None);
            return true;
        }
    }

    /// <summary>Waits for the current run, if any (used by tests and shutdown).</summary>
    public Task WaitAsync() => _running ?? Task.CompletedTask;

    private async Task RunAsync(IndexRequest request, CancellationToken stopping)
    {
        try
        {
            LastError = null;
            LastResult = await indexer.IndexAsync(request, new Progress<IndexProgress>(p => Progress = p), stopping);
            logger.LogInformation("Index finished: {Indexed} indexed, {Unchanged} unchanged, {Skipped} skipped, {Failed} failed in {Duration}",
                LastResult.Indexed, LastResult.Unchanged, LastResult.Skipped, LastResult.Failed, LastResult.Duration);
        }
        catch (OperationCanceledException)
        {
            logger.LogInformation("Index run cancelled");
        }
        catch (Exception e)
        {
            LastError = e.Message;
            logger.LogError(e, "Index run failed");
        }
    }
}
