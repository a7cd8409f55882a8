using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Pixhaven.Core.Catalog;
using Pixhaven.Core.Indexing;
using Pixhaven.Core.Jobs;

namespace Pixhaven.Api;

/// <summary>Library maintenance: start an index run and list the files that could not be fully indexed.</summary>
public static class LibraryApi
{
    public static RouteGroupBuilder MapLibraryApi(this RouteGroupBuilder api)
    {
        api.MapPost("/index", StartIndex).WithName("StartIndex").WithSummary("Start indexing the originals folder in the background");
        api.MapPost("/import", StartImport).WithName("StartImport")
            .WithSummary("Start moving (or with copy: copying) the import folder's files into originals, then index them");
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

    public static async Task<List<IndexProblem>> ListProblems(IDbContextFactory<CatalogDbContext> contextFactory, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await ProblemQueries.ListAsync(db, cancellationToken);
    }
}
