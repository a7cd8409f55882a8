using Microsoft.EntityFrameworkCore;

namespace Pixhaven.Core.Catalog;

/// <summary>Brings a catalog's schema up to date before anything reads or writes it.</summary>
public static class CatalogMigrator
{
    public static async Task MigrateAsync(IDbContextFactory<CatalogDbContext> factory, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        await db.Database.MigrateAsync(cancellationToken);
    }
}
