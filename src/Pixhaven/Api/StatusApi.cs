using System.Security.Claims;
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

    public sealed record StatusResponse(string Version, bool SignedIn, string? Database, CatalogCounts? Counts, IndexState? Index, IReadOnlyDictionary<string, bool>? Converters);

    public sealed record IndexState(bool Running, IndexProgress? Progress, IndexRun? LastRun, string? LastError, ImportSummary? LastImport);

    // Plain SQL (CatalogProbe), not EF Core: health checks and the first request after a start must not wait for EF
    // Core's first query.
    public static async Task<StatusResponse> GetStatus(
        ICatalogProvider provider, IndexJob job, ConverterInventory converters, ResultCache cache, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (user.Identity?.IsAuthenticated != true)
        {
            return new StatusResponse(BuildVersion.Value, false, null, null, null, null);
        }

        // The counts scan the catalog; health checks call this every few seconds, so they are kept until it changes.
        var counts = await CountsAsync(cache, provider, cancellationToken);
        var lastRun = await CatalogProbe.LastRunAsync(provider, cancellationToken);
        return new StatusResponse(BuildVersion.Value, true, provider.Describe(), counts,
            new IndexState(job.IsRunning, job.IsRunning ? job.Progress : null, lastRun, job.LastError, job.LastImportSummary), converters.Found);
    }

    /// <summary>The catalog counts, computed once until the catalog changes.</summary>
    public static Task<CatalogCounts> CountsAsync(IServiceProvider services, CancellationToken cancellationToken) =>
        CountsAsync(services.GetRequiredService<ResultCache>(), services.GetRequiredService<ICatalogProvider>(), cancellationToken);

    private static Task<CatalogCounts> CountsAsync(ResultCache cache, ICatalogProvider provider, CancellationToken cancellationToken) =>
        cache.GetOrAddAsync("status-counts", () => CatalogProbe.CountAsync(provider, cancellationToken), cancellationToken);
}
