using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Pixhaven.Core.Accounts;
using Pixhaven.Core.Model;
using Pixhaven.Hosting;
using Pixhaven.Tests.Infrastructure;

namespace Pixhaven.Tests.Security;

/// <summary>Accounts end to end: the first admin, throttled sign-in, the modes, and the <c>users</c> verb.</summary>
public sealed class AccountTests
{
    [Fact]
    public async Task RepeatedWrongPasswords_LockTheAccount_WithRetryAfter_EvenForTheRightPassword()
    {
        await using var library = await TestLibrary.CreateAsync([]);
        await using var server = await LibraryServer.StartAsync(library);
        for (var i = 1; i < LoginThrottle.AccountFailures; i++)
        {
            using var wrong = await server.Anonymous.PostAsJsonAsync("/api/v1/session", new { name = "admin", password = $"guess {i}" });
            Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        }

        using var locked = await server.Anonymous.PostAsJsonAsync("/api/v1/session", new { name = "admin", password = "guess 5" });
        Assert.Equal(HttpStatusCode.TooManyRequests, locked.StatusCode);
        Assert.True(locked.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        Assert.Contains("try again in", await locked.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var right = await server.Anonymous.PostAsJsonAsync("/api/v1/session", new { name = "admin", password = LibraryServer.AdminPassword });
        Assert.Equal(HttpStatusCode.TooManyRequests, right.StatusCode);

        // Another account from the same address is not locked with it (until the address itself fails too often).
        await server.EnsureUserAsync("other", "other password", UserRole.Viewer);
        using var other = await server.Anonymous.PostAsJsonAsync("/api/v1/session", new { name = "other", password = "other password" });
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
    }

    [Fact]
    public async Task AnAddressThatKeepsFailing_IsRefused_WhateverNameItTries()
    {
        await using var library = await TestLibrary.CreateAsync([]);
        await using var server = await LibraryServer.StartAsync(library);
        for (var i = 0; i < LoginThrottle.AddressFailures; i++)
        {
            using var wrong = await server.Anonymous.PostAsJsonAsync("/api/v1/session", new { name = $"nobody{i}", password = "whatever1" });
            Assert.Equal(i < LoginThrottle.AddressFailures - 1 ? HttpStatusCode.Unauthorized : HttpStatusCode.TooManyRequests, wrong.StatusCode);
        }

        using var admin = await server.Anonymous.PostAsJsonAsync("/api/v1/session", new { name = "admin", password = LibraryServer.AdminPassword });
        Assert.Equal(HttpStatusCode.TooManyRequests, admin.StatusCode);
    }

    [Fact]
    public async Task FirstStart_WithAdminPassword_CreatesTheAdmin()
    {
        await using var library = await TestLibrary.CreateAsync([], new Dictionary<string, string> { ["admin-password"] = "first admin pw" });
        await using var app = PixhavenServer.Build(library.Options);
        await app.StartAsync();
        var users = await app.Services.GetRequiredService<UserService>().ListAsync(CancellationToken.None);
        Assert.Equal(("admin", UserRole.Admin), (users.Single().Name, users.Single().Role));
        Assert.Null(app.Services.GetRequiredService<FirstAdmin>().SetupToken);
    }

    [Fact]
    public async Task FirstStart_WithoutAdminPassword_OffersAOneTimeSetupLink()
    {
        await using var library = await TestLibrary.CreateAsync([]);
        await using var app = PixhavenServer.Build(library.Options);
        await app.StartAsync();
        var token = app.Services.GetRequiredService<FirstAdmin>().SetupToken;
        Assert.False(string.IsNullOrEmpty(token));
        using var http = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };

        using var wrong = await http.PostAsJsonAsync("/api/v1/setup", new { token = "guessed", name = "admin", password = "setup password" });
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        using var shortPassword = await http.PostAsJsonAsync("/api/v1/setup", new { token, name = "admin", password = "short" });
        Assert.Equal(HttpStatusCode.BadRequest, shortPassword.StatusCode); // the token survives a refused password
        using var created = await http.PostAsJsonAsync("/api/v1/setup", new { token, name = "boss", password = "setup password" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        using var again = await http.PostAsJsonAsync("/api/v1/setup", new { token, name = "second", password = "setup password" });
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);

        using var signIn = await http.PostAsJsonAsync("/api/v1/session", new { name = "boss", password = "setup password" });
        Assert.Equal(HttpStatusCode.OK, signIn.StatusCode);
        Assert.Equal("Admin", JsonDocument.Parse(await signIn.Content.ReadAsStringAsync()).RootElement.GetProperty("user").GetProperty("role").GetString(), ignoreCase: true);
        await app.StopAsync();
    }

    [Fact]
    public async Task ReadOnlyMode_RefusesChanges_ButSigningInWorks()
    {
        await using var library = await TestLibrary.CreateAsync([], new Dictionary<string, string> { ["read-only"] = "true" });
        await using var server = await LibraryServer.StartAsync(library);
        using var album = await server.Http.PostAsJsonAsync("/api/v1/albums", new { title = "x" });
        Assert.Equal(HttpStatusCode.Forbidden, album.StatusCode);
        Assert.Contains("read-only", await album.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var index = await server.Http.PostAsync("/api/v1/index", null);
        Assert.Equal(HttpStatusCode.Forbidden, index.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await server.Http.GetAsync("/api/v1/photos")).StatusCode);
        await using var db = library.OpenCatalog();
        Assert.Equal(0, await db.Albums.CountAsync());
    }

    [Fact]
    public async Task PublicMode_NeedsNoSignIn()
    {
        await using var library = await TestLibrary.CreateAsync([], new Dictionary<string, string> { ["auth-mode"] = "public" });
        await using var server = await LibraryServer.StartAsync(library);
        Assert.Equal(HttpStatusCode.OK, (await server.Anonymous.GetAsync("/api/v1/photos")).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await server.Anonymous.PostAsJsonAsync("/api/v1/albums", new { title = "open" })).StatusCode);
        var session = JsonDocument.Parse(await server.Anonymous.GetStringAsync("/api/v1/session")).RootElement;
        Assert.Equal("public", session.GetProperty("authMode").GetString());
    }

    [Fact]
    public async Task UsersVerb_AddsListsChangesAndRemoves_AndKeepsTheLastAdmin()
    {
        var folder = Directory.CreateTempSubdirectory("pixhaven-users-").FullName;
        try
        {
            var add = await CliRunner.RunWithInputAsync(folder, "first password\n", null, "users", "add", "Alice", "--role", "admin", "--password-stdin");
            Assert.True(add.ExitCode == 0, add.Output + add.Errors);
            Assert.Equal(0, (await CliRunner.RunWithInputAsync(folder, "bob password\n", null, "users", "add", "bob", "--password-stdin")).ExitCode);

            var duplicate = await CliRunner.RunWithInputAsync(folder, "another pw\n", null, "users", "add", "alice", "--password-stdin");
            Assert.Equal(2, duplicate.ExitCode);
            Assert.Contains("already exists", duplicate.Output, StringComparison.Ordinal);
            var weak = await CliRunner.RunWithInputAsync(folder, "short\n", null, "users", "add", "carol", "--password-stdin");
            Assert.Contains("at least 8", weak.Output, StringComparison.Ordinal);
            var noTerminal = await CliRunner.RunAsync(folder, null, "users", "add", "dave");
            Assert.Contains("--password-stdin", noTerminal.Output, StringComparison.Ordinal);

            Assert.Equal(0, (await CliRunner.RunAsync(folder, null, "users", "roles", "bob", "viewer")).ExitCode);
            var list = await CliRunner.RunAsync(folder, null, "users", "list");
            Assert.Matches(@"alice\s*│\s*admin", list.Output);
            Assert.Matches(@"bob\s*│\s*viewer", list.Output);
            Assert.DoesNotContain("carol", list.Output, StringComparison.Ordinal);

            var lastAdmin = await CliRunner.RunAsync(folder, null, "users", "remove", "alice");
            Assert.Equal(2, lastAdmin.ExitCode);
            Assert.Contains("last admin", lastAdmin.Output, StringComparison.Ordinal);

            Assert.Equal(0, (await CliRunner.RunWithInputAsync(folder, "new password\n", null, "users", "passwd", "bob", "--password-stdin")).ExitCode);
            Assert.Equal(0, (await CliRunner.RunAsync(folder, null, "users", "remove", "bob")).ExitCode);
            Assert.DoesNotContain("bob", (await CliRunner.RunAsync(folder, null, "users", "list")).Output, StringComparison.Ordinal);

            var token = await CliRunner.RunAsync(folder, null, "users", "app-password", "alice", "backup script", "--scope", "read");
            Assert.Equal(0, token.ExitCode);
            Assert.Matches(@"^[A-Za-z0-9_-]{43}\s*$", token.Output);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task NewPassword_EndsTheUsersSessions()
    {
        await using var library = await TestLibrary.CreateAsync([]);
        await using var server = await LibraryServer.StartAsync(library);
        await server.EnsureUserAsync("erin", "erin password", UserRole.User);
        var erin = await server.SignInAsync("erin", "erin password");
        using var change = await server.Http.PatchAsJsonAsync("/api/v1/users/erin", new { password = "erin's new password" });
        Assert.Equal(HttpStatusCode.NoContent, change.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await erin.GetAsync("/api/v1/photos")).StatusCode);
        await server.SignInAsync("erin", "erin's new password");
    }

    [Fact]
    public async Task SessionCookie_IsSecure_BehindATrustedTlsProxy_Only()
    {
        await using var library = await TestLibrary.CreateAsync([], new Dictionary<string, string> { ["trusted-proxies"] = "127.0.0.1" });
        await using var server = await LibraryServer.StartAsync(library);
        await using var untrusting = await TestLibrary.CreateAsync([]);
        await using var direct = await LibraryServer.StartAsync(untrusting);

        foreach (var (target, secure) in new[] { (server, true), (direct, false) })
        {
            using var client = new HttpClient(new HttpClientHandler { UseCookies = false }) { BaseAddress = target.BaseAddress };
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/session")
            {
                Content = JsonContent.Create(new { name = LibraryServer.AdminName, password = LibraryServer.AdminPassword }),
            };
            request.Headers.Add("X-Forwarded-Proto", "https");
            using var response = await client.SendAsync(request);
            var cookie = response.Headers.GetValues("Set-Cookie").Single();
            Assert.Equal(secure, cookie.Contains("secure", StringComparison.OrdinalIgnoreCase));
        }
    }

    [Fact]
    public async Task Sessions_EndWhenIdle_AndAtTheirMaximumAge()
    {
        await using var library = await TestLibrary.CreateAsync([]);
        await using var server = await LibraryServer.StartAsync(library);
        var idle = await server.SignInAsync(LibraryServer.AdminName, LibraryServer.AdminPassword);
        var old = await server.SignInAsync(LibraryServer.AdminName, LibraryServer.AdminPassword);
        var uids = new Dictionary<HttpClient, string>();
        foreach (var client in new[] { idle, old })
        {
            var list = JsonDocument.Parse(await client.GetStringAsync("/api/v1/sessions")).RootElement;
            uids[client] = list.EnumerateArray().Single(s => s.GetProperty("current").GetBoolean()).GetProperty("uid").GetString()!;
        }

        var options = library.Options.Values;
        await using (var db = library.OpenCatalog())
        {
            await db.Sessions.Where(s => s.Uid == uids[idle])
                .ExecuteUpdateAsync(u => u.SetProperty(s => s.LastSeenAt, DateTime.UtcNow.AddHours(-options.SessionIdleHours - 1)));
            await db.Sessions.Where(s => s.Uid == uids[old])
                .ExecuteUpdateAsync(u => u.SetProperty(s => s.ExpiresAt, DateTime.UtcNow.AddMinutes(-1)));
        }

        Assert.Equal(HttpStatusCode.Unauthorized, (await idle.GetAsync("/api/v1/photos")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await old.GetAsync("/api/v1/photos")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await server.Http.GetAsync("/api/v1/photos")).StatusCode);
        await using (var db = library.OpenCatalog())
        {
            Assert.False(await db.Sessions.AnyAsync(s => s.Uid == uids[idle] || s.Uid == uids[old])); // ended sessions are deleted
        }
    }
}
