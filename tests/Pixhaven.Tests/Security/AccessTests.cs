using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Pixhaven.Core.Model;
using Pixhaven.Tests.Infrastructure;

namespace Pixhaven.Tests.Security;

/// <summary>Who may call what: every route refuses strangers, viewers cannot write, tokens keep to their scopes.</summary>
public sealed class AccessTests : IAsyncLifetime
{
    private const string ViewerPassword = "viewer password 1";

    /// <summary>
    /// The endpoints anyone may call, each for a reason: health checks, signing in, first setup, cacheable thumbnails and
    /// download links (the library's preview or download token in the path is the credential).
    /// </summary>
    private static readonly HashSet<string> PublicRoutes =
    [
        "GET /api/v1/status", "POST /api/v1/session", "POST /api/v1/setup", "GET /api/v1/t/{hash}/{token}/{size}",
        "HEAD /api/v1/t/{hash}/{token}/{size}", "GET /api/v1/dl/{hash}/{token}", "HEAD /api/v1/dl/{hash}/{token}", "GET /api/v1/openapi.json",
        // Share links: the token in the path is the credential, and SharingTests keep each link to its own photos.
        "GET /api/v1/s/{token}", "POST /api/v1/s/{token}/unlock", "GET /api/v1/s/{token}/photos", "GET /api/v1/s/{token}/photos/{uid}/t/{size}",
        "HEAD /api/v1/s/{token}/photos/{uid}/t/{size}", "GET /api/v1/s/{token}/photos/{uid}/download", "HEAD /api/v1/s/{token}/photos/{uid}/download",
        "GET /api/v1/s/{token}/photos/{uid}/video", "HEAD /api/v1/s/{token}/photos/{uid}/video", "GET /api/v1/s/{token}/photos/{uid}/video/progress",
        "GET /api/v1/s/{token}/photos/{uid}/animation", "HEAD /api/v1/s/{token}/photos/{uid}/animation",
    ];

    /// <summary>Writes a viewer may make: to their own sessions, and preparing a download (which changes nothing).</summary>
    private static readonly HashSet<string> ViewerWrites =
        ["DELETE /api/v1/session", "DELETE /api/v1/sessions/{uid}", "POST /api/v1/app-passwords", "POST /api/v1/batch/photos/zip"];

    private TestLibrary _library = null!;
    private LibraryServer _server = null!;
    private HttpClient _viewer = null!;

    public async Task InitializeAsync()
    {
        _library = await TestLibrary.CreateAsync([TestPhotos.CanonJpeg]);
        await _library.IndexAsync();
        _server = await LibraryServer.StartAsync(_library);
        await _server.EnsureUserAsync("viewer", ViewerPassword, UserRole.Viewer);
        _viewer = await _server.SignInAsync("viewer", ViewerPassword);
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        await _library.DisposeAsync();
    }

