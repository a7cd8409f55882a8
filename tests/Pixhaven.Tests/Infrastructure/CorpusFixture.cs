using Microsoft.AspNetCore.Builder;
using Pixhaven.Core.Indexing;

namespace Pixhaven.Tests.Infrastructure;

/// <summary>The whole corpus indexed once into a real SQLite catalog, and a real server on a free loopback port.</summary>
public sealed class CorpusFixture : IAsyncLifetime
{
    public TestLibrary Library { get; private set; } = null!;
    public IndexResult FirstRun { get; private set; } = null!;
    private LibraryServer _server = null!;

    public WebApplication Server => _server.Server;
    public Uri BaseAddress => _server.BaseAddress;
    public HttpClient Http => _server.Http;
    public LibraryServer Served => _server;

    public async Task InitializeAsync()
    {
        Library = await TestLibrary.CreateWithCorpusAsync();
        FirstRun = await Library.IndexAsync();
        _server = await LibraryServer.StartAsync(Library);
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        await Library.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class CorpusGroup : ICollectionFixture<CorpusFixture>
{
    public const string Name = "corpus";
}
