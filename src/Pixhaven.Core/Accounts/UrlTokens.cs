using Microsoft.EntityFrameworkCore;
using Pixhaven.Core.Catalog;
using Pixhaven.Core.Model;

namespace Pixhaven.Core.Accounts;

/// <summary>
/// A library-wide secret that is part of URLs which need no session, so they stay cacheable (no cookie) but cannot be
/// guessed from a content hash alone. Rotating it makes every URL handed out before stop working.
/// </summary>
public abstract class UrlToken(IDbContextFactory<CatalogDbContext> contextFactory, TimeProvider clock, string key)
{
    /// <summary>
    /// How long a token read from the catalog is trusted. Another process sharing the catalog (a second server on
    /// PostgreSQL, the CLI) may rotate it; this process then honours old URLs for at most this long.
    /// </summary>
    public static readonly TimeSpan RereadAfter = TimeSpan.FromSeconds(30);

    private volatile Cached? current;

    private sealed record Cached(string Token, DateTimeOffset ReadAt);

    public async Task<string> CurrentAsync(CancellationToken cancellationToken)
    {
        if (current is { } cached && clock.GetUtcNow() - cached.ReadAt < RereadAfter)
        {
            return cached.Token;
        }

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var setting = await db.Settings.FindAsync([key], cancellationToken);
        if (setting is null)
        {
            setting = new Setting { Key = key, Value = NewToken() };
            db.Settings.Add(setting);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException)
            {
                // Another process made one first: use theirs.
                await using var again = await contextFactory.CreateDbContextAsync(cancellationToken);
                setting = await again.Settings.AsNoTracking().FirstAsync(s => s.Key == key, cancellationToken);
            }
        }

        current = new Cached(setting.Value, clock.GetUtcNow());
        return setting.Value;
    }

    public async Task<bool> IsValidAsync(string token, CancellationToken cancellationToken) =>
        Secrets.EqualInConstantTime(await CurrentAsync(cancellationToken), token);

    public async Task<string> RotateAsync(CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var token = NewToken();
        if (await db.Settings.Where(s => s.Key == key).ExecuteUpdateAsync(u => u.SetProperty(s => s.Value, token), cancellationToken) == 0)
        {
            db.Settings.Add(new Setting { Key = key, Value = token });
            await db.SaveChangesAsync(cancellationToken);
        }

        current = new Cached(token, clock.GetUtcNow());
        return token;
    }

    /// <summary>Short enough for URLs, long enough not to be guessed: 12 random characters.</summary>
    private static string NewToken() => Secrets.NewUid('v')[1..13];
}

/// <summary>The token in every thumbnail URL.</summary>
public sealed class PreviewTokens(IDbContextFactory<CatalogDbContext> contextFactory, TimeProvider clock) : UrlToken(contextFactory, clock, "preview-token");

/// <summary>
/// The token in every download URL of an original. Apart from the preview token, because thumbnail URLs end up in
/// caches and histories, and one of them must not open the original behind it.
/// </summary>
public sealed class DownloadTokens(IDbContextFactory<CatalogDbContext> contextFactory, TimeProvider clock)
    : UrlToken(contextFactory, clock, "download-token");
