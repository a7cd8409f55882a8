using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Pixhaven.Core.Catalog;

/// <summary>Brings a catalog's schema up to date before anything reads or writes it, and says what it did.</summary>
public static class CatalogMigrator
{
    /// <param name="provider">The catalog's database.</param>
    /// <param name="contexts">Asked for only when a migration is pending: building EF Core's options costs a tenth of a second.</param>
    /// <exception cref="CatalogMigrationException">A migration failed; the message says which and why.</exception>
    public static async Task MigrateAsync(
        ICatalogProvider provider, Func<IDbContextFactory<CatalogDbContext>> contexts, ILogger? logger = null, CancellationToken cancellationToken = default)
    {
        // The history is read with one plain query, and the migrations are listed from the provider's assembly: on a
        // catalog that is already current, as at nearly every start, EF Core is not needed at all (see CatalogProbe).
        var applied = await CatalogProbe.AppliedMigrationsAsync(provider, cancellationToken);
        List<string> pending = [.. CatalogProbe.KnownMigrations(provider.MigrationsAssembly).Where(id => !applied.Contains(id))];
        if (pending.Count == 0)
        {
            logger?.LogInformation("Catalog schema is up to date");
            return;
        }

        try
        {
            await using var db = await contexts().CreateDbContextAsync(cancellationToken);
            await db.Database.MigrateAsync(cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The cause first: the list of migrations grows with every release, and is only context.
            var migrations = pending.Count == 1 ? pending[0] : $"{pending.Count} migrations, {pending[0]} to {pending[^1]}";
            throw new CatalogMigrationException($"updating the catalog schema failed: {e.GetBaseException().Message} (applying {migrations})", e);
        }

        logger?.LogInformation("Catalog schema updated: applied {Count} migration(s): {Migrations}", pending.Count, string.Join(", ", pending));
    }
}

/// <summary>The catalog could not be brought to the current schema; the server must not start on it.</summary>
public sealed class CatalogMigrationException(string message, Exception inner) : Exception(message, inner);
