using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Pixhaven.Core.Catalog;
using Pixhaven.Core.Indexing;
using Pixhaven.Core.Options;
using Pixhaven.Hosting;

namespace Pixhaven.Tests.Infrastructure;

/// <summary>
/// A throw-away library: its own originals and storage folders and its own catalog (a SQLite file, or a new
/// PostgreSQL database when the options ask for one), wired with the same composition root as the application.
/// Nothing is shared between instances.
/// </summary>
public sealed class TestLibrary : IAsyncDisposable
{
    private readonly Dictionary<string, string> _values;

    private TestLibrary(string root, Dictionary<string, string> values, LoadedOptions options, ServiceProvider services)
    {
        _values = values;
        Root = root;
        Options = options;
        Services = services;
    }

    public string Root { get; }
    public string Originals => Options.Values.OriginalsFullPath;
    public string Storage => Options.Values.StorageFullPath;
    public LoadedOptions Options { get; }
    public ServiceProvider Services { get; }

    public static async Task<TestLibrary> CreateAsync(IEnumerable<string> corpusFiles, IReadOnlyDictionary<string, string>? options = null)
    {
        var root = Directory.CreateTempSubdirectory("pixhaven-test-").FullName;
        var originals = Path.Combine(root, "originals");
        foreach (var relative in corpusFiles)
        {
            var target = Path.Combine(originals, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(TestPhotos.PathOf(relative), target);
        }

        Directory.CreateDirectory(originals);
        var values = new Dictionary<string, string>
        {
            ["originals-path"] = originals,
            ["storage-path"] = Path.Combine(root, "storage"),
            ["import-path"] = Path.Combine(root, "import"),
            ["http-host"] = "127.0.0.1",
            ["http-port"] = "0",
            ["index-on-start"] = "false",
        };
        foreach (var (name, value) in options ?? new Dictionary<string, string>())
        {
            values[name] = value;
        }

        return await OpenAsync(root, values);
    }

    /// <summary>
    /// The same library (originals, storage, catalog) as a server with other options would see it, e.g. after a converter
    /// was configured. This instance's services are stopped; either instance may be disposed, the files go once.
    /// </summary>
    public async Task<TestLibrary> ReopenAsync(IReadOnlyDictionary<string, string> options)
    {
        await Services.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        var values = new Dictionary<string, string>(_values);
        foreach (var (name, value) in options)
        {
            values[name] = value;
        }

        return await OpenAsync(Root, values);
    }

    private static async Task<TestLibrary> OpenAsync(string root, Dictionary<string, string> values)
    {
        var loaded = OptionsLoader.Load(new Dictionary<string, string>(), values);
        var services = new ServiceCollection()
            .AddLogging(logging => logging.SetMinimumLevel(LogLevel.Warning))
            .AddPixhaven(loaded)
            .BuildServiceProvider();
        await CatalogMigrator.MigrateAsync(services.GetRequiredService<ICatalogProvider>(), services.GetRequiredService<IDbContextFactory<CatalogDbContext>>);
        return new TestLibrary(root, values, loaded, services);
    }

    public static Task<TestLibrary> CreateWithCorpusAsync(IReadOnlyDictionary<string, string>? options = null) =>
        CreateAsync(TestPhotos.Expected.Keys.Where(k => File.Exists(TestPhotos.PathOf(k))), options);

    public Task<IndexResult> IndexAsync(bool force = false) =>
        Services.GetRequiredService<Indexer>().IndexAsync(new IndexRequest(force), null, CancellationToken.None);

    public CatalogDbContext OpenCatalog() => Services.GetRequiredService<IDbContextFactory<CatalogDbContext>>().CreateDbContext();

    /// <summary>The uid of the photo the file at <paramref name="path"/> (relative to originals) belongs to.</summary>
    public async Task<string> UidOf(string path)
    {
        await using var db = OpenCatalog();
        return await db.Files.Where(f => f.Path == path).Select(f => f.Photo!.Uid).SingleAsync();
    }

    public string OriginalPath(string relative) => Path.Combine(Originals, relative);

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Options.Values.DatabaseDriver == "postgres")
        {
            await TestPostgres.DropAsync(Options.Values.DatabaseDsn);
        }

        if (Directory.Exists(Root))
        {
            Directory.Delete(Root, recursive: true);
        }
    }
}
