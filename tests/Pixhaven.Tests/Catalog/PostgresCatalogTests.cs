using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Pixhaven.Tests.Indexing;
using Pixhaven.Tests.Organizing;
using Pixhaven.Tests.Search;
using Pixhaven.Tests.Infrastructure;

namespace Pixhaven.Tests.Catalog;

[CollectionDefinition(Name)]
public sealed class PostgresCorpusGroup : ICollectionFixture<PostgresCorpusFixture>
{
    public const string Name = "postgres corpus";
}

/// <summary>Every search test, with its exact result sets, on the corpus catalogued in PostgreSQL.</summary>
[Collection(PostgresCorpusGroup.Name)]
public sealed class PostgresSearchTests(PostgresCorpusFixture corpus) : SearchTests(corpus);

/// <summary>Every browse test (calendar, places, labels, folders, clusters) on the corpus catalogued in PostgreSQL.</summary>
[Collection(PostgresCorpusGroup.Name)]
public sealed class PostgresBrowseTests(PostgresCorpusFixture corpus) : BrowseTests(corpus);

/// <summary>Every edit, flag, archive and delete test on a PostgreSQL catalog.</summary>
public sealed class PostgresOrganizeTests : OrganizeTests
{
    protected override IReadOnlyDictionary<string, string>? CatalogOptions { get; } = TestPostgres.Options();
}

/// <summary>Every test of turning photos on a PostgreSQL catalog.</summary>
public sealed class PostgresRotationTests : RotationTests
{
    protected override IReadOnlyDictionary<string, string>? CatalogOptions { get; } = TestPostgres.Options();
}

/// <summary>Every album test on a PostgreSQL catalog.</summary>
public sealed class PostgresAlbumTests : AlbumTests
{
    protected override IReadOnlyDictionary<string, string>? CatalogOptions { get; } = TestPostgres.Options();
}

/// <summary>Every people test (faces from XMP, person search, rename and merge) on a PostgreSQL catalog.</summary>
public sealed class PostgresPeopleTests : PeopleTests
{
    protected override IReadOnlyDictionary<string, string>? CatalogOptions { get; } = TestPostgres.Options();
}

/// <summary>The start-up reads in plain SQL against EF Core, on a PostgreSQL catalog.</summary>
public sealed class PostgresCatalogProbeTests : CatalogProbeTests
{
    protected override IReadOnlyDictionary<string, string>? CatalogOptions { get; } = TestPostgres.Options();
}

/// <summary>Every stack test (RAW + JPEG + sidecar, edits, copies that join a stack, merges that keep albums) on a PostgreSQL catalog.</summary>
public sealed class PostgresStackTests : StackTests
{
    protected override IReadOnlyDictionary<string, string>? CatalogOptions { get; } = TestPostgres.Options();
}

/// <summary>Every duplicate test (copies in one run, the copy shown, forced runs, deletions) on a PostgreSQL catalog.</summary>
public sealed class PostgresDuplicateTests : DuplicateTests
{
    protected override IReadOnlyDictionary<string, string>? CatalogOptions { get; } = TestPostgres.Options();
}

/// <summary>The moments test on a PostgreSQL catalog.</summary>
public sealed class PostgresMomentsTests : MomentsTests
{
    protected override IReadOnlyDictionary<string, string>? CatalogOptions { get; } = TestPostgres.Options();
}

/// <summary>What only the PostgreSQL catalog does: its migrations, tsvector search, change stamps and pg_dump backups.</summary>
public sealed class PostgresCatalogTests
{
    [Fact]
    public async Task Migrations_BuildTheSchemaInANewDatabase_AndLeaveNothingPending()
    {
        await using var library = await TestLibrary.CreateAsync([], TestPostgres.Options());
        await using var db = library.OpenCatalog();
        Assert.Equal("Npgsql.EntityFrameworkCore.PostgreSQL", db.Database.ProviderName);
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.Equal(db.Database.GetMigrations(), await db.Database.GetAppliedMigrationsAsync());
        var triggers = await db.Database.SqlQuery<string>($"SELECT tgname AS \"Value\" FROM pg_trigger WHERE tgname LIKE '%fts%' ORDER BY tgname").ToListAsync();
        Assert.Equal(["files_fts_write", "photo_labels_fts_write", "photos_fts_write"], triggers);
    }

    [Fact]
    public async Task FreeText_FollowsEdits_IgnoringCaseAndAccents_AndFiltersIgnoreCase()
    {
        await using var library = await TestLibrary.CreateAsync([TestPhotos.GpsJpeg, TestPhotos.CanonJpeg], TestPostgres.Options());
        await library.IndexAsync();
        await using var server = await LibraryServer.StartAsync(library);
        var uid = (await Uids(server, $"name:{Path.GetFileName(TestPhotos.GpsJpeg)}")).Single();
        Assert.Empty(await Uids(server, "cafe"));

        using var edit = await server.Http.PatchAsJsonAsync($"/api/v1/photos/{uid}", new { title = "Café Zürich at Night" });
        Assert.Equal(HttpStatusCode.OK, edit.StatusCode);

        Assert.Equal([uid], await Uids(server, "cafe"));
        Assert.Equal([uid], await Uids(server, "ZURICH"));
        Assert.Equal([uid], await Uids(server, "\"zurich at\""));
        Assert.Equal([uid], await Uids(server, "title:*NIGHT"));
        Assert.Empty(await Uids(server, "\"night zurich\""));
        Assert.Empty(await Uids(server, "night -title:*night"));
        Assert.Empty(await Uids(server, "&|!:*()<->'"));
    }

