using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Pixhaven.Tests.Infrastructure;

namespace Pixhaven.Tests.Security;

/// <summary>Share links reach what they share and nothing else; passwords, expiry, view-only and revocation hold.</summary>
public sealed class SharingTests : IAsyncLifetime
{
    private TestLibrary _library = null!;
    private LibraryServer _server = null!;
    private List<string> _uids = [];
    private string _albumUid = "";

    private const string Video = "video/with-gps.mp4";
    private const string Animation = "webp/Animation_Lossless.webp";

    public async Task InitializeAsync()
    {
        string[] files = [TestPhotos.CanonJpeg, TestPhotos.GpsJpeg, TestPhotos.OffsetJpeg, TestPhotos.Rotated, Video, Animation];
        _library = await TestLibrary.CreateAsync(files);
        await _library.IndexAsync();
        _server = await LibraryServer.StartAsync(_library);
        // In the order of the files above: files are indexed in parallel, so photo ids follow no fixed order.
        await using var db = _library.OpenCatalog();
        var byPath = await db.Files.Where(f => f.Photo != null).Select(f => new { f.Path, f.Photo!.Uid }).ToDictionaryAsync(f => f.Path, f => f.Uid);
        _uids = files.Select(f => byPath[f]).ToList();
        using var album = await _server.Http.PostAsJsonAsync("/api/v1/albums", new { title = "Holiday" });
        _albumUid = (await Json(album)).GetProperty("uid").GetString()!;
        await _server.Http.PostAsJsonAsync($"/api/v1/albums/{_albumUid}/photos", new { photos = _uids.Take(2) });
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        await _library.DisposeAsync();
    }

