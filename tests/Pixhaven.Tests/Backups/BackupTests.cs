using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Pixhaven.Tests.Infrastructure;

namespace Pixhaven.Tests.Backups;

/// <summary><c>pixhaven backup</c> while the server runs, then <c>pixhaven restore</c> on empty storage, compared table by table.</summary>
public sealed class BackupTests
{
    [Fact]
    public async Task Backup_WhileServing_RestoresToTheSameCatalog_OnEmptyStorage()
    {
        await using var library = await TestLibrary.CreateAsync([TestPhotos.CanonJpeg, TestPhotos.GpsJpeg]);
        await library.IndexAsync();
        var backupFolder = Path.Combine(library.Root, "backup");
        var restoredStorage = Path.Combine(library.Root, "restored-storage");
        string uid;
        await using (var server = await LibraryServer.StartAsync(library))
        {
            var page = JsonDocument.Parse(await server.Http.GetStringAsync("/api/v1/photos")).RootElement;
            uid = page.GetProperty("photos")[0].GetProperty("uid").GetString()!;
            Assert.Equal(HttpStatusCode.OK, (await server.Http.PatchAsJsonAsync($"/api/v1/photos/{uid}", new { title = "Harbour at dawn" })).StatusCode);
            using var album = await server.Http.PostAsJsonAsync("/api/v1/albums", new { title = "Trip" });
            var albumUid = JsonDocument.Parse(await album.Content.ReadAsStringAsync()).RootElement.GetProperty("uid").GetString();
            Assert.Equal(HttpStatusCode.OK, (await server.Http.PostAsJsonAsync($"/api/v1/albums/{albumUid}/photos", new { photos = new[] { uid } })).StatusCode);

            // The server keeps running (and holding the catalog open) while the backup is made.
            var backup = await CliRunner.RunAsync(library.Root, Environment(library.Storage), "backup", "--to", backupFolder);
            Assert.True(backup.ExitCode == 0, backup.Output + backup.Errors);
            Assert.Contains("2 photos, 1 albums, 1 users and 1 sidecars", backup.Output, StringComparison.Ordinal);
        }

        var restore = await CliRunner.RunAsync(library.Root, Environment(restoredStorage), "restore", backupFolder);
        Assert.True(restore.ExitCode == 0, restore.Output + restore.Errors);
        Assert.Equal(await DumpAsync(Path.Combine(library.Storage, "index.db")), await DumpAsync(Path.Combine(restoredStorage, "index.db")));
        Assert.Equal(Directory.GetFiles(Path.Combine(library.Storage, "sidecars"), "*", SearchOption.AllDirectories).Length,
            Directory.GetFiles(Path.Combine(restoredStorage, "sidecars"), "*", SearchOption.AllDirectories).Length);

        var again = await CliRunner.RunAsync(library.Root, Environment(restoredStorage), "restore", backupFolder);
        Assert.Equal(2, again.ExitCode);
        Assert.Contains("not empty", again.Output, StringComparison.Ordinal);

        // The restored library works: an index run makes the thumbnails again and keeps the edit and the uids.
        var index = await CliRunner.RunAsync(library.Root, Environment(restoredStorage), "index");
        Assert.True(index.ExitCode == 0, index.Output + index.Errors);
        Assert.NotEmpty(Directory.GetFiles(Path.Combine(restoredStorage, "cache", "thumbnails"), "*.jpg", SearchOption.AllDirectories));
        var search = await CliRunner.RunAsync(library.Root, Environment(restoredStorage), "search", "--json", "harbour");
        Assert.Contains(uid, search.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Restore_RefusesAFolderThatIsNotABackup()
    {
        await using var library = await TestLibrary.CreateAsync([]);
        var result = await CliRunner.RunAsync(library.Root, Environment(library.Storage), "restore", library.Originals);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("is not a Pixhaven backup", result.Output, StringComparison.Ordinal);
    }

    private static Dictionary<string, string> Environment(string storage) => new()
    {
        ["PIXHAVEN_STORAGE_PATH"] = storage,
        ["PIXHAVEN_ORIGINALS_PATH"] = "originals",
    };

    /// <summary>Every row of every table, as text.</summary>
    private static async Task<string> DumpAsync(string catalog)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = catalog, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        connection.Open();
        var tables = new List<string>();
        using (var list = connection.CreateCommand())
        {
            list.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'photos_fts_%' ORDER BY name";
            using var reader = list.ExecuteReader();
            while (reader.Read())
            {
                tables.Add(reader.GetString(0));
            }
        }

        Assert.Contains("users", tables);
        var dump = new StringBuilder();
        foreach (var table in tables)
        {
            using var rows = connection.CreateCommand();
            rows.CommandText = $"SELECT * FROM \"{table}\" ORDER BY rowid";
            using var reader = rows.ExecuteReader();
            await CatalogRows.AppendAsync(dump, table, reader);
        }

        return dump.ToString();
    }
}
