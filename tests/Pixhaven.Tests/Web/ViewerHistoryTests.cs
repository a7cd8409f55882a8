using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Pixhaven.Tests.Infrastructure;

namespace Pixhaven.Tests.Web;

/// <summary>The viewer in the browser's history and address: Back closes it, a photo's address opens it again among its neighbours.</summary>
[Collection(CorpusGroup.Name)]
public sealed class ViewerHistoryTests(CorpusFixture corpus) : CorpusBrowserTest(corpus)
{
    [Fact]
    public async Task Lightbox_ClosesOnTheBrowsersBack_WhichThenStaysInTheApp()
    {
        var page = await OpenAsync();
        await page.FillAsync("[data-testid=search]", "type:video");
        await page.PressAsync("[data-testid=search]", "Enter");
        await page.WaitForFunctionAsync("() => document.querySelectorAll('[data-testid=grid] .tile').length === 2");
        var address = page.Url;
        var lightbox = page.GetByTestId("lightbox");

        // Back (a phone's back gesture) closes the viewer, and the search is still there.
        await page.Locator("[data-testid=grid] .tile").First.ClickAsync();
        await lightbox.WaitForAsync();
        await page.EvaluateAsync("() => history.back()"); // what the browser's Back does; GoBackAsync would wait for a page load
        await lightbox.WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Detached });
        Assert.Equal(address, page.Url);
        Assert.Equal(2, await page.Locator("[data-testid=grid] .tile").CountAsync());

        // Closed with Escape, the viewer leaves no step behind: the page is back on the step it was opened from.
        await page.Locator("[data-testid=grid] .tile").First.ClickAsync();
        await lightbox.WaitForAsync();
        await page.Keyboard.PressAsync("Escape");
        await lightbox.WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Detached });
        Assert.Equal(address, page.Url);
        Assert.False(await page.EvaluateAsync<bool>("() => history.state?.viewer === true"));
    }

    [Fact]
    public async Task Lightbox_ClosedBeforeItsViewerHasLoaded_StaysClosed()
    {
        var page = await OpenAsync();
        await WaitForLoadedImage(page, "[data-testid=grid] img");
        // The viewer's code (PhotoSwipe) comes with the first open; here it comes only after the viewer was closed.
        // The context's route sees the app's service worker's requests too.
        var release = new TaskCompletionSource();
        var served = new TaskCompletionSource();
        await page.Context.RouteAsync("**/assets/photoswipe.esm-*.js", async route =>
        {
            await release.Task;
            await route.FulfillAsync(new() { Response = await route.FetchAsync() });
            served.TrySetResult();
        });
        var lightbox = page.GetByTestId("lightbox");
        await page.Locator("[data-testid=grid] .tile").First.ClickAsync();
        await lightbox.WaitForAsync();
        await page.EvaluateAsync("() => history.back()");
        await lightbox.WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Detached });

        release.SetResult();
        await served.Task.WaitAsync(TimeSpan.FromSeconds(30));
        // Once loaded, the viewer of the closed lightbox opened it again (PhotoSwipe reports its first slide); it must not.
        // A reopening follows the load at once; two seconds only bound the wait for one that does not come.
        await Assert.ThrowsAsync<TimeoutException>(() => lightbox.WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Attached, Timeout = 2000 }));
    }

    [Fact]
    public async Task APhotosAddress_FollowsTheViewer_AndOpensThatPhotoAgain_AmongItsNeighbours()
    {
        var page = await OpenAsync();
        await WaitForLoadedImage(page, "[data-testid=grid] img");
        var lightbox = page.GetByTestId("lightbox");
        await page.Locator("[data-testid=grid] .tile").First.ClickAsync();
        // The arrows are PhotoSwipe's, which comes with the first open: its photo shown, it is there to hear them.
        await WaitForLoadedImage(page, "[data-testid=lightbox-image]");
        var first = PhotoInAddress(page);
        Assert.NotNull(first);
        await page.Keyboard.PressAsync("ArrowRight");
        await page.WaitForFunctionAsync($"() => new URLSearchParams(location.search).get('photo') !== '{first}'");
        var second = PhotoInAddress(page)!;

        // The address opens that photo again (a reload here; a link to another member of the library alike).
        await page.ReloadAsync();
        await lightbox.WaitForAsync();
        var hash = (await Corpus.Http.GetFromJsonAsync<System.Text.Json.JsonElement>($"/api/v1/photos/{second}")).GetProperty("thumbnailHash").GetString()!;
        await page.Locator($"[data-testid=lightbox-image][src*='{hash}']").WaitForAsync();
        Assert.Equal(second, PhotoInAddress(page));
        // Among its neighbours in the view, once the grid has it: the photo before it is one step back.
        await page.Locator(".pswp__counter", new() { HasTextRegex = new Regex(@"^2 / \d+$") }).WaitForAsync();
        await page.Keyboard.PressAsync("ArrowLeft");
        await page.WaitForFunctionAsync($"() => new URLSearchParams(location.search).get('photo') === '{first}'");

        // Closed, the address is the view's again.
        await page.Keyboard.PressAsync("Escape");
        await lightbox.WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Detached });
        Assert.Null(PhotoInAddress(page));
        await page.Locator("[data-testid=grid] .tile").First.WaitForAsync();

        // A photo that is not there opens nothing, and leaves the address.
        await page.GotoAsync("/?photo=pnotthere0000000");
        await page.Locator("[data-testid=grid] .tile").First.WaitForAsync();
        await page.WaitForFunctionAsync("() => !new URLSearchParams(location.search).has('photo')");
        Assert.Equal(0, await lightbox.CountAsync());
    }

    [Fact]
    public async Task APhotosAddress_DeepInAView_OpensItInItsPlace_WhereverItStands()
    {
        // By name, where no date tells how far the photo is: the server says where it stands, and the grid loads that far.
        var names = (await Corpus.Http.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/v1/photos?count=1000&order=name")).GetProperty("photos")
            .EnumerateArray().Select(p => p.GetProperty("uid").GetString()!).ToList();
        const int deep = 45;
        Assert.True(names.Count > deep + 1, $"{names.Count} photos");
        var page = await OpenAsync();
        // Pages of 10, so that the photo is many pages in.
        await page.Context.RouteAsync(new Regex(@"/api/v1/photos\?"), route =>
            route.ContinueAsync(new() { Url = Regex.Replace(route.Request.Url, @"\bcount=(120|1000)\b", "count=10") }));
        await page.GotoAsync($"/?order=name&photo={names[deep]}");
        await WaitForLoadedImage(page, "[data-testid=lightbox-image]");
        await page.Locator(".pswp__counter", new() { HasTextRegex = new Regex($@"^{deep + 1} / \d+$") }).WaitForAsync();
        await page.Keyboard.PressAsync("ArrowLeft");
        await page.WaitForFunctionAsync($"() => new URLSearchParams(location.search).get('photo') === '{names[deep - 1]}'");
        foreach (var next in new[] { names[deep], names[deep + 1] })
        {
            await page.Keyboard.PressAsync("ArrowRight");
            await page.WaitForFunctionAsync($"() => new URLSearchParams(location.search).get('photo') === '{next}'");
        }
    }

    [Fact]
    public async Task APhotoDeeperThanTheGridLaysOut_OpensAmongThePhotosOfItsYear()
    {
        var photos = (await Corpus.Http.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/v1/photos?count=1000")).GetProperty("photos").EnumerateArray()
            .Select(p => (Uid: p.GetProperty("uid").GetString()!, Year: p.GetProperty("takenAt").GetString()![..4])).ToList();
        // The grid lays out 3 photos from the top here, as it does 100,000 in a library. The photo: the newest of a
        // year deeper than that, with another photo of its year after it.
        var deep = Enumerable.Range(3, photos.Count - 4).First(i => photos[i].Year != photos[i - 1].Year && photos[i + 1].Year == photos[i].Year);
        var page = await OpenAsync();
        await page.EvaluateAsync("() => localStorage.setItem('pixhaven.gridDepth', '3')");
        await page.GotoAsync($"/?photo={photos[deep].Uid}");

        await Assertions.Expect(page.GetByTestId("from-year")).ToContainTextAsync($"Photos from {photos[deep].Year} back");
        await page.Locator(".pswp__counter", new() { HasTextRegex = new Regex(@"^1 / ([2-9]|\d{2,})$") }).WaitForAsync(new() { State = WaitForSelectorState.Attached });
        Assert.Contains($"from={photos[deep].Year}", page.Url, StringComparison.Ordinal);
        await page.Keyboard.PressAsync("ArrowRight");
        await page.WaitForFunctionAsync($"() => new URLSearchParams(location.search).get('photo') === '{photos[deep + 1].Uid}'");
        Assert.Contains($"from={photos[deep].Year}", page.Url, StringComparison.Ordinal);
    }

    [Fact]
    public async Task APhotoOpenedFromItsAddress_TakesItsPlaceInTheSameViewer_SoWhatWasBegunInItGoesOn()
    {
        var names = (await Corpus.Http.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/v1/photos?count=1000&order=name")).GetProperty("photos")
            .EnumerateArray().Select(p => p.GetProperty("uid").GetString()!).ToList();
        const int deep = 45; // a photo with a picture, as in the test above
        var page = await OpenAsync();
        // The photo is placed among its neighbours only once the server has said where it stands: held until the
        // viewer, showing it alone, has been used.
        var release = new TaskCompletionSource();
        await page.Context.RouteAsync(new Regex(@"/api/v1/photos/[^/?]+/position\?"), async route =>
        {
            await release.Task;
            await route.ContinueAsync();
        });
        await page.GotoAsync($"/?order=name&photo={names[deep]}");
        await WaitForLoadedImage(page, "[data-testid=lightbox-image]");
        await page.Locator(".pswp__counter", new() { HasText = "1 / 1" }).WaitForAsync(new() { State = WaitForSelectorState.Attached });
        var image = page.GetByTestId("lightbox-image");
        var fitted = await WaitForSteadyWidthAsync(image);
        await page.Keyboard.PressAsync("i"); // the information panel put away
        await page.Keyboard.PressAsync("+"); // and the photo zoomed in
        var zoomed = await WaitForSteadyWidthAsync(image);
        Assert.True(zoomed > fitted, $"{zoomed} px zoomed, {fitted} px fitted");
        Assert.Equal(0, await page.GetByTestId("info-panel").CountAsync());
        await page.EvaluateAsync("() => { window.shownBefore = document.querySelector('[data-testid=lightbox-image]'); }");

        release.SetResult();
        await page.Locator(".pswp__counter", new() { HasTextRegex = new Regex($@"^{deep + 1} / \d+$") }).WaitForAsync(new() { State = WaitForSelectorState.Attached });
        // The same picture, still zoomed, the panel still away: the viewer was not opened again.
        Assert.True(await page.EvaluateAsync<bool>("() => document.querySelector('[data-testid=lightbox-image]') === window.shownBefore"));
        Assert.Equal(zoomed, await WaitForSteadyWidthAsync(image));
        Assert.Equal(0, await page.GetByTestId("info-panel").CountAsync());
        Assert.Equal(names[deep], PhotoInAddress(page));
        // And it goes on to the photos around it.
        await page.Keyboard.PressAsync("0");
        await page.Keyboard.PressAsync("ArrowRight");
        await page.WaitForFunctionAsync($"() => new URLSearchParams(location.search).get('photo') === '{names[deep + 1]}'");
        await page.Keyboard.PressAsync("ArrowLeft");
        await page.Keyboard.PressAsync("ArrowLeft");
        await page.WaitForFunctionAsync($"() => new URLSearchParams(location.search).get('photo') === '{names[deep - 1]}'");
    }

    /// <summary>The element's width once a zoom's animation has ended.</summary>
    private static async Task<double> WaitForSteadyWidthAsync(ILocator element)
    {
        var width = -1.0;
        for (var tries = 0; tries < 50; tries++)
        {
            var box = await element.BoundingBoxAsync();
            if (box is not null && Math.Abs(box.Width - width) < 0.5) return box.Width;
            width = box?.Width ?? -1;
            await Task.Delay(300);
        }

        throw new TimeoutException($"the width did not settle: {width} px last");
    }

    [Fact]
    public async Task APageLoadedUnderTheViewer_KeepsItsSlides_AndOpensTheWayOn()
    {
        var page = await OpenAsync();
        // Pages of 10; every page after the first is held until the viewer stands on the last photo loaded.
        var release = new TaskCompletionSource();
        await page.Context.RouteAsync(new Regex(@"/api/v1/photos\?"), async route =>
        {
            var url = Regex.Replace(route.Request.Url, @"\bcount=120\b", "count=10");
            if (url.Contains("after=", StringComparison.Ordinal)) await release.Task;
            await route.ContinueAsync(new() { Url = url });
        });
        await page.ReloadAsync();
        await WaitForLoadedImage(page, "[data-testid=grid] img");
        await page.Locator("[data-testid=grid] .tile").First.ClickAsync();
        // The viewer's code comes with its first open: keys count once its counter is there.
        var counter = page.Locator(".pswp__counter");
        await counter.Filter(new() { HasText = "1 / 10" }).WaitForAsync(new() { State = WaitForSelectorState.Attached });
        for (var i = 2; i <= 10; i++)
        {
            await page.Keyboard.PressAsync("ArrowRight");
            await counter.Filter(new() { HasText = $"{i} / 10" }).WaitForAsync(new() { State = WaitForSelectorState.Attached });
        }

        var next = page.Locator(".pswp__button--arrow--next");
        Assert.True(await next.IsDisabledAsync());
        var marked = await page.EvaluateAsync<int>("() => (window.slidesBefore = [...document.querySelectorAll('.pswp__item img, .pswp__item video')]).length");
        Assert.True(marked >= 2, $"{marked} slides in the page");

        release.SetResult();
        await page.Locator(".pswp__button--arrow--next:not([disabled])").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        // The photo on screen and the one before it are the same elements: the page only added the way on.
        Assert.True(await page.EvaluateAsync<bool>("() => window.slidesBefore.every((e) => e.isConnected)"));
        var last = PhotoInAddress(page);
        await page.Keyboard.PressAsync("ArrowRight");
        await page.WaitForFunctionAsync($"() => new URLSearchParams(location.search).get('photo') !== '{last}'");
    }

    [Fact]
    public async Task TheGridFollowsTheViewer_WhichGoesOnPastTheLoadedPage_AndClosingLandsOnTheLastPhotoSeen()
    {
        var page = await OpenAsync(height: 600);
        // Pages of 10 instead of 120, so that the corpus is many pages; the context's route sees the service worker's requests.
        await page.Context.RouteAsync(new Regex(@"/api/v1/photos\?"), route =>
            route.ContinueAsync(new() { Url = Regex.Replace(route.Request.Url, @"\bcount=120\b", "count=10") }));
        await page.ReloadAsync();
        await WaitForLoadedImage(page, "[data-testid=grid] img");
        // The grid loads pages while its end is within three screens, then waits for a scroll: fewer photos than the
        // viewer is to go through.
        const int last = 80;
        var count = page.GetByTestId("grid-count");
        string? loaded;
        do
        {
            loaded = await count.GetAttributeAsync("data-loaded");
            await Task.Delay(500);
        }
        while (loaded != await count.GetAttributeAsync("data-loaded"));
        Assert.InRange(int.Parse(loaded!, System.Globalization.CultureInfo.InvariantCulture), 10, last - 10);

        await page.Locator("[data-testid=grid] .tile").First.ClickAsync();
        await WaitForLoadedImage(page, "[data-testid=lightbox-image]");
        for (var seen = 0; seen < last; seen++)
        {
            var before = PhotoInAddress(page);
            await page.Keyboard.PressAsync("ArrowRight");
            await page.WaitForFunctionAsync($"() => new URLSearchParams(location.search).get('photo') !== '{before}'");
        }

        var uid = PhotoInAddress(page);
        await page.Keyboard.PressAsync("Escape");
        await page.GetByTestId("lightbox").WaitForAsync(new() { State = WaitForSelectorState.Detached });
        // The tile of the photo last seen is on the screen, below the sticky header.
        var tile = page.Locator($"[data-testid=grid] .tile[data-index='{last}']");
        var box = (await tile.BoundingBoxAsync())!;
        Assert.True(await page.EvaluateAsync<double>("() => window.scrollY") > 0, "the grid did not scroll");
        Assert.InRange(box.Y, 60, page.ViewportSize!.Height - box.Height);
        // The photo last seen is the one as far into the view's order.
        var all = await Corpus.Http.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/v1/photos?count=100");
        Assert.Equal(all.GetProperty("photos")[last].GetProperty("uid").GetString(), uid);
    }

    [Fact]
    public async Task AnAlbumsAddress_OpensItAgain_WithThePhotoInItsViewer_AmongTheAlbumsPhotos()
    {
        var uids = (await Corpus.Http.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/v1/photos?count=3")).GetProperty("photos")
            .EnumerateArray().Select(p => p.GetProperty("uid").GetString()!).ToList();
        using var created = await Corpus.Http.PostAsJsonAsync("/api/v1/albums", new { title = "Linked trip" });
        var album = (await created.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("uid").GetString()!;
        await Corpus.Http.PostAsJsonAsync($"/api/v1/albums/{album}/photos", new { photos = uids });
        try
        {
            var page = await OpenAsync();
            await page.GetByTestId("view-albums").ClickAsync();
            var list = page.Url;
            await page.GetByTestId("albums-list").GetByText("Linked trip").ClickAsync();
            await page.GetByTestId("album-title").WaitForAsync();
            Assert.Equal(album, AddressParameter(page, "album"));
            await WaitForLoadedImage(page, "[data-testid=grid] img");
            await page.Locator("[data-testid=grid] .tile").Nth(1).ClickAsync();
            await page.GetByTestId("lightbox").WaitForAsync();
            var photo = PhotoInAddress(page);
            Assert.Equal(album, AddressParameter(page, "album"));

            // A reload opens the album, and the photo in the viewer among the album's photos.
            await page.ReloadAsync();
            await page.GetByTestId("album-title").WaitForAsync();
            await page.Locator(".pswp__counter", new() { HasTextRegex = new Regex(@"^2 / 3$") }).WaitForAsync();
            Assert.Equal(photo, PhotoInAddress(page));
            Assert.Contains("Linked trip", await page.GetByTestId("album-title").InnerTextAsync(), StringComparison.Ordinal);

            // Closed, the album stays in the address; Back closes the album, to the list it was opened from.
            await page.Keyboard.PressAsync("Escape");
            await page.GetByTestId("lightbox").WaitForAsync(new() { State = WaitForSelectorState.Detached });
            Assert.Null(PhotoInAddress(page));
            Assert.Equal(album, AddressParameter(page, "album"));
            await page.EvaluateAsync("() => history.back()");
            await page.GetByTestId("albums-list").GetByText("Linked trip").WaitForAsync();
            Assert.Equal(list, page.Url);
        }
        finally
        {
            await Corpus.Http.DeleteAsync($"/api/v1/albums/{album}");
        }
    }

    private static string? AddressParameter(IPage page, string name) => System.Web.HttpUtility.ParseQueryString(new Uri(page.Url).Query)[name];
}