    [Fact]
    public async Task CachedAnswers_SeeACommitMadeByAnotherProcess()
    {
        var options = TestPostgres.Options();
        await using var writer = await TestLibrary.CreateAsync([], options);
        await using var library = await TestLibrary.CreateAsync([TestPhotos.GpsJpeg], options);
        await library.IndexAsync();
        await using var server = await LibraryServer.StartAsync(library);
        Assert.Equal(0, await Count(server, "harbour"));
        Assert.Equal(0, await Count(server, "harbour")); // now answered from the cache

        // Another process (its own services, connections and cache) edits the same catalog.
        await using (var db = writer.OpenCatalog())
        {
            (await db.Photos.SingleAsync()).Title = "Harbour at dawn";
            await db.SaveChangesAsync();
        }

        Assert.Equal(1, await Count(server, "harbour"));
    }

    [Fact]
    public async Task Backup_WithPgDump_RestoresIntoANewDatabase_RowForRow()
    {
        await using var library = await TestLibrary.CreateAsync([TestPhotos.CanonJpeg, TestPhotos.GpsJpeg], TestPostgres.Options());
        await library.IndexAsync();
        var backupFolder = Path.Combine(library.Root, "backup");
        var restored = TestPostgres.NewDatabase();
        try
        {
            string uid;
            await using (var server = await LibraryServer.StartAsync(library))
            {
                uid = (await Uids(server, "")).First();
                Assert.Equal(HttpStatusCode.OK, (await server.Http.PatchAsJsonAsync($"/api/v1/photos/{uid}", new { title = "Harbour at dawn" })).StatusCode);
                using var album = await server.Http.PostAsJsonAsync("/api/v1/albums", new { title = "Trip" });
                var albumUid = JsonDocument.Parse(await album.Content.ReadAsStringAsync()).RootElement.GetProperty("uid").GetString();
                Assert.Equal(HttpStatusCode.OK, (await server.Http.PostAsJsonAsync($"/api/v1/albums/{albumUid}/photos", new { photos = new[] { uid } })).StatusCode);

                var backup = await CliRunner.RunAsync(library.Root, Environment(library.Storage, library.Options.Values.DatabaseDsn), "backup", "--to", backupFolder);
                Assert.True(backup.ExitCode == 0, backup.Output + backup.Errors);
                Assert.Contains("2 photos, 1 albums, 1 users", backup.Output, StringComparison.Ordinal);
            }

            // pg_dump's custom format starts with "PGDMP".
            Assert.Equal("PGDMP", Encoding.ASCII.GetString(File.ReadAllBytes(Path.Combine(backupFolder, "catalog.dump"))[..5]));
            Assert.Contains("\"database\": \"postgres\"", File.ReadAllText(Path.Combine(backupFolder, "manifest.json")), StringComparison.Ordinal);

            var restoredStorage = Path.Combine(library.Root, "restored-storage");
            var restore = await CliRunner.RunAsync(library.Root, Environment(restoredStorage, restored), "restore", backupFolder);
            Assert.True(restore.ExitCode == 0, restore.Output + restore.Errors);
            Assert.Equal(await DumpAsync(library.Options.Values.DatabaseDsn), await DumpAsync(restored));

            var search = await CliRunner.RunAsync(library.Root, Environment(restoredStorage, restored), "search", "--json", "harbour");
            Assert.Contains(uid, search.Output, StringComparison.Ordinal);

            // A SQLite library refuses a PostgreSQL backup, and says why.
            var wrong = await CliRunner.RunAsync(library.Root, new Dictionary<string, string> { ["PIXHAVEN_STORAGE_PATH"] = Path.Combine(library.Root, "sqlite-storage") }, "restore", backupFolder);
            Assert.Equal(2, wrong.ExitCode);
            Assert.Contains("the backup is of a postgres catalog; this library uses sqlite", wrong.Output, StringComparison.Ordinal);
        }
        finally
        {
            await TestPostgres.DropAsync(restored);
        }
    }

    private static Dictionary<string, string> Environment(string storage, string dsn) => new()
    {
        ["PIXHAVEN_STORAGE_PATH"] = storage,
        ["PIXHAVEN_ORIGINALS_PATH"] = "originals",
        ["PIXHAVEN_DATABASE_DRIVER"] = "postgres",
        ["PIXHAVEN_DATABASE_DSN"] = dsn,
    };

    private static async Task<List<string>> Uids(LibraryServer server, string query)
    {
        var page = await server.Http.GetFromJsonAsync<JsonElement>($"/api/v1/photos?count=1000&q={Uri.EscapeDataString(query)}");
        return page.GetProperty("photos").EnumerateArray().Select(p => p.GetProperty("uid").GetString()!).ToList();
    }

    private static async Task<int> Count(LibraryServer server, string query) =>
        (await server.Http.GetFromJsonAsync<JsonElement>($"/api/v1/photos/facets?q={Uri.EscapeDataString(query)}")).GetProperty("total").GetInt32();

    /// <summary>Every row of every table (the search index too), as text.</summary>
    private static async Task<string> DumpAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var list = new NpgsqlCommand("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name", connection))
        await using (var reader = await list.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                tables.Add(reader.GetString(0));
            }
        }

        Assert.Contains("users", tables);
        Assert.Contains("photos_fts", tables);
        var dump = new StringBuilder();
        foreach (var table in tables)
        {
            await using var rows = new NpgsqlCommand($"SELECT * FROM \"{table}\" ORDER BY 1", connection);
            await using var reader = await rows.ExecuteReaderAsync();
            await CatalogRows.AppendAsync(dump, table, reader);
        }

        return dump.ToString();
    }
}
