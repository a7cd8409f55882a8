using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Pixhaven.Core.Catalog;
using Pixhaven.Core.Indexing;
using Pixhaven.Core.Jobs;
using Pixhaven.Core.Media.Previews;
using Pixhaven.Core.Model;
using Pixhaven.Core.Search;
using Pixhaven.Hosting;

namespace Pixhaven.Api;

/// <summary>Health and state of the server: version, catalog counts and the index job.</summary>
public static class StatusApi
{
    public static RouteGroupBuilder MapStatusApi(this RouteGroupBuilder api)
    {
        api.MapGet("/status", GetStatus).WithName("GetStatus").AllowAnonymous()
            .WithSummary("Version for anyone (health checks); catalog counts, index state and converters once signed in");
        return api;
    }

    public sealed record StatusResponse(string Version, bool SignedIn, string? Database, StatusCounts? Counts, IndexState? Index, IReadOnlyDictionary<string, bool>? Converters);

    public sealed record StatusCounts(int Photos, int Files, int Indexed, int Partial, int Skipped, int Failed, int Missing);

    public sealed record IndexState(bool Running, IndexProgress? Progress, IndexRun? LastRun, string? LastError);

    public static async Task<StatusResponse> GetStatus(
        IDbContextFactory<CatalogDbContext> contextFactory, ICatalogProvider provider, IndexJob job, ConverterInventory converters, ResultCache cache,
        ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (user.Identity?.IsAuthenticated != true)
        {
            return new StatusResponse(BuildVersion.Value, false, null, null, null, null);
        }

        // The counts scan the catalog; health checks call this every few seconds, so they are kept until it changes.
        var counts = await CountsAsync(cache, contextFactory, cancellationToken);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var lastRun = await db.IndexRuns.AsNoTracking().OrderByDescending(r => r.Id).FirstOrDefaultAsync(cancellationToken);
        return new StatusResponse(BuildVersion.Value, true, provider.Describe(), counts,
            new IndexState(job.IsRunning, job.IsRunning ? job.Progress : null, lastRun, job.LastError), converters.Found);
    }

    /// <summary>The catalog counts, computed once until the catalog changes.</summary>
    public static Task<StatusCounts> CountsAsync(IServiceProvider services, CancellationToken cancellationToken) =>
        CountsAsync(services.GetRequiredService<ResultCache>(), services.GetRequiredService<IDbContextFactory<CatalogDbContext>>(), cancellationToken);

    private static Task<StatusCounts> CountsAsync(ResultCache cache, IDbContextFactory<CatalogDbContext> contextFactory, CancellationToken cancellationToken) =>
        cache.GetOrAddAsync("status-counts", () => CountAsync(contextFactory, cancellationToken), cancellationToken);

    private static async Task<StatusCounts> CountAsync(IDbContextFactory<CatalogDbContext> contextFactory, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        // Grouped by both so that the counts are one covering scan of the (Status, Missing) index.
        var groups = await db.Files.GroupBy(f => new { f.Status, f.Missing })
            .Select(g => new { g.Key.Status, g.Key.Missing, Count = g.Count() }).ToListAsync(cancellationToken);
        int Present(FileStatus status) => groups.Where(g => !g.Missing && g.Status == status).Sum(g => g.Count);
        var counts = new StatusCounts(
            Photos: await db.Photos.CountAsync(p => !p.Missing, cancellationToken),
            Files: groups.Where(g => !g.Missing).Sum(g => g.Count),
            Indexed: Present(FileStatus.Indexed),
            Partial: Present(FileStatus.Partial),
            Skipped: Present(FileStatus.Skipped),
            Failed: Present(FileStatus.Failed),
            Missing: groups.Where(g => g.Missing).Sum(g => g.Count));
        return counts;
    }
}
