using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Pixhaven.Core.Catalog;
using Pixhaven.Core.Indexing;
using Pixhaven.Core.Jobs;

namespace Pixhaven.Api;

/// <summary>Library maintenance: start an index run, list the files that could not be fully indexed, clean up storage.</summary>
public static class LibraryApi
{
    public static RouteGroupBuilder MapLibraryApi(this RouteGroupBuilder api)
    {
        api.MapPost("/index", StartIndex).WithName("StartIndex").WithSummary("Start indexing the originals folder in the background");
        api.MapPost("/import", StartImport).WithName("StartImport")
            .WithSummary("Start moving (or with copy: copying) the import folder's files into originals, then index them");
        api.MapPost("/library/cleanup", CleanUp).WithName("CleanUpStorage")
            .WithSummary("Remove from storage the thumbnails, video transcodes and scratch files that no photo uses any more; dryRun only counts");
        api.MapGet("/library/activity", StreamActivity).WithName("StreamLibraryActivity")
            .WithSummary("Server-sent events: the index or import job's progress (files done, rate, current file, errors), sent as it changes");
        api.MapGet("/library/runs", ListRuns).WithName("ListIndexRuns").WithSummary("The last index runs, newest first, with their counts");
        api.MapGet("/files/problems", ListProblems).WithName("ListProblems")
            .WithSummary("Files that were skipped, failed or only partly indexed, with the reason");
        return api;
    }

    /// <param name="force">Re-read every file, even unchanged ones.</param>
    public static Results<Accepted, Conflict<ApiError>> StartIndex(bool? force, IndexJob job, IHostApplicationLifetime lifetime) =>
        job.TryStart(new IndexRequest(force ?? false), lifetime.ApplicationStopping)
            ? TypedResults.Accepted("/api/v1/status")
            : TypedResults.Conflict(new ApiError("an index run is already in progress"));

    /// <param name="copy">Copy files and leave the import folder as it is; otherwise move them.</param>
    public static Results<Accepted, Conflict<ApiError>> StartImport(bool? copy, IndexJob job, IHostApplicationLifetime lifetime) =>
        job.TryStartImport(new ImportRequest(copy ?? false), lifetime.ApplicationStopping)
            ? TypedResults.Accepted("/api/v1/status")
            : TypedResults.Conflict(new ApiError("an index or import run is already in progress"));

    /// <param name="dryRun">Only count what would be removed.</param>
    public static async Task<Results<Ok<CleanupResult>, Conflict<ApiError>>> CleanUp(bool? dryRun, IndexJob job, CacheCleanup cleanup, CancellationToken cancellationToken) =>
        job.IsRunning
            ? TypedResults.Conflict(new ApiError("an index or import run is in progress; clean up when it is done"))
            : TypedResults.Ok(await cleanup.RunAsync(dryRun ?? false, null, cancellationToken));

    public static ServerSentEventsResult<LibraryActivity> StreamActivity(IndexJob job, TimeProvider time, CancellationToken cancellationToken) =>
        TypedResults.ServerSentEvents(WatchAsync(job, time, cancellationToken), "activity");

    /// <summary>
    /// Sends the job's state at once and then whenever it changes: a run's start and end at once, its progress sampled
    /// twice a second, as a progress bar needs no more and a run of many small files must not flood the connection.
    /// </summary>
    private static async IAsyncEnumerable<LibraryActivity> WatchAsync(
        IndexJob job, TimeProvider time, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        // The rate changes on every sample; what counts as a change is the rest.
        LibraryActivity? lastSent = null;
        var quietSince = time.GetUtcNow();
        while (!cancellationToken.IsCancellationRequested)
        {
            // Taken before the sample, so that a run starting or ending right after it still wakes the loop.
            var startOrEnd = job.NextStartOrEnd;
            var now = time.GetUtcNow();
            var current = LibraryActivity.Of(job, now.UtcDateTime);
            var shape = current with { FilesPerSecond = null };
            // A quiet state is repeated every 15 s, which keeps proxies from closing the connection.
            if (shape != lastSent || now - quietSince > TimeSpan.FromSeconds(15))
            {
                lastSent = shape;
                quietSince = now;
                yield return current;
            }

            // A start or an end is sent at once (a short run may last less than one sample); progress twice a second.
            await Task.WhenAny(Task.Delay(TimeSpan.FromMilliseconds(500), time, cancellationToken), startOrEnd);
        }
    }

    /// <param name="count">How many runs, at most 100.</param>
    public static async Task<List<IndexRunSummary>> ListRuns(int? count, IDbContextFactory<CatalogDbContext> contextFactory, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await db.IndexRuns.AsNoTracking().OrderByDescending(r => r.Id).Take(Math.Clamp(count ?? 10, 1, 100))
            .Select(r => new IndexRunSummary(r.Id, r.StartedAt, r.FinishedAt, r.Found, r.Indexed, r.Unchanged, r.Moved, r.Missing, r.Skipped, r.Failed))
            .ToListAsync(cancellationToken);
    }

    /// <summary>One index run in the log.</summary>
    public sealed record IndexRunSummary(
        long Id, DateTime StartedAt, DateTime? FinishedAt, int Found, int Indexed, int Unchanged, int Moved, int Missing, int Skipped, int Failed);

    public static async Task<List<IndexProblem>> ListProblems(IDbContextFactory<CatalogDbContext> contextFactory, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await ProblemQueries.ListAsync(db, cancellationToken);
    }
}
