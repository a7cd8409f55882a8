using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Pixhaven.Core.Catalog;

namespace Pixhaven.Catalog.Sqlite;

/// <summary>The embedded default catalog: one SQLite file in the storage folder.</summary>
public sealed class SqliteCatalogProvider(string connectionString) : ICatalogProvider, IDisposable
{
    // One connection kept only to watch for changes: SQLite's data_version moves when another connection commits.
    private readonly SemaphoreSlim _watchLock = new(1, 1);
    private SqliteConnection? _watch;
    private long _watchedVersion;
    private long? _libraryStamp;

    public string Name => "sqlite";

    public string BackupFileName => "catalog.db";

    public static SqliteCatalogProvider ForFile(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var builder = new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            // Readers and the single index writer meet; wait for a lock instead of failing with "database is locked".
            DefaultTimeout = 30,
        };
        return new SqliteCatalogProvider(builder.ToString());
    }

    public string Describe() => $"SQLite {new SqliteConnectionStringBuilder(connectionString).DataSource}";

    // The compiled model (CompiledModel/, made by `dotnet ef dbcontext optimize`) saves building the model from the
    // entity configurations at every start. CompiledModelTests fails when it no longer matches them.
    public void Configure(DbContextOptionsBuilder builder) =>
        ConfigureWithBuiltModel(builder).UseModel(CompiledModel.CatalogDbContextModel.Instance);

    /// <summary>The same options with the model built from the entity configurations: for the design-time tools,
    /// which make migrations and the compiled model from it.</summary>
    public DbContextOptionsBuilder ConfigureWithBuiltModel(DbContextOptionsBuilder builder) =>
        builder.UseSqlite(connectionString, sqlite => sqlite.MigrationsAssembly(MigrationsAssembly.FullName))
            .AddInterceptors(PragmaInterceptor.Instance);

    // Never creates the file: on a new catalog that is EF Core's migration's work, which fails on an empty file made
    // before it ("attempt to write a readonly database").
    public DbConnection CreateConnection() => new SqliteConnection(new SqliteConnectionStringBuilder(connectionString) { Mode = SqliteOpenMode.ReadWrite }.ToString());

    public System.Reflection.Assembly MigrationsAssembly => typeof(SqliteCatalogProvider).Assembly;

    public IQueryable<FullTextHit> MatchText(CatalogDbContext db, string text, bool phrase)
    {
        // FTS5 query syntax: a double-quoted string is one phrase of tokens, '*' after it makes the last token a prefix.
        var expression = "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" + (phrase ? "" : "*");
        return db.Database.SqlQuery<FullTextHit>($"SELECT rowid AS Id, rank AS Rank FROM photos_fts WHERE photos_fts MATCH {expression}");
    }

    // SQLite's data_version, nearly free to read, moves at any commit of another connection (a session's last-seen time
    // too); only then is the library's own counter read again.
    public async Task<long> ChangeStampAsync(CancellationToken cancellationToken)
    {
        await _watchLock.WaitAsync(cancellationToken);
        try
        {
            if (_watch is null)
            {
                _watch = new SqliteConnection(connectionString);
                await _watch.OpenAsync(cancellationToken);
            }

            await using var command = _watch.CreateCommand();
            command.CommandText = "PRAGMA data_version";
            var version = (long)(await command.ExecuteScalarAsync(cancellationToken))!;
            if (version != _watchedVersion || _libraryStamp is null)
            {
                command.CommandText = LibraryChangesSchema.Read;
                _libraryStamp = (long)(await command.ExecuteScalarAsync(cancellationToken))!;
                _watchedVersion = version;
            }

            return _libraryStamp.Value;
        }
        finally
        {
            _watchLock.Release();
        }
    }

    /// <summary>SQLite's online backup API: pages are copied under a read transaction, so the copy is one consistent moment.</summary>
    public async Task BackupAsync(string targetFile, CancellationToken cancellationToken)
    {
        await using var source = new SqliteConnection(connectionString);
        await source.OpenAsync(cancellationToken);
        await using (var target = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = targetFile, Pooling = false }.ToString()))
        {
            await target.OpenAsync(cancellationToken);
            source.BackupDatabase(target);
        }
    }

    public async Task RestoreAsync(string sourceFile, CancellationToken cancellationToken)
    {
        // Through the backup API into an open connection: SQLite replaces every page and keeps its WAL consistent.
        SqliteConnection.ClearAllPools();
        await using var source = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = sourceFile, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        await source.OpenAsync(cancellationToken);
        await using var target = new SqliteConnection(connectionString);
        await target.OpenAsync(cancellationToken);
        source.BackupDatabase(target);
    }

    public void Dispose()
    {
        _watch?.Dispose();
        _watchLock.Dispose();
    }

    /// <summary>
    /// Pragmas chosen on purpose, set on every connection: WAL lets the web server read while the indexer writes;
    /// synchronous=NORMAL is safe with WAL (a power cut can lose the last commits, never corrupt); busy_timeout
    /// makes a second writer wait rather than fail; foreign keys are off by default in SQLite.
    /// </summary>
    private sealed class PragmaInterceptor : DbConnectionInterceptor
    {
        public static readonly PragmaInterceptor Instance = new();

        private const string Pragmas = "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=30000; PRAGMA foreign_keys=ON;";

        public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

        public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = Pragmas;
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        private static void Apply(DbConnection connection)
        {
            using var command = connection.CreateCommand();
            command.CommandText = Pragmas;
            command.ExecuteNonQuery();
        }
    }
}
