using System.Data.Common;
using System.Reflection;
using Microsoft.EntityFrameworkCore.Migrations;
using Pixhaven.Core.Model;

namespace Pixhaven.Core.Catalog;

/// <summary>
/// The reads that start-up and the health check need (applied migrations, whether there are users, the status counts,
/// the last index run), each one plain SQL statement on a connection of the provider. EF Core's first query costs
/// about a second on two cores (its services, then its query pipeline, compiled by the JIT); these reads let the
/// server answer before that, while EF Core warms up beside it. The SQL is the same for SQLite and PostgreSQL.
/// </summary>
public static class CatalogProbe
{
    /// <summary>The ids of the migrations in a provider's assembly, as EF Core lists them: by their [Migration] attribute.</summary>
    public static IReadOnlyList<string> KnownMigrations(Assembly migrations) =>
        [.. migrations.GetTypes()
            .Where(t => t.IsSubclassOf(typeof(Migration)) && !t.IsAbstract)
            .Select(t => t.GetCustomAttribute<MigrationAttribute>()?.Id)
            .OfType<string>()
            .Order(StringComparer.Ordinal)];

    /// <summary>The applied migrations; empty when the history table is missing or unreadable (a new or broken catalog).</summary>
    public static async Task<HashSet<string>> AppliedMigrationsAsync(ICatalogProvider provider, CancellationToken cancellationToken)
    {
        var applied = new HashSet<string>(StringComparer.Ordinal);
        try
        {
            await using var connection = await OpenAsync(provider, cancellationToken);
            await using var command = Command(connection, $"SELECT \"MigrationId\" FROM \"{HistoryRepository.DefaultTableName}\"");
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

        return applied;
    }

    public static async Task<bool> HasUsersAsync(ICatalogProvider provider, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(provider, cancellationToken);
        await using var command = Command(connection, "SELECT COUNT(*) FROM (SELECT 1 FROM \"users\" LIMIT 1) AS any_user");
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture) > 0;
    }

    /// <summary>Photos and files by state, from the covering indexes on (Missing) and (Status, Missing).</summary>
    public static async Task<CatalogCounts> CountAsync(ICatalogProvider provider, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(provider, cancellationToken);
        var files = new List<(FileStatus Status, bool Missing, int Count)>();
        await using (var command = Command(connection, "SELECT \"Status\", \"Missing\", COUNT(*) FROM \"files\" GROUP BY \"Status\", \"Missing\""))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                files.Add(((FileStatus)reader.GetInt32(0), reader.GetBoolean(1), (int)reader.GetInt64(2)));
            }
        }

        await using var photos = Command(connection, "SELECT COUNT(*) FROM \"photos\" WHERE NOT \"Missing\"");
        var photoCount = Convert.ToInt32(await photos.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
        int Present(FileStatus status) => files.Where(g => !g.Missing && g.Status == status).Sum(g => g.Count);
        return new CatalogCounts(
            Photos: photoCount,
            Files: files.Where(g => !g.Missing).Sum(g => g.Count),
            Indexed: Present(FileStatus.Indexed),
            Partial: Present(FileStatus.Partial),
            Skipped: Present(FileStatus.Skipped),
            Failed: Present(FileStatus.Failed),
            Missing: files.Where(g => g.Missing).Sum(g => g.Count));
    }

    /// <summary>The newest index run, or null before the first.</summary>
    public static async Task<IndexRun?> LastRunAsync(ICatalogProvider provider, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(provider, cancellationToken);
        await using var command = Command(connection,
            "SELECT \"Id\", \"StartedAt\", \"FinishedAt\", \"Found\", \"Indexed\", \"Unchanged\", \"Moved\", \"Missing\", \"Skipped\", \"Failed\" " +
            "FROM \"index_runs\" ORDER BY \"Id\" DESC LIMIT 1");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }

        return new IndexRun
        {
            Id = reader.GetInt64(0),
            StartedAt = DateTime.SpecifyKind(reader.GetDateTime(1), DateTimeKind.Utc),
            FinishedAt = reader.IsDBNull(2) ? null : DateTime.SpecifyKind(reader.GetDateTime(2), DateTimeKind.Utc),
            Found = reader.GetInt32(3),
            Indexed = reader.GetInt32(4),
            Unchanged = reader.GetInt32(5),
            Moved = reader.GetInt32(6),
            Missing = reader.GetInt32(7),
            Skipped = reader.GetInt32(8),
            Failed = reader.GetInt32(9),
        };
    }

    private static async Task<DbConnection> OpenAsync(ICatalogProvider provider, CancellationToken cancellationToken)
    {
        var connection = provider.CreateConnection();
        try
        {
            await connection.OpenAsync(cancellationToken);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    private static DbCommand Command(DbConnection connection, string sql)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        return command;
    }
}

/// <summary>How many photos and files the catalog holds, files by indexing state; missing files apart.</summary>
public sealed record CatalogCounts(int Photos, int Files, int Indexed, int Partial, int Skipped, int Failed, int Missing);
