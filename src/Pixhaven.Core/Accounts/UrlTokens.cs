using Microsoft.EntityFrameworkCore;
using Pixhaven.Core.Catalog;
using Pixhaven.Core.Model;

namespace Pixhaven.Core.Accounts;

/// <summary>
/// A library-wide secret that is part of URLs which need no session, so they stay cacheable (no cookie) but cannot be
/// guessed from a content hash alone. Rotating it makes every URL handed out before stop working.
/// </summary>
public abstract class UrlToken(IDbContextFactory<CatalogDbContext> contextFactory, string key)
{
    private volatile string? current;

    public async Task<string> CurrentAsync(CancellationToken cancellationToken)
    {
        if (current is { } token)
        {
            return token;
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

        return current = setting.Value;
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

        return current = token;
    }

    /// <summary>Short enough for URLs, long enough not to be guessed: 12 random characters.</summary>
    private static string NewToken() => Secrets.NewUid('v')[1..13];
}

/// <summary>The token in every thumbnail URL.</summary>
public sealed class PreviewTokens(IDbContextFactory<CatalogDbContext> contextFactory) : UrlToken(contextFactory, "preview-token");

/// <summary>
/// The token in every download URL of an original. Apart from the preview token, because thumbnail URLs end up in
/// caches and histories, and one of them must not open the original behind it.
/// </summary>
public sealed class DownloadTokens(IDbContextFactory<CatalogDbContext> contextFactory) : UrlToken(contextFactory, "download-token");
