using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Npgsql;
using Pixhaven.Core.Catalog;
using Pixhaven.Core.Media.Previews;

namespace Pixhaven.Catalog.Postgres;

/// <summary>The catalog on a PostgreSQL server, for libraries shared by several processes or machines.</summary>
public sealed class PostgresCatalogProvider : ICatalogProvider, IDisposable
{
    private readonly string _connectionString;
    private readonly NpgsqlDataSource _dataSource;

    public PostgresCatalogProvider(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (string.IsNullOrEmpty(builder.Database))
        {
            throw new ArgumentException("the PostgreSQL connection string names no database (Database=...)");
        }

        _connectionString = builder.ConnectionString;
        _dataSource = NpgsqlDataSource.Create(_connectionString);
    }

    public string Name => "postgres";

    public string BackupFileName => "catalog.dump";

    public string Describe()
    {
        var builder = new NpgsqlConnectionStringBuilder(_connectionString);
        return $"PostgreSQL {builder.Database} on {builder.Host}:{builder.Port}";
    }

    public void Configure(DbContextOptionsBuilder builder) =>
        builder.UseNpgsql(_dataSource, npgsql => npgsql.MigrationsAssembly(MigrationsAssembly.FullName))
            .ReplaceService<IModelCustomizer, PostgresModelCustomizer>()
            .AddInterceptors(CaseInsensitiveLike.Instance);

    public System.Data.Common.DbConnection CreateConnection() => _dataSource.CreateConnection();

    public System.Reflection.Assembly MigrationsAssembly => typeof(PostgresCatalogProvider).Assembly;

    public IQueryable<FullTextHit> MatchText(CatalogDbContext db, string text, bool phrase)
    {
        var expression = FullTextSchema.QueryOf(text, prefix: !phrase);
        // ts_rank grows with relevance; FullTextHit.Rank is lower-is-better, as SQLite's bm25 rank is.
        return db.Database.SqlQuery<FullTextHit>($"""
            SELECT f.photo_id AS "Id", -ts_rank(f.document, q.query)::float8 AS "Rank"
            FROM photos_fts f, to_tsquery('simple', public.unaccent({expression})) q(query)
            WHERE f.document @@ q.query
            """);
    }

    /// <summary>The library's counter of committed changes (see <see cref="LibraryChangesSchema"/>).</summary>
    public async Task<long> ChangeStampAsync(CancellationToken cancellationToken)
    {
        await using var command = _dataSource.CreateCommand(LibraryChangesSchema.Read);
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    /// <summary><c>pg_dump</c> in its custom format: one consistent snapshot, taken while others keep working.</summary>
    public Task BackupAsync(string targetFile, CancellationToken cancellationToken) =>
        RunClientAsync("pg_dump", ["--format=custom", "--no-owner", "--no-privileges", "--file", targetFile], cancellationToken);

    /// <summary>
    /// <c>pg_restore</c> drops and recreates every object of the dump in one transaction, so a failed restore leaves
    /// the catalog as it was.
    /// </summary>
    public async Task RestoreAsync(string sourceFile, CancellationToken cancellationToken)
    {
        NpgsqlConnection.ClearAllPools();
        await RunClientAsync("pg_restore", ["--clean", "--if-exists", "--no-owner", "--no-privileges", "--single-transaction", "--exit-on-error", sourceFile], cancellationToken);
        NpgsqlConnection.ClearAllPools();
    }

    /// <summary>Runs a PostgreSQL client program on this catalog's database; the connection goes through libpq's environment.</summary>
    private async Task RunClientAsync(string program, IEnumerable<string> arguments, CancellationToken cancellationToken)
    {
        var connection = new NpgsqlConnectionStringBuilder(_connectionString);
        var environment = new Dictionary<string, string>
        {
            ["PGHOST"] = connection.Host ?? "localhost",
            ["PGPORT"] = connection.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["PGUSER"] = connection.Username ?? Environment.UserName,
            ["PGSSLMODE"] = connection.SslMode switch
            {
                SslMode.Disable => "disable",
                SslMode.Require => "require",
                SslMode.VerifyCA => "verify-ca",
                SslMode.VerifyFull => "verify-full",
                _ => "prefer",
            },
        };
        if (!string.IsNullOrEmpty(connection.Password))
        {
            environment["PGPASSWORD"] = connection.Password;
        }

        if (ExternalTool.Find(program) is not { } path)
        {
            throw new InvalidOperationException($"{program} was not found; install the PostgreSQL client programs (Debian: postgresql-client)");
        }

        // No time limit: a large catalog takes as long as it takes, and the caller can cancel.
        var (exitCode, _, errors) = await ExternalTool.RunWithOutputAsync(path, [.. arguments, "--dbname", connection.Database!],
            Timeout.InfiniteTimeSpan, cancellationToken, environment);
        if (exitCode != 0)
        {
            throw new InvalidOperationException($"{program} failed (exit {exitCode}): {errors}");
        }
    }

    public void Dispose() => _dataSource.Dispose();
}
