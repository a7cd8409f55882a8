using System.Diagnostics;
using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Pixhaven.Core.Catalog;
using Pixhaven.Core.Media.Previews;
using Pixhaven.Core.Model;
using Pixhaven.Core.Options;
using Pixhaven.Core.Organizing;
using Pixhaven.Core.Places;
using Pixhaven.Core.Scanning;

namespace Pixhaven.Core.Indexing;

/// <summary>
/// Indexes the originals folder: a cheap scan first (walk and stat), then only new or changed files are analysed,
/// in parallel on every core, while one writer stores the outcomes. The CLI verb and the web API both call this.
/// </summary>
public sealed class Indexer(
    PixhavenOptions options,
    LibraryScanner scanner,
    FileAnalyzer analyzer,
    StackBuilder stackBuilder,
    TrackGeotagger trackGeotagger,
    AlbumService albumService,
    IDbContextFactory<CatalogDbContext> contextFactory,
    TimeProvider clock,
    Gazetteer gazetteer,
    ILogger<Indexer> logger) : IDisposable
{
    private const int BatchSize = 64;
    private readonly SemaphoreSlim _oneRunAtATime = new(1, 1);

    public bool IsRunning => _oneRunAtATime.CurrentCount == 0;

    public void Dispose() => _oneRunAtATime.Dispose();

    public async Task<IndexResult> IndexAsync(IndexRequest request, IProgress<IndexProgress>? progress, CancellationToken cancellationToken)
    {
        if (!await _oneRunAtATime.WaitAsync(0, cancellationToken))
        {
            throw new InvalidOperationException("an index run is already in progress");
        }

        try
        {
            return await RunAsync(request, progress, cancellationToken);
        }
        finally
        {
            _oneRunAtATime.Release();
        }
    }

    private async Task<IndexResult> RunAsync(IndexRequest request, IProgress<IndexProgress>? progress, CancellationToken cancellationToken)
    {
        var stopwatch = Stopwatch.StartNew();
        var run = new IndexRun { StartedAt = clock.GetUtcNow().UtcDateTime };
        progress?.Report(new IndexProgress("scanning", 0, 0, null, 0, 0, 0));

        var scanned = TakeoutCutNames.Join(scanner.Scan(options.OriginalsFullPath, [options.StorageFullPath], cancellationToken));
        var catalogued = await LoadCatalogStateAsync(cancellationToken);
        var byPath = catalogued.ToDictionary(f => f.Path, StringComparer.Ordinal);
        var plan = new IndexPlan(catalogued, scanned.Select(f => f.RelativePath).ToHashSet(StringComparer.Ordinal));

        var work = new List<(ScannedFile File, CatalogFileState? Existing, bool RenderAgain)>();
        var restored = new List<FileAnalysis>();
        foreach (var file in scanned)
        {
            var existing = byPath.GetValueOrDefault(file.RelativePath);
            if (existing is { Status: FileStatus.Removed } && existing.SameStat(file.Size, file.ModifiedUtc))
            {
                continue; // deleted from the library by a user, even on a forced run; a changed file comes back
            }

            if (request.Force || existing is null || !existing.SameStat(file.Size, file.ModifiedUtc) || !existing.StagesComplete
                || existing.WaitsForAConverter(analyzer.RawConverters))
            {
                work.Add((file, existing, false));
            }
            else if (existing.Missing)
            {
                restored.Add(new FileAnalysis(AnalysisKind.ContentUnchanged, file) { ExistingFileId = existing.Id });
            }
        }

        work.AddRange(RawsWithChangedEdits(work, plan, byPath, scanned).Select(raw => (raw.File, (CatalogFileState?)raw.Existing, true)));
        work.AddRange(CutNamesOfNewPhotos(work, byPath, scanned).Select(json => (json.File, (CatalogFileState?)json.Existing, false)));
        logger.LogInformation("Found {Found} files in {Root}; {Work} new or changed", scanned.Count, options.OriginalsFullPath, work.Count);
        var readAgain = work.Count(w => w.Existing is { Stale: true } existing && existing.SameStat(w.File.Size, w.File.ModifiedUtc));
        if (readAgain > 0)
        {
            logger.LogInformation("{Stale} of them unchanged but read by an older version of Pixhaven: their metadata is read again", readAgain);
        }

        var counts = new RunCounts(work.Count);
        var writer = new CatalogWriter(contextFactory, clock, gazetteer, options.DefaultZone);
        if (restored.Count > 0)
        {
            await writer.ApplyAsync(restored, cancellationToken);
        }

        await AnalyseAndWriteAsync(work, plan, request, writer, counts, progress, cancellationToken);
        progress?.Report(counts.Snapshot("stacking", null));
        await stackBuilder.BuildAsync(work.Select(w => StackKey.For(w.File).Key).ToList(), cancellationToken);
        // Only for a metadata.json new or changed: an album a user has since emptied or deleted is not filled again.
        var albums = await new TakeoutAlbums(contextFactory, albumService).ApplyInPlaceAsync(
            work.Where(w => w.Existing is null || !w.Existing.SameStat(w.File.Size, w.File.ModifiedUtc)).Select(w => w.File), cancellationToken);

        var stillVanished = plan.Vanished.Where(f => !f.Missing && !counts.MovedFileIds.Contains(f.Id)).Select(f => f.Id).ToList();
        progress?.Report(counts.Snapshot("finishing", null));
        var (missing, promoted) = await writer.MarkMissingAsync(stillVanished, cancellationToken);
        if (promoted.Count > 0)
        {
            await stackBuilder.BuildAsync(promoted, cancellationToken);
        }

        // Also when no file changed, as track-max-gap may have. Its lookups of tracks and placed photos seek an index.
        var placed = await trackGeotagger.ApplyAsync(cancellationToken);

        run.FinishedAt = clock.GetUtcNow().UtcDateTime;
        (run.Found, run.Indexed, run.Unchanged, run.Moved, run.Missing, run.Skipped, run.Failed) =
            (scanned.Count, counts.Indexed, scanned.Count - work.Count + counts.Unchanged, counts.Moved, missing, counts.Skipped, counts.Failed);
        var problems = await SaveRunAndListProblemsAsync(run, cancellationToken);
        progress?.Report(counts.Snapshot("done", null));

        return new IndexResult
        {
            Found = run.Found,
            Indexed = run.Indexed,
            ReadAgain = readAgain,
            Unchanged = run.Unchanged,
            Moved = run.Moved,
            Duplicates = counts.Duplicates + writer.CopiesJoined,
            Missing = missing,
            Skipped = run.Skipped,
            Failed = run.Failed,
            PlacedByTracks = placed,
            Albums = albums,
            Problems = problems,
            StartedAt = run.StartedAt,
            Duration = stopwatch.Elapsed,
        };
    }

    /// <summary>
    /// Unchanged Takeout JSONs whose cut names join a photo new or changed in this run: indexed before their photo was
    /// there, they were filed under their own names, and are stamped again with the photo's stack.
    /// </summary>
    private static IEnumerable<(ScannedFile File, CatalogFileState Existing)> CutNamesOfNewPhotos(
        List<(ScannedFile File, CatalogFileState? Existing, bool RenderAgain)> work, Dictionary<string, CatalogFileState> byPath, IReadOnlyList<ScannedFile> scanned)
    {
        var joined = scanned.Where(f => f.JoinsStack is not null).ToList();
        if (joined.Count == 0)
        {
            return [];
        }

        var inWork = work.Select(w => w.File.RelativePath).ToHashSet(StringComparer.Ordinal);
        var changedStacks = work.Select(w => StackKey.For(w.File).Key).ToHashSet(StringComparer.Ordinal);
        return joined
            .Where(f => !inWork.Contains(f.RelativePath) && changedStacks.Contains(f.JoinsStack!) && byPath.GetValueOrDefault(f.RelativePath) is { Status: not FileStatus.Removed })
            .Select(f => (f, byPath[f.RelativePath]))
            .ToList();
    }

    /// <summary>
    /// With darktable-cli configured, RAW files whose own sidecar ("IMG_1.CR2.xmp", where darktable keeps the user's
    /// edit) is new, changed or gone in this run, while the RAW is not: their preview is made again, with the edit as
    /// it is now (or the camera's preview, when there is no edit any more).
    /// </summary>
    private IEnumerable<(ScannedFile File, CatalogFileState Existing)> RawsWithChangedEdits(
        List<(ScannedFile File, CatalogFileState? Existing, bool RenderAgain)> work, IndexPlan plan, Dictionary<string, CatalogFileState> byPath,
        IReadOnlyList<ScannedFile> scanned)
    {
        if (!analyzer.RawConverters.Contains(DarktableConverter.ToolName))
        {
            return [];
        }

        var queued = work.Select(w => w.File.RelativePath).ToHashSet(StringComparer.Ordinal);
        var present = scanned.ToDictionary(f => f.RelativePath, StringComparer.Ordinal);
        return work.Select(w => w.File.RelativePath).Concat(plan.Vanished.Select(v => v.Path))
            .Where(path => path.EndsWith(".xmp", StringComparison.OrdinalIgnoreCase))
            .Select(sidecar => sidecar[..^".xmp".Length])
            .Distinct(StringComparer.Ordinal)
            .Where(raw => !queued.Contains(raw) && present.ContainsKey(raw))
            .Select(raw => byPath.GetValueOrDefault(raw))
            .Where(raw => raw is { Type: MediaType.Raw, Hash: not null })
            .Select(raw => (present[raw!.Path], raw!))
            .ToList();
    }

    private async Task AnalyseAndWriteAsync(
        List<(ScannedFile File, CatalogFileState? Existing, bool RenderAgain)> work,
        IndexPlan plan,
        IndexRequest request,
        CatalogWriter writer,
        RunCounts counts,
        IProgress<IndexProgress>? progress,
        CancellationToken cancellationToken)
    {
        var channel = Channel.CreateBounded<FileAnalysis>(new BoundedChannelOptions(BatchSize * 4) { SingleReader = true });
        var writing = Task.Run(async () =>
        {
            var batch = new List<FileAnalysis>(BatchSize);
            await foreach (var analysis in channel.Reader.ReadAllAsync(cancellationToken))
            {
                batch.Add(analysis);
                if (batch.Count >= BatchSize || channel.Reader.Count == 0)
                {
                    await writer.ApplyAsync(batch, cancellationToken);
                    batch.Clear();
                }
            }

            if (batch.Count > 0)
            {
                await writer.ApplyAsync(batch, cancellationToken);
            }
        }, cancellationToken);

        var parallel = new ParallelOptions { MaxDegreeOfParallelism = options.EffectiveWorkers, CancellationToken = cancellationToken };
        try
        {
            await Parallel.ForEachAsync(work, parallel, async (item, token) =>
            {
                FileAnalysis analysis;
                try
                {
                    analysis = await Task.Run(() => analyzer.AnalyzeAsync(item.File, item.Existing, plan, request.Force || item.RenderAgain, token), token);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // A bug or a hostile file must cost one file, never the run.
                    logger.LogError(e, "Indexing {Path} failed", item.File.RelativePath);
                    analysis = new FileAnalysis(AnalysisKind.Failed, item.File) { ExistingFileId = item.Existing?.Id, Problem = $"internal error: {e.Message}" };
                }

                counts.Add(analysis);
                if (analysis.Status != FileStatus.Indexed)
                {
                    logger.LogWarning("{Path}: {Status}: {Reason}", item.File.RelativePath, analysis.Status, analysis.Problem);
                }

                progress?.Report(counts.Snapshot("indexing", item.File.RelativePath));
                await channel.Writer.WriteAsync(analysis, token);
            });
        }
        finally
        {
            channel.Writer.TryComplete();
        }

        await writing;
    }

    private async Task<List<CatalogFileState>> LoadCatalogStateAsync(CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await db.Files.AsNoTracking()
            .Select(f => new CatalogFileState(f.Id, f.Path, f.Size, f.ModifiedAt, f.Hash, f.Status, f.Type, f.Missing, f.PhotoId, f.Duplicate, f.MetadataAt, f.ThumbnailsAt, f.Revision, f.RawConverters, f.ThumbnailKey))
            .ToListAsync(cancellationToken);
    }

    private async Task<List<IndexProblem>> SaveRunAndListProblemsAsync(IndexRun run, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        db.IndexRuns.Add(run);
        await db.SaveChangesAsync(cancellationToken);
        return await ProblemQueries.ListAsync(db, cancellationToken);
    }
}
