using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using Pixhaven.Tests.Infrastructure;

namespace Pixhaven.Tests.Web;

/// <summary>
/// The picture the viewer shows: an animation plays as it is; a Live Photo's motion plays over its still, for guests
/// too; a photo that lies on its side is turned, and the picture on screen, its size and its grid tile follow.
/// </summary>
[Collection(CorpusGroup.Name)]
public sealed class ViewerPictureTests(CorpusFixture corpus) : CorpusBrowserTest(corpus)
{
    private async Task<JsonElement> Details(string uid) => await Corpus.Http.GetFromJsonAsync<JsonElement>($"/api/v1/photos/{uid}");

    /// <summary>The picture the viewer shows, when it is drawn from the thumbnails of this key: its natural width and height.</summary>
    private static async Task<(int Width, int Height)> ShownAsync(IPage page, string key)
    {
        var shown = await page.WaitForFunctionAsync(
            "key => { const img = document.querySelector('[data-testid=lightbox-image]'); return img && img.complete && img.naturalWidth > 0 && img.currentSrc.includes(key) && [img.naturalWidth, img.naturalHeight]; }",
            key, new PageWaitForFunctionOptions { Timeout = 20_000 });
        var size = await shown.JsonValueAsync<int[]>();
        return (size[0], size[1]);
    }

    [Fact]
    public async Task AnAnimatedWebp_PlaysInTheViewer_AndItsTileSaysSo()
    {
        var photos = (await Corpus.Http.GetFromJsonAsync<JsonElement>("/api/v1/photos?count=500")).GetProperty("photos").EnumerateArray().ToList();
        var index = photos.FindIndex(p => p.GetProperty("animated").GetBoolean());
        var uid = photos[index].GetProperty("uid").GetString()!;
        var page = await OpenAsync();
        var tile = page.Locator($"[data-testid=grid] .tile[data-index='{index}']");
        await tile.Locator("[data-testid=badge-animated]").WaitForAsync();
        Assert.Contains("Animated GIF", await tile.GetAttributeAsync("aria-label"), StringComparison.Ordinal);

        await tile.ClickAsync();
        await WaitForLoadedImage(page, "[data-testid=lightbox-image]");
        var image = page.Locator("[data-testid=lightbox-image]");
        Assert.EndsWith($"/api/v1/photos/{uid}/animation", await image.EvaluateAsync<string>("img => img.currentSrc"), StringComparison.Ordinal);
        Assert.Equal(photos[index].GetProperty("width").GetInt32(), await image.EvaluateAsync<int>("img => img.naturalWidth"));
    }

