using Microsoft.AspNetCore.Builder;
using Pixhaven.Core.Indexing;
using Pixhaven.Hosting;

namespace Pixhaven.Tests.Infrastructure;

/// <summary>The whole corpus indexed once into a real SQLite catalog, and a real server on a free loopback port.</summary>
public sealed class CorpusFixture : IAsyncLifetime
{
    public TestLibrary Library { get; private set; } = null!;
    public IndexResult FirstRun { get; private set; } = null!;
    public WebApplication Server { get; private set; } = null!;
    public Uri BaseAddress { get; private set; } = null!;
    public HttpClient Http { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Library = await TestLibrary.CreateWithCorpusAsync();
        FirstRun = await Library.IndexAsync();
        Server = await PixhavenServer.BuildAsync(Library.Options);
        await Server.StartAsync();
        BaseAddress = new Uri(Server.Urls.First());
        Http = new HttpClient { BaseAddress = BaseAddress };
    }

    public async Task DisposeAsync()
    {
        Http.Dispose();
        await Server.StopAsync();
        await Server.DisposeAsync();
        await Library.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class CorpusGroup : ICollectionFixture<CorpusFixture>
{
    public const string Name = "corpus";
}
