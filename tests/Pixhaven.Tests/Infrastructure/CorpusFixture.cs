using Microsoft.AspNetCore.Builder;
using Pixhaven.Core.Indexing;

namespace Pixhaven.Tests.Infrastructure;

/// <summary>The whole corpus indexed once into a real SQLite catalog, and a real server on a free loopback port.</summary>
public class CorpusFixture : IAsyncLifetime
{
    public TestLibrary Library { get; private set; } = null!;
    public IndexResult FirstRun { get; private set; } = null!;
    private LibraryServer _server = null!;

    public WebApplication Server => _server.Server;
    public Uri BaseAddress => _server.BaseAddress;
    public HttpClient Http => _server.Http;
    public LibraryServer Served => _server;

    /// <summary>Options of the library beyond the test defaults; none for the embedded SQLite catalog.</summary>
    protected virtual IReadOnlyDictionary<string, string>? LibraryOptions => null;

    public async Task InitializeAsync()
    {
        Library = await TestLibrary.CreateWithCorpusAsync(LibraryOptions);
        FirstRun = await Library.IndexAsync();
        _server = await LibraryServer.StartAsync(Library);
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        await Library.DisposeAsync();
    }
}

/// <summary>The same corpus and server with the catalog in a new database on the test PostgreSQL server.</summary>
public sealed class PostgresCorpusFixture : CorpusFixture
{
    protected override IReadOnlyDictionary<string, string>? LibraryOptions => TestPostgres.Options();
}

[CollectionDefinition(Name)]
public sealed class CorpusGroup : ICollectionFixture<CorpusFixture>
{
    public const string Name = "corpus";
}