    [Fact]
    public async Task LivePhoto_PlaysItsMotion_WhileThePointerIsOnIt()
    {
        var page = await OpenFirstPhotoOfAsync("type:live");
        // The pointer rests on the info panel: the still shows; on the photo: its motion plays; off it again: the still.
        await page.GetByTestId("info-panel").HoverAsync();
        await WaitForLoadedImage(page, "[data-testid=lightbox-image]");
        // The motion plays over the still, so the pointer is moved there rather than "hovering" the covered image.
        var still = (await page.GetByTestId("lightbox-image").BoundingBoxAsync())!;
        await page.Mouse.MoveAsync(still.X + still.Width / 2, still.Y + still.Height / 2);
        await page.GetByTestId("lightbox-motion").WaitForAsync();
        await page.GetByTestId("info-panel").HoverAsync();
        await page.GetByTestId("lightbox-motion").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Detached });
    }

    [Fact]
    public async Task LivePhoto_InABrowserClaimingHevc_AsksForTheOriginal_AndFallsBackToTheTranscode()
    {
        var page = await OpenAsync();
        // This Chromium has no HEVC decoder. Made to claim one, as a browser may and then fail, it must ask for the
        // HEVC original first and play the server's H.264 transcode once the original fails.
        await page.AddInitScriptAsync("""
            const canPlay = HTMLMediaElement.prototype.canPlayType;
            HTMLMediaElement.prototype.canPlayType = function (type) { return type.includes('hvc1') ? 'probably' : canPlay.call(this, type); };
            """);
        await page.ReloadAsync();
        await page.GetByTestId("sign-out").WaitForAsync();
        var videoRequests = new System.Collections.Concurrent.ConcurrentQueue<string>();
        page.Request += (_, request) =>
        {
            if (request.Url.Contains("/video", StringComparison.Ordinal))
            {
                videoRequests.Enqueue(new Uri(request.Url).PathAndQuery);
            }
        };

        // The iPhone Live Photo of 2020: its motion is HEVC.
        await page.GetByTestId("search").FillAsync("type:live year:2020");
        await page.GetByTestId("search").PressAsync("Enter");
        await page.WaitForFunctionAsync("() => document.querySelectorAll('[data-testid=grid] .tile').length === 1");
        await page.Locator("[data-testid=grid] .tile").First.ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Play Live Photo" }).ClickAsync();

        await page.WaitForFunctionAsync(
            "() => { const v = document.querySelector('[data-testid=lightbox-motion]'); return v && !v.src.includes('codecs') && v.readyState >= 2 && v.videoWidth > 0; }",
            null, new() { Timeout = 60_000 });
        Assert.Contains(videoRequests, url => url.EndsWith("/video?codecs=hevc", StringComparison.Ordinal));
        Assert.Contains(videoRequests, url => url.EndsWith("/video", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AGuestOfAShareLink_PlaysALivePhotosMotion_OnHoverAndFromItsButton()
    {
        var uid = (await Corpus.Http.GetFromJsonAsync<JsonElement>("/api/v1/photos?count=1&q=type:live")).GetProperty("photos")[0].GetProperty("uid").GetString();
        await AsGuestOfAShareAsync(uid!, async guest =>
        {
            // Its tile says it is a Live Photo, seen and read out.
            await guest.GetByTestId("badge-live").WaitForAsync();
            Assert.EndsWith(", Live photo", await guest.Locator("[data-testid=shared-grid] .tile").First.GetAttributeAsync("aria-label"), StringComparison.Ordinal);
            await guest.Locator("[data-testid=shared-grid] .tile").First.ClickAsync();
            // As in the library's viewer: the motion plays while the mouse rests on the still, and stops when it leaves.
            var still = guest.GetByTestId("lightbox-image");
            await still.WaitForAsync();
            await guest.Mouse.MoveAsync(0, 0);
            var box = (await still.BoundingBoxAsync())!;
            await guest.Mouse.MoveAsync(box.X + box.Width / 2, box.Y + box.Height / 2);
            await guest.GetByTestId("lightbox-motion").WaitForAsync();
            await guest.GetByTestId("shared-play-live").HoverAsync();
            await guest.GetByTestId("lightbox-motion").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Detached });
            // Its button plays it without a pointer on it.
            await guest.GetByTestId("shared-play-live").ClickAsync();
            await guest.WaitForFunctionAsync(
                "() => { const v = document.querySelector('[data-testid=lightbox-motion]'); return v && v.readyState >= 1 && v.videoWidth > 0; }",
                null, new PageWaitForFunctionOptions { Timeout = 20_000 });
            Assert.Contains("/s/", await guest.GetByTestId("lightbox-motion").EvaluateAsync<string>("v => v.currentSrc"), StringComparison.Ordinal);
            Assert.Contains($"/photos/{uid}/video", await guest.GetByTestId("lightbox-motion").EvaluateAsync<string>("v => v.currentSrc"), StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task AGuestOfAShareLink_PlaysItsVideo()
    {
        string? uid = null;
        foreach (var video in (await Corpus.Http.GetFromJsonAsync<JsonElement>("/api/v1/photos?count=100&q=type:video")).GetProperty("photos").EnumerateArray())
        {
            var files = (await Details(video.GetProperty("uid").GetString()!)).GetProperty("files").EnumerateArray();
            if (files.Any(f => f.GetProperty("codec").GetString() == "h264" && f.GetProperty("format").GetString() == "mp4"))
            {
                uid = video.GetProperty("uid").GetString();
                break;
            }
        }

        Assert.NotNull(uid);
        await AsGuestOfAShareAsync(uid!, async guest =>
        {
            // Its tile says it is a video, seen and read out.
            await guest.GetByTestId("badge-video").WaitForAsync();
            // A link to a selection without a title is named by its count, said once.
            Assert.Equal("1 photo", (await guest.Locator("header h1").TextContentAsync())!.Trim());
            Assert.Equal(0, await guest.GetByTestId("shared-count").CountAsync());
            Assert.EndsWith(", Video", await guest.Locator("[data-testid=shared-grid] .tile").First.GetAttributeAsync("aria-label"), StringComparison.Ordinal);
            await guest.Locator("[data-testid=shared-grid] .tile").First.ClickAsync();
            await guest.WaitForFunctionAsync(
                "() => { const v = document.querySelector('[data-testid=lightbox-video]'); return v && v.readyState >= 1 && v.videoWidth > 0; }",
                null, new PageWaitForFunctionOptions { Timeout = 20_000 });
            Assert.Contains($"/photos/{uid}/video", await guest.GetByTestId("lightbox-video").EvaluateAsync<string>("v => v.currentSrc"), StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task TurningRight_ShowsThePhotoUpright_InTheViewerAndItsTile_AndShiftRTurnsItBack()
    {
        var photos = (await Corpus.Http.GetFromJsonAsync<JsonElement>("/api/v1/photos?count=500")).GetProperty("photos").EnumerateArray().ToList();
        var index = photos.FindIndex(p => p.GetProperty("type").GetString() == "image" && !p.GetProperty("animated").GetBoolean()
                                          && p.GetProperty("thumbnailHash").ValueKind == JsonValueKind.String
                                          && p.GetProperty("width").GetInt32() > p.GetProperty("height").GetInt32() * 1.2);
        var uid = photos[index].GetProperty("uid").GetString()!;
        var before = await Details(uid);
        var (width, height) = (before.GetProperty("width").GetInt32(), before.GetProperty("height").GetInt32());
        try
        {
            var page = await OpenAsync();
            await page.GotoAsync($"/?photo={uid}");
            var landscape = await ShownAsync(page, before.GetProperty("thumbnailHash").GetString()!);
            Assert.True(landscape.Width > landscape.Height, $"{landscape}");

            await page.GetByTestId("lightbox-turn-right").ClickAsync();
            var turned = await Details(uid);
            for (var attempt = 0; attempt < 100 && turned.GetProperty("thumbnailHash").GetString() == before.GetProperty("thumbnailHash").GetString(); attempt++)
            {
                await Task.Delay(100);
                turned = await Details(uid);
            }

            Assert.Equal((height, width), (turned.GetProperty("width").GetInt32(), turned.GetProperty("height").GetInt32()));
            var key = turned.GetProperty("thumbnailHash").GetString()!;
            var portrait = await ShownAsync(page, key);
            Assert.Equal((landscape.Height, landscape.Width), portrait);
            // Drawn upright on screen too: PhotoSwipe lays the slide out by the new size.
            var box = (await page.Locator("[data-testid=lightbox-image]").BoundingBoxAsync())!;
            Assert.True(box.Height > box.Width * 1.2, $"{box.Width}x{box.Height}");

            // Its tile in the grid shows the turned picture, in a portrait box, once the viewer is closed.
            await page.Keyboard.PressAsync("Escape");
            await page.GetByTestId("lightbox").WaitForAsync(new() { State = WaitForSelectorState.Detached });
            var tile = page.Locator($"[data-testid=grid] .tile[data-index='{index}']");
            await tile.Locator($"img[src*='{key}']").WaitForAsync();
            var tileBox = (await tile.BoundingBoxAsync())!;
            Assert.True(tileBox.Height > tileBox.Width, $"tile {tileBox.Width}x{tileBox.Height}");

            // Shift+R turns it back.
            await tile.ClickAsync();
            await ShownAsync(page, key);
            await page.GetByTestId("lightbox").FocusAsync();
            await page.Keyboard.PressAsync("Shift+R");
            Assert.Equal(landscape, await ShownAsync(page, before.GetProperty("thumbnailHash").GetString()!));
            var back = await Details(uid);
            Assert.Equal((width, height), (back.GetProperty("width").GetInt32(), back.GetProperty("height").GetInt32()));
        }
        finally
        {
            var now = await Details(uid);
            var rotation = now.GetProperty("width").GetInt32() == width ? 0 : -90;
            if (rotation != 0)
            {
                await Corpus.Http.PatchAsJsonAsync($"/api/v1/photos/{uid}", new { rotate = rotation });
            }
        }
    }

    /// <summary>Opens a share link of the one photo as a guest, and removes the link afterwards.</summary>
    private async Task AsGuestOfAShareAsync(string uid, Func<IPage, Task> visit, [System.Runtime.CompilerServices.CallerMemberName] string test = "")
    {
        using var created = await Corpus.Http.PostAsJsonAsync("/api/v1/shares", new { photos = new[] { uid } });
        var share = await created.Content.ReadFromJsonAsync<JsonElement>();
        try
        {
            await visit(await OpenSignedOutAsync(path: new Uri(share.GetProperty("url").GetString()!).PathAndQuery, test: test));
        }
        finally
        {
            await Corpus.Http.DeleteAsync($"/api/v1/shares/{share.GetProperty("share").GetProperty("uid").GetString()}");
        }
    }
}
