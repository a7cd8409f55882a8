using System.Collections.Concurrent;
using System.IO.Compression;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Pixhaven.Core.Accounts;
using Pixhaven.Core.Catalog;
using Pixhaven.Core.Options;
using Pixhaven.Core.Scanning;
using Pixhaven.Security;

namespace Pixhaven.Api;

/// <summary>
/// A selection's originals as one ZIP. The selection is posted first and answered with a short-lived URL, because a
/// browser downloads best from a plain link (streamed to disk, with its own progress), and a link cannot carry
/// thousands of photo ids.
/// </summary>
public static class ZipDownloadApi
{
    public const int MaxPhotos = 10_000;

    public static RouteGroupBuilder MapZipDownloadApi(this RouteGroupBuilder api)
    {
        api.MapPost("/batch/photos/zip", Prepare).WithName("PrepareZipDownload").RequireAuthorization(AuthPolicies.View)
            .WithSummary("Prepare a ZIP of a selection's original files; answers with the URL to download it from (valid 10 minutes)");
        api.MapGet("/zip/{ticket}", Download).WithName("DownloadZip")
            .WithSummary("The prepared ZIP, streamed; only for the user who prepared it");
        return api;
    }

    public sealed record ZipPrepared(string Url, int Photos);

    public static Results<Created<ZipPrepared>, BadRequest<ApiError>> Prepare(
        OrganizeApi.Selection request, ZipTickets tickets, ClaimsPrincipal user, TimeProvider time)
    {
        var photos = request.Photos?.Distinct(StringComparer.Ordinal).ToList() ?? [];
        if (photos.Count is 0 or > MaxPhotos)
        {
            return TypedResults.BadRequest(new ApiError($"a download holds 1 to {MaxPhotos} photos"));
        }

        var ticket = tickets.Add(user.UserUid() ?? "", photos, time.GetUtcNow());
        var url = $"/api/v1/zip/{ticket}";
        return TypedResults.Created(url, new ZipPrepared(url, photos.Count));
    }

    public static async Task<IResult> Download(
        string ticket, ZipTickets tickets, ClaimsPrincipal user, TimeProvider time, IDbContextFactory<CatalogDbContext> contextFactory,
        PixhavenOptions options, HttpContext context, CancellationToken cancellationToken)
    {
        if (tickets.Find(ticket, user.UserUid() ?? "", time.GetUtcNow()) is not { } uids)
        {
            return TypedResults.NotFound();
        }

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var files = await db.Files.AsNoTracking()
            .Where(f => f.Primary && !f.Missing && f.Photo != null && uids.Contains(f.Photo.Uid))
            .OrderBy(f => f.Path)
            .Select(f => f.Path)
            .ToListAsync(cancellationToken);

        var name = $"pixhaven-{time.GetUtcNow():yyyyMMdd-HHmmss}.zip";
        context.Response.ContentType = "application/zip";
        context.Response.Headers.ContentDisposition = $"attachment; filename=\"{name}\"";
        // ZipArchive's async path still writes each entry's 16-byte data descriptor synchronously (.NET 10); the file
        // contents themselves are copied asynchronously.
        context.Features.GetRequiredFeature<IHttpBodyControlFeature>().AllowSynchronousIO = true;
        await WriteAsync(context.Response.Body, files, options.OriginalsFullPath, cancellationToken);
        return TypedResults.Empty;
    }

    /// <summary>
    /// Streams the files into a ZIP as they are read, never building it in memory or on disk. Photos and videos are
    /// compressed already, so entries are stored, which keeps the server's CPU free. Files with the same name in
    /// different folders get a number, as a file manager would do.
    /// </summary>
    private static async Task WriteAsync(Stream body, IReadOnlyList<string> relativePaths, string originals, CancellationToken cancellationToken)
    {
        await using var zip = await ZipArchive.CreateAsync(body, ZipArchiveMode.Create, leaveOpen: true, entryNameEncoding: null, cancellationToken);
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var relative in relativePaths)
        {
            if (SafePaths.ResolveFile(originals, relative) is not { } path)
            {
                continue;
            }

            var entry = zip.CreateEntry(UniqueName(Path.GetFileName(path), names), CompressionLevel.NoCompression);
            entry.LastWriteTime = File.GetLastWriteTime(path);
            await using var source = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1 << 16, useAsync: true);
            await using var target = await entry.OpenAsync(cancellationToken);
            await source.CopyToAsync(target, cancellationToken);
        }
    }

    private static string UniqueName(string name, HashSet<string> taken)
    {
        var candidate = name;
        for (var n = 2; !taken.Add(candidate); n++)
        {
            candidate = $"{Path.GetFileNameWithoutExtension(name)} ({n}){Path.GetExtension(name)}";
        }

        return candidate;
    }
}

/// <summary>Prepared ZIP downloads: a random ticket for a user's selection, kept for ten minutes.</summary>
public sealed class ZipTickets
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);
    private readonly ConcurrentDictionary<string, (string User, IReadOnlyList<string> Photos, DateTimeOffset Expires)> _tickets = new(StringComparer.Ordinal);

    public string Add(string user, IReadOnlyList<string> photos, DateTimeOffset now)
    {
        foreach (var (key, value) in _tickets)
        {
            if (value.Expires < now)
            {
                _tickets.TryRemove(key, out _);
            }
        }

        var ticket = Secrets.NewToken();
        _tickets[ticket] = (user, photos, now + Lifetime);
        return ticket;
    }

    public IReadOnlyList<string>? Find(string ticket, string user, DateTimeOffset now) =>
        _tickets.TryGetValue(ticket, out var value) && value.User == user && value.Expires >= now ? value.Photos : null;
}
