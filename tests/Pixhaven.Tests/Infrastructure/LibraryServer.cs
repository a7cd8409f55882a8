using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Pixhaven.Core.Accounts;
using Pixhaven.Core.Model;
using Pixhaven.Hosting;

namespace Pixhaven.Tests.Infrastructure;

/// <summary>
/// The real server on a free loopback port over a test library, and a client for it signed in as an admin
/// (cookie and CSRF header, as the web app sends them).
/// </summary>
public sealed class LibraryServer : IAsyncDisposable
{
    public const string AdminName = "admin";
    public const string AdminPassword = "correct horse battery";

    private readonly List<HttpClient> _clients = [];

    private LibraryServer(WebApplication server, TestLibrary library)
    {
        Server = server;
        Library = library;
        BaseAddress = new Uri(server.Urls.First());
        Anonymous = NewClient();
    }

    public WebApplication Server { get; }
    public TestLibrary Library { get; }
    public Uri BaseAddress { get; }

    /// <summary>Signed in as <see cref="AdminName"/>.</summary>
    public HttpClient Http { get; private set; } = null!;

    /// <summary>No session at all.</summary>
    public HttpClient Anonymous { get; }

    /// <summary>The library's preview token, part of every thumbnail URL.</summary>
    public string PreviewToken { get; private set; } = "";

    /// <summary>The library's download token, part of every download URL of an original.</summary>
    public string DownloadToken { get; private set; } = "";

    public static async Task<LibraryServer> StartAsync(TestLibrary library)
    {
        var server = PixhavenServer.Build(library.Options);
        await server.StartAsync();
        var result = new LibraryServer(server, library);
        await result.EnsureUserAsync(AdminName, AdminPassword, UserRole.Admin);
        result.Http = await result.SignInAsync(AdminName, AdminPassword);
        result.PreviewToken = await server.Services.GetRequiredService<PreviewTokens>().CurrentAsync(CancellationToken.None);
        result.DownloadToken = await server.Services.GetRequiredService<DownloadTokens>().CurrentAsync(CancellationToken.None);
        return result;
    }

    public string ThumbnailPath(string hash, string size) => $"/api/v1/t/{hash}/{PreviewToken}/{size}";

    public async Task EnsureUserAsync(string name, string password, UserRole role)
    {
        var users = Server.Services.GetRequiredService<UserService>();
        if ((await users.ListAsync(CancellationToken.None)).All(u => u.Name != name))
        {
            await users.AddAsync(name, password, role, CancellationToken.None);
        }
    }

    /// <summary>A new client with its own cookies, signed in through the API, sending the session's CSRF token with every request.</summary>
    public async Task<HttpClient> SignInAsync(string name, string password)
    {
        var client = NewClient();
        using var response = await client.PostAsJsonAsync("/api/v1/session", new { name, password });
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"sign-in as {name}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }

        var csrf = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("csrfToken").GetString();
        client.DefaultRequestHeaders.Add("X-CSRF-Token", csrf);
        return client;
    }

    public HttpClient NewClient(CookieContainer? cookies = null)
    {
        var client = new HttpClient(new HttpClientHandler { CookieContainer = cookies ?? new CookieContainer(), UseCookies = true }) { BaseAddress = BaseAddress };
        _clients.Add(client);
        return client;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var client in _clients)
        {
            client.Dispose();
        }

        await Server.StopAsync();
        await Server.DisposeAsync();
    }
}
