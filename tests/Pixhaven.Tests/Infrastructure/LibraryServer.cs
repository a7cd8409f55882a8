using Microsoft.AspNetCore.Builder;
using Pixhaven.Hosting;

namespace Pixhaven.Tests.Infrastructure;

/// <summary>The real server on a free loopback port over a test library, and a client for it.</summary>
public sealed class LibraryServer : IAsyncDisposable
{
    private LibraryServer(WebApplication server, HttpClient http)
    {
        Server = server;
        Http = http;
        BaseAddress = http.BaseAddress!;
    }

    public WebApplication Server { get; }
    public HttpClient Http { get; }
    public Uri BaseAddress { get; }

    public static async Task<LibraryServer> StartAsync(TestLibrary library)
    {
        var server = await PixhavenServer.BuildAsync(library.Options);
        await server.StartAsync();
        return new LibraryServer(server, new HttpClient { BaseAddress = new Uri(server.Urls.First()) });
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Server.StopAsync();
        await Server.DisposeAsync();
    }
}
