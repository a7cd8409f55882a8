using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Pixhaven.Core.Catalog;
using Pixhaven.Core.Model;

namespace Pixhaven.Core.Search;

/// <summary>
/// Lists photos newest first with keyset paging: the cursor is the last row's (TakenAtUtc, Id), so page 1,000
/// costs one index seek like page 1, and rows added meanwhile never shift a page.
/// </summary>
public sealed class PhotoSearch(IDbContextFactory<CatalogDbContext> contextFactory)
{
    public const int MaxCount = 1000;

    public async Task<PhotoPage> ListAsync(int count, string? after, CancellationToken cancellationToken)
    {
        count = Math.Clamp(count, 1, MaxCount);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var query = db.Photos.AsNoTracking().Where(p => !p.Missing);
        if (after is not null)
        {
            var (time, id) = ParseCursor(after);
            query = query.Where(p => p.TakenAtUtc < time || (p.TakenAtUtc == time && p.Id < id));
        }

        var rows = await query
            .OrderByDescending(p => p.TakenAtUtc).ThenByDescending(p => p.Id)
            .Take(count + 1)
            .Select(p => new { p.Id, p.TakenAtUtc, Summary = new PhotoSummary(p.Uid, p.Type, p.TakenAt, p.Title, p.Width, p.Height, p.ThumbnailHash) })
            .ToListAsync(cancellationToken);

        var next = rows.Count > count ? Cursor(rows[count - 1].TakenAtUtc, rows[count - 1].Id) : null;
        return new PhotoPage(rows.Take(count).Select(r => r.Summary).ToList(), next);
    }

    public async Task<Photo?> FindAsync(string uid, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await db.Photos.AsNoTracking().Include(p => p.Files.OrderByDescending(f => f.Primary).ThenBy(f => f.Path))
            .FirstOrDefaultAsync(p => p.Uid == uid, cancellationToken);
    }

    private static string Cursor(DateTime takenAtUtc, long id) =>
        string.Create(CultureInfo.InvariantCulture, $"{takenAtUtc.Ticks}-{id}");

    /// <exception cref="FormatException">The cursor was not made by this class.</exception>
    public static (DateTime TakenAtUtc, long Id) ParseCursor(string cursor)
    {
        var parts = cursor.Split('-');
        if (parts.Length != 2
            || !long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
            || !long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            || ticks > DateTime.MaxValue.Ticks)
        {
            throw new FormatException("invalid page cursor");
        }

        return (new DateTime(ticks, DateTimeKind.Utc), id);
    }
}