    private List<(string Method, string Pattern)> Routes()
    {
        var routes = _server.Server.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/", StringComparison.Ordinal) == true && !e.RoutePattern.RawText.Contains('*', StringComparison.Ordinal))
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? []).Select(m => (m, e.RoutePattern.RawText!)))
            .ToList();
        Assert.True(routes.Count >= 40, $"only {routes.Count} API routes found");
        return routes;
    }

    private static HttpRequestMessage Request(string method, string pattern)
    {
        var path = System.Text.RegularExpressions.Regex.Replace(pattern, @"\{[^}]+\}", "pnotathing000000");
        return new HttpRequestMessage(new HttpMethod(method), path) { Content = method is "GET" or "HEAD" ? null : JsonContent.Create(new { }) };
    }

    [Fact]
    public async Task EveryRoute_RefusesAnonymousCallers_ExceptTheDocumentedPublicOnes()
    {
        var open = new List<string>();
        foreach (var (method, pattern) in Routes())
        {
            var route = $"{method} {pattern}";
            using var response = await _server.Anonymous.SendAsync(Request(method, pattern));
            // The challenge says "sign in first"; a public route may still answer 401 for its own reason (a wrong password).
            var challenged = response.StatusCode == HttpStatusCode.Unauthorized
                && (method == "HEAD" || (await response.Content.ReadAsStringAsync()).Contains("sign in first", StringComparison.Ordinal));
            if (PublicRoutes.Contains(route))
            {
                Assert.False(challenged, $"{route} is public but asks to sign in");
            }
            else if (!challenged)
            {
                open.Add($"{route} -> {(int)response.StatusCode}");
            }
        }

        Assert.Empty(open);
    }

    [Fact]
    public async Task EveryWriteRoute_RefusesViewers_ExceptTheirOwnSessions()
    {
        var allowed = new List<string>();
        foreach (var (method, pattern) in Routes().Where(r => r.Method is not ("GET" or "HEAD")))
        {
            var route = $"{method} {pattern}";
            if (PublicRoutes.Contains(route) || ViewerWrites.Contains(route))
            {
                continue;
            }

            using var response = await _viewer.SendAsync(Request(method, pattern));
            if (response.StatusCode != HttpStatusCode.Forbidden)
            {
                allowed.Add($"{route} -> {(int)response.StatusCode}");
            }
        }

        Assert.Empty(allowed);
    }

    [Fact]
    public async Task Viewer_CanBrowseAndDownload()
    {
        using var list = await _viewer.GetAsync("/api/v1/photos");
        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        var uid = JsonDocument.Parse(await list.Content.ReadAsStringAsync()).RootElement.GetProperty("photos")[0].GetProperty("uid").GetString();
        using var download = await _viewer.GetAsync($"/api/v1/photos/{uid}/download");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
    }

    [Fact]
    public async Task CookieWrite_WithoutTheCsrfHeader_IsRefused()
    {
        var cookies = new CookieContainer();
        var client = _server.NewClient(cookies);
        using (var signIn = await client.PostAsJsonAsync("/api/v1/session", new { name = LibraryServer.AdminName, password = LibraryServer.AdminPassword }))
        {
            Assert.Equal(HttpStatusCode.OK, signIn.StatusCode);
        }

        using var forged = await client.PostAsJsonAsync("/api/v1/albums", new { title = "forged" });
        Assert.Equal(HttpStatusCode.Forbidden, forged.StatusCode);
        Assert.Contains("X-CSRF-Token", await forged.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var fromElsewhere = new HttpRequestMessage(HttpMethod.Post, "/api/v1/albums") { Content = JsonContent.Create(new { title = "cross-site" }) };
        fromElsewhere.Headers.Add("Origin", "https://evil.example");
        using var crossSite = await _server.Http.SendAsync(fromElsewhere);
        Assert.Equal(HttpStatusCode.Forbidden, crossSite.StatusCode);

        using var honest = await _server.Http.PostAsJsonAsync("/api/v1/albums", new { title = "honest" });
        Assert.Equal(HttpStatusCode.Created, honest.StatusCode);
    }

    [Fact]
    public async Task AppPasswords_KeepToTheirScopes()
    {
        var read = await CreateAppPasswordAsync("script", "read");
        using var bearer = _server.NewClient();
        bearer.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", read);
        Assert.Equal(HttpStatusCode.OK, (await bearer.GetAsync("/api/v1/photos")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await bearer.PostAsJsonAsync("/api/v1/albums", new { title = "x" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await bearer.PostAsJsonAsync("/api/v1/app-passwords", new { name = "escalate", scopes = new[] { "all" } })).StatusCode);

        var all = await CreateAppPasswordAsync("sync", "all");
        using var basic = _server.NewClient();
        basic.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"anyone:{all}")));
        Assert.Equal(HttpStatusCode.Created, (await basic.PostAsJsonAsync("/api/v1/albums", new { title = "from a script" })).StatusCode);

        var webdav = await CreateAppPasswordAsync("phone", "webdav");
        using var davOnly = _server.NewClient();
        davOnly.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", webdav);
        Assert.Equal(HttpStatusCode.Forbidden, (await davOnly.GetAsync("/api/v1/photos")).StatusCode);

        // A browser session's token is only good as a cookie, so a stolen cookie value cannot skip the CSRF check.
        using var session = _server.NewClient();
        var sessionToken = await SessionCookieAsync();
        session.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", sessionToken);
        Assert.Equal(HttpStatusCode.Unauthorized, (await session.GetAsync("/api/v1/photos")).StatusCode);
    }

    [Fact]
    public async Task Sessions_AreListed_AndARevokedOneStopsWorking()
    {
        var other = await _server.SignInAsync(LibraryServer.AdminName, LibraryServer.AdminPassword);
        var sessions = JsonDocument.Parse(await other.GetStringAsync("/api/v1/sessions")).RootElement.EnumerateArray().ToList();
        var current = sessions.Single(s => s.GetProperty("current").GetBoolean());
        Assert.True(sessions.Count >= 2);

        using var revoke = await _server.Http.DeleteAsync($"/api/v1/sessions/{current.GetProperty("uid").GetString()}");
        Assert.Equal(HttpStatusCode.NoContent, revoke.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await other.GetAsync("/api/v1/photos")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _server.Http.GetAsync("/api/v1/photos")).StatusCode);
    }

    [Fact]
    public async Task SignOut_EndsTheSession()
    {
        var client = await _server.SignInAsync("viewer", ViewerPassword);
        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync("/api/v1/session")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/v1/photos")).StatusCode);
    }

    [Fact]
    public async Task SessionCookie_IsHttpOnly_SameSiteStrict_AndOnlyItsDigestIsStored()
    {
        using var client = new HttpClient(new HttpClientHandler { UseCookies = false }) { BaseAddress = _server.BaseAddress };
        using var response = await client.PostAsJsonAsync("/api/v1/session", new { name = "viewer", password = ViewerPassword });
        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("pixhaven_session=", StringComparison.Ordinal));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("secure", cookie, StringComparison.OrdinalIgnoreCase); // plain HTTP on loopback

        var token = cookie["pixhaven_session=".Length..cookie.IndexOf(';', StringComparison.Ordinal)];
        await using var db = _library.OpenCatalog();
        Assert.False(await db.Sessions.AnyAsync(s => s.TokenHash == token));
        Assert.True(await db.Sessions.AnyAsync(s => s.TokenHash == Core.Accounts.Secrets.Digest(token)));
    }

    [Fact]
    public async Task Thumbnails_NeedThePreviewToken_AndRotatingItRetiresOldUrls()
    {
        await using var db = _library.OpenCatalog();
        var hash = (await db.Files.FirstAsync(f => f.Hash != null)).Hash!;
        var before = _server.ThumbnailPath(hash, "tile_224");
        Assert.Equal(HttpStatusCode.OK, (await _server.Anonymous.GetAsync(before)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _server.Anonymous.GetAsync($"/api/v1/t/{hash}/wrongtoken00/tile_224")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await _viewer.PostAsync("/api/v1/preview-token", null)).StatusCode);

        using var rotate = await _server.Http.PostAsync("/api/v1/preview-token", null);
        var fresh = JsonDocument.Parse(await rotate.Content.ReadAsStringAsync()).RootElement.GetProperty("previewToken").GetString();
        Assert.Equal(HttpStatusCode.NotFound, (await _server.Anonymous.GetAsync(before)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _server.Anonymous.GetAsync($"/api/v1/t/{hash}/{fresh}/tile_224")).StatusCode);
        var session = JsonDocument.Parse(await _viewer.GetStringAsync("/api/v1/session")).RootElement;
        Assert.Equal(fresh, session.GetProperty("previewToken").GetString());
    }

    [Fact]
    public async Task Downloads_NeedTheDownloadToken_NotThePreviewToken_AndRotatingRetiresOldUrls()
    {
        await using var db = _library.OpenCatalog();
        var file = await db.Files.FirstAsync(f => f.Hash != null && f.Primary);
        var session = JsonDocument.Parse(await _viewer.GetStringAsync("/api/v1/session")).RootElement;
        var (preview, download) = (session.GetProperty("previewToken").GetString(), session.GetProperty("downloadToken").GetString());
        Assert.NotEqual(preview, download);

        var url = $"/api/v1/dl/{file.Hash}/{download}";
        using (var response = await _server.Anonymous.GetAsync(url))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(await File.ReadAllBytesAsync(_library.OriginalPath(file.Path)), await response.Content.ReadAsByteArrayAsync());
            Assert.Equal(Path.GetFileName(file.Path), response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        }

        // A thumbnail URL, which may sit in a proxy cache or a browser history, does not open the original.
        Assert.Equal(HttpStatusCode.NotFound, (await _server.Anonymous.GetAsync($"/api/v1/dl/{file.Hash}/{preview}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _server.Anonymous.GetAsync($"/api/v1/dl/{new string('0', file.Hash!.Length)}/{download}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _server.Anonymous.GetAsync($"/api/v1/dl/..%2F..%2Fetc%2Fpasswd/{download}")).StatusCode);

        using var rotate = await _server.Http.PostAsync("/api/v1/preview-token", null);
        var fresh = JsonDocument.Parse(await rotate.Content.ReadAsStringAsync()).RootElement.GetProperty("downloadToken").GetString();
        Assert.NotEqual(download, fresh);
        Assert.Equal(HttpStatusCode.NotFound, (await _server.Anonymous.GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _server.Anonymous.GetAsync($"/api/v1/dl/{file.Hash}/{fresh}")).StatusCode);
    }

    [Fact]
    public async Task Status_TellsStrangersOnlyTheVersion()
    {
        var anonymous = JsonDocument.Parse(await _server.Anonymous.GetStringAsync("/api/v1/status")).RootElement;
        Assert.False(string.IsNullOrEmpty(anonymous.GetProperty("version").GetString()));
        Assert.Equal(JsonValueKind.Null, anonymous.GetProperty("counts").ValueKind);
        Assert.Equal(JsonValueKind.Null, anonymous.GetProperty("database").ValueKind);
        var signedIn = JsonDocument.Parse(await _viewer.GetStringAsync("/api/v1/status")).RootElement;
        Assert.Equal(1, signedIn.GetProperty("counts").GetProperty("photos").GetInt32());
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/api/v1/status")]
    [InlineData("/api/v1/photos")]
    public async Task EveryAnswer_CarriesTheSecurityHeaders(string path)
    {
        using var response = await _server.Anonymous.GetAsync(path);
        var csp = string.Join(' ', response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline'; img", csp.Replace("style-src 'self' 'unsafe-inline'; img", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("same-origin", response.Headers.GetValues("Referrer-Policy").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
    }

    private async Task<string> CreateAppPasswordAsync(string name, string scope)
    {
        using var response = await _server.Http.PostAsJsonAsync("/api/v1/app-passwords", new { name, scopes = new[] { scope } });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("token").GetString()!;
    }

    private async Task<string> SessionCookieAsync()
    {
        using var client = new HttpClient(new HttpClientHandler { UseCookies = false }) { BaseAddress = _server.BaseAddress };
        using var response = await client.PostAsJsonAsync("/api/v1/session", new { name = "viewer", password = ViewerPassword });
        var cookie = response.Headers.GetValues("Set-Cookie").Single();
        return cookie["pixhaven_session=".Length..cookie.IndexOf(';', StringComparison.Ordinal)];
    }
}