    [Fact]
    public async Task AlbumLink_ShowsTheAlbumsPhotos_AndNothingElse()
    {
        var (token, shareUid) = await ShareAsync(new { album = _albumUid });
        var guest = _server.Anonymous;

        var info = await Json(await guest.GetAsync($"/api/v1/s/{token}"));
        Assert.Equal(("Holiday", 2, false), (info.GetProperty("title").GetString(), info.GetProperty("photos").GetInt32(), info.GetProperty("allowDownload").GetBoolean()));
        var shown = (await Json(await guest.GetAsync($"/api/v1/s/{token}/photos"))).GetProperty("photos").EnumerateArray().Select(p => p.GetProperty("uid").GetString()).ToList();
        Assert.Equal(_uids.Take(2).Order(), shown.Order());
        Assert.DoesNotContain("thumbnailHash", (await guest.GetStringAsync($"/api/v1/s/{token}/photos")), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.OK, (await guest.GetAsync($"/api/v1/s/{token}/photos/{_uids[0]}/t/tile_224")).StatusCode);
        var outside = _uids[3];
        Assert.Equal(HttpStatusCode.NotFound, (await guest.GetAsync($"/api/v1/s/{token}/photos/{outside}/t/tile_224")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await guest.GetAsync($"/api/v1/s/{token}/photos/{_uids[0]}/download")).StatusCode); // view-only
        foreach (var path in new[] { "/api/v1/photos", $"/api/v1/photos/{_uids[0]}", $"/api/v1/photos/{outside}/download", "/api/v1/albums", $"/api/v1/albums/{_albumUid}/photos", "/api/v1/photos/facets", "/api/v1/photos/years" })
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await guest.GetAsync(path)).StatusCode);
        }

        // Visits are counted for the owner.
        var listed = (await Json(await _server.Http.GetAsync("/api/v1/shares"))).EnumerateArray().Single(s => s.GetProperty("uid").GetString() == shareUid);
        Assert.Equal(1, listed.GetProperty("visits").GetInt32());

        // The link follows the album: a photo added later shows, a private one never does.
        await _server.Http.PostAsJsonAsync($"/api/v1/albums/{_albumUid}/photos", new { photos = new[] { _uids[2] } });
        Assert.Equal(HttpStatusCode.OK, (await _server.Http.PatchAsJsonAsync($"/api/v1/photos/{_uids[0]}", new { @private = true })).StatusCode);
        shown = (await Json(await guest.GetAsync($"/api/v1/s/{token}/photos"))).GetProperty("photos").EnumerateArray().Select(p => p.GetProperty("uid").GetString()).ToList();
        Assert.Equal(new[] { _uids[1], _uids[2] }.Order(), shown.Order());
        Assert.Equal(HttpStatusCode.NotFound, (await guest.GetAsync($"/api/v1/s/{token}/photos/{_uids[0]}/t/tile_224")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _server.Http.PatchAsJsonAsync($"/api/v1/photos/{_uids[0]}", new { @private = false })).StatusCode);
    }

    [Fact]
    public async Task SelectionLink_WithPasswordAndDownload()
    {
        var (token, _) = await ShareAsync(new { photos = new[] { _uids[3] }, password = "guest password", allowDownload = true });
        var guest = _server.NewClient();
        Assert.True((await Json(await guest.GetAsync($"/api/v1/s/{token}"))).GetProperty("needsPassword").GetBoolean());
        Assert.Equal(HttpStatusCode.Unauthorized, (await guest.GetAsync($"/api/v1/s/{token}/photos")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await guest.PostAsJsonAsync($"/api/v1/s/{token}/unlock", new { password = "wrong" })).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await guest.PostAsJsonAsync($"/api/v1/s/{token}/unlock", new { password = "guest password" })).StatusCode);

        Assert.Single((await Json(await guest.GetAsync($"/api/v1/s/{token}/photos"))).GetProperty("photos").EnumerateArray());
        using var download = await guest.GetAsync($"/api/v1/s/{token}/photos/{_uids[3]}/download");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(File.ReadAllBytes(_library.OriginalPath(TestPhotos.Rotated)), await download.Content.ReadAsByteArrayAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await guest.GetAsync($"/api/v1/s/{token}/photos/{_uids[0]}/download")).StatusCode);

        // The unlock cookie belongs to this link only.
        var (other, _) = await ShareAsync(new { photos = new[] { _uids[2] }, password = "another password" });
        Assert.Equal(HttpStatusCode.Unauthorized, (await guest.GetAsync($"/api/v1/s/{other}/photos")).StatusCode);
    }

    [Fact]
    public async Task AViewOnlyLink_PlaysItsVideosAndAnimations_AndNoOtherPhotos()
    {
        var (video, animation) = (_uids[4], _uids[5]);
        var (token, _) = await ShareAsync(new { photos = new[] { video, animation } });
        var guest = _server.Anonymous;
        var animated = (await Json(await guest.GetAsync($"/api/v1/s/{token}/photos"))).GetProperty("photos").EnumerateArray()
            .ToDictionary(p => p.GetProperty("uid").GetString()!, p => p.GetProperty("animated").GetBoolean());
        Assert.Equal(new Dictionary<string, bool> { [video] = false, [animation] = true }, animated);

        // Watching is viewing: the H.264 original plays as it is, with its conversion state, and the animation too.
        using (var played = await guest.GetAsync($"/api/v1/s/{token}/photos/{video}/video"))
        {
            Assert.Equal(HttpStatusCode.OK, played.StatusCode);
            Assert.Equal(await File.ReadAllBytesAsync(_library.OriginalPath(Video)), await played.Content.ReadAsByteArrayAsync());
        }

        Assert.False((await Json(await guest.GetAsync($"/api/v1/s/{token}/photos/{video}/video/progress"))).GetProperty("converting").GetBoolean());
        using (var moving = await guest.GetAsync($"/api/v1/s/{token}/photos/{animation}/animation"))
        {
            Assert.Equal(await File.ReadAllBytesAsync(_library.OriginalPath(Animation)), await moving.Content.ReadAsByteArrayAsync());
        }

        // Through another link, or outside any, none of them plays.
        var (other, _) = await ShareAsync(new { photos = new[] { _uids[0] } });
        foreach (var path in new[] { $"/api/v1/s/{other}/photos/{video}/video", $"/api/v1/s/{other}/photos/{video}/video/progress", $"/api/v1/s/{other}/photos/{animation}/animation" })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await guest.GetAsync(path)).StatusCode);
        }

        Assert.Equal(HttpStatusCode.Unauthorized, (await guest.GetAsync($"/api/v1/photos/{video}/video")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await guest.GetAsync($"/api/v1/photos/{animation}/animation")).StatusCode);
    }

    [Fact]
    public async Task RevokedAndExpiredLinks_StopWorking()
    {
        var (token, uid) = await ShareAsync(new { album = _albumUid });
        Assert.Equal(HttpStatusCode.OK, (await _server.Anonymous.GetAsync($"/api/v1/s/{token}/photos")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await _server.Http.DeleteAsync($"/api/v1/shares/{uid}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _server.Anonymous.GetAsync($"/api/v1/s/{token}/photos")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _server.Anonymous.GetAsync($"/api/v1/s/{token}/photos/{_uids[0]}/t/tile_224")).StatusCode);

        var (expiring, expiringUid) = await ShareAsync(new { album = _albumUid, expiresAt = DateTime.UtcNow.AddHours(1) });
        Assert.Equal(HttpStatusCode.OK, (await _server.Anonymous.GetAsync($"/api/v1/s/{expiring}")).StatusCode);
        await using (var db = _library.OpenCatalog())
        {
            await db.ShareLinks.Where(s => s.Uid == expiringUid).ExecuteUpdateAsync(u => u.SetProperty(s => s.ExpiresAt, DateTime.UtcNow.AddMinutes(-1)));
        }

        Assert.Equal(HttpStatusCode.Gone, (await _server.Anonymous.GetAsync($"/api/v1/s/{expiring}")).StatusCode);
        Assert.Equal(HttpStatusCode.Gone, (await _server.Anonymous.GetAsync($"/api/v1/s/{expiring}/photos/{_uids[0]}/t/tile_224")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _server.Anonymous.GetAsync("/api/v1/s/not-a-real-token-at-all-000/photos")).StatusCode);
    }

    [Fact]
    public async Task Viewers_CannotShare()
    {
        await _server.EnsureUserAsync("viewer", "viewer password", Core.Model.UserRole.Viewer);
        var viewer = await _server.SignInAsync("viewer", "viewer password");
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.PostAsJsonAsync("/api/v1/shares", new { album = _albumUid })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.GetAsync("/api/v1/shares")).StatusCode);
    }

    private async Task<(string Token, string Uid)> ShareAsync(object request)
    {
        using var response = await _server.Http.PostAsJsonAsync("/api/v1/shares", request);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await Json(response);
        Assert.EndsWith("/s/" + body.GetProperty("token").GetString(), body.GetProperty("url").GetString(), StringComparison.Ordinal);
        return (body.GetProperty("token").GetString()!, body.GetProperty("share").GetProperty("uid").GetString()!);
    }

    private static async Task<JsonElement> Json(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
}
