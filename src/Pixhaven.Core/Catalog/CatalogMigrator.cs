using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.Logging;

namespace Pixhaven.Core.Catalog;

/// <summary>Brings a catalog's schema up to date before anything reads or writes it, and says what it did.</summary>
public static class CatalogMigrator
{
    /// <exception cref="CatalogMigrationException">A migration failed; the message says which and why.</exception>
    public static async Task MigrateAsync(IDbContextFactory<CatalogDbContext> factory, ILogger? logger = null, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        List<string> pending = [];
        try
        {
            var applied = await ReadHistoryAsync(db, cancellationToken);
            pending = [.. db.Database.GetMigrations().Where(id => !applied.Contains(id))];
            // Migrate also diffs the whole model against the snapshot, the larger part of the start-up time: skip it
            // when the history already lists every migration.
            if (pending.Count > 0)
            {
                await db.Database.MigrateAsync(cancellationToken);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            var which = pending.Count > 0 ? $" ({string.Join(", ", pending)})" : "";
            throw new CatalogMigrationException($"updating the catalog schema failed{which}: {e.GetBaseException().Message}", e);
        }

        if (pending.Count > 0)
        {
            logger?.LogInformation("Catalog schema updated: applied {Count} migration(s): {Migrations}", pending.Count, string.Join(", ", pending));
        }
        else
        {
            logger?.LogInformation("Catalog schema is up to date");
        }
    }

    // The applied migrations, read with one plain query. EF Core's own history reader first builds a model of the
    // history table by convention: about 0.2 s of every start on a catalog that is already current.
    // Empty when the table is missing or unreadable: Migrate then creates it, or fails with the real reason.
    private static async Task<HashSet<string>> ReadHistoryAsync(CatalogDbContext db, CancellationToken cancellationToken)
    {
        var applied = new HashSet<string>(StringComparer.Ordinal);
        try
        {
            await db.Database.OpenConnectionAsync(cancellationToken);
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.CommandText = $"SELECT \"MigrationId\" FROM \"{HistoryRepository.DefaultTableName}\"";
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                applied.Add(reader.GetString(0));
            }
        }
        catch (DbException)
        {
            applied.Clear();
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }

        return applied;
    }
}

/// <summary>The catalog could not be brought to the current schema; the server must not start on it.</summary>
public sealed class CatalogMigrationException(string message, Exception inner) : Exception(message, inner);
