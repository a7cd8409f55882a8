using System.Net.Http.Json;
using Microsoft.Playwright;
using Pixhaven.Tests.Infrastructure;

namespace Pixhaven.Tests.Web;

/// <summary>The viewer's slideshow (each photo for the time chosen in this browser, each video to its end), and its full screen.</summary>
[Collection(CorpusGroup.Name)]
public sealed class SlideshowTests(CorpusFixture corpus) : CorpusBrowserTest(corpus)
{
    private static readonly LocatorWaitForOptions Gone = new() { State = WaitForSelectorState.Detached };

    [Fact]
    public async Task Slideshow_ShowsOnePhotoAfterAnother_AtThePaceChosen_UntilStoppedWithS()
    {
        var page = await OpenAsync();
        await ChoosePaceAsync(page, "20");
        await WaitForLoadedImage(page, "[data-testid=grid] img");
        await page.Locator("[data-testid=grid] .tile").First.ClickAsync();
        await WaitForLoadedImage(page, "[data-testid=lightbox-image]");
        var first = PhotoInAddress(page)!;
        await page.GetByTestId("info-panel").WaitForAsync();

        // Twenty seconds a photo: still the first after six (past the 5 s of the default); the information steps aside
        // while it plays.
        var play = page.GetByTestId("lightbox-slideshow");
        await play.ClickAsync();
        await page.GetByTestId("info-panel").WaitForAsync(Gone);
        await Task.Delay(6000);
        Assert.Equal(first, PhotoInAddress(page));
        await play.ClickAsync();
        await page.GetByTestId("info-panel").WaitForAsync();

        // Two seconds a photo: it goes on by itself, one photo at a time.
        await page.Keyboard.PressAsync("Escape");
        await page.GetByTestId("lightbox").WaitForAsync(Gone);
        await ChoosePaceAsync(page, "2");
        await page.Locator("[data-testid=grid] .tile").First.ClickAsync();
        await WaitForLoadedImage(page, "[data-testid=lightbox-image]");
        await page.GetByTestId("lightbox").FocusAsync();
        await page.Keyboard.PressAsync("s");
        var seen = new List<string> { first };
        while (seen.Count < 3)
        {
            await page.WaitForFunctionAsync($"() => new URLSearchParams(location.search).get('photo') !== '{seen[^1]}'");
            seen.Add(PhotoInAddress(page)!);
        }

        Assert.Equal(3, seen.Distinct().Count());
        var byDate = (await Corpus.Http.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/v1/photos?count=3")).GetProperty("photos")
            .EnumerateArray().Select(p => p.GetProperty("uid").GetString()!);
        Assert.Equal(byDate, seen);

        // A photo zoomed into stays while zoomed in, and the slideshow goes on once it is zoomed out again.
        var zoomed = PhotoInAddress(page);
        await page.Keyboard.PressAsync("+");
        await Task.Delay(4500);
        Assert.Equal(zoomed, PhotoInAddress(page));
        await page.Keyboard.PressAsync("0");
        await page.WaitForFunctionAsync($"() => new URLSearchParams(location.search).get('photo') !== '{zoomed}'");

        // S stops it: nothing moves for two of its steps.
        await page.Keyboard.PressAsync("s");
        await page.Locator("[data-testid=lightbox-slideshow][aria-pressed=false]").WaitForAsync();
        var stoppedAt = PhotoInAddress(page);
        await Task.Delay(4500);
        Assert.Equal(stoppedAt, PhotoInAddress(page));
    }

    [Fact]
    public async Task Slideshow_PlaysEachVideoToItsEnd_AndEndsAfterTheLast()
    {
        var page = await OpenAsync();
        await page.EvaluateAsync("() => localStorage.setItem('pixhaven-slideshow-seconds', '2')");
        await page.GotoAsync($"/?q={Uri.EscapeDataString("type:video")}");
        await page.WaitForFunctionAsync("() => document.querySelectorAll('[data-testid=grid] .tile').length === 2");
        // Which video had ended when: media events pass the document on their way down, before the viewer hears them.
        await page.EvaluateAsync("() => { window.endedVideos = []; document.addEventListener('ended', () => window.endedVideos.push(new URLSearchParams(location.search).get('photo')), true); }");
        await page.Locator("[data-testid=grid] .tile").First.ClickAsync();
        await page.GetByTestId("lightbox-video").WaitForAsync();
        var first = PhotoInAddress(page)!;
        await page.GetByTestId("lightbox-slideshow").ClickAsync();

        // One of the two runs 4 s, longer than a photo's 2 s: each moves on only at its end.
        await page.WaitForFunctionAsync($"() => new URLSearchParams(location.search).get('photo') !== '{first}'", null, new() { Timeout = 60_000 });
        var second = PhotoInAddress(page)!;
        // The first had ended while it was shown (the second, 0.17 s long, may already have ended too by now).
        Assert.Equal(first, (await page.EvaluateAsync<string[]>("() => window.endedVideos"))[0]);
        await page.Locator("[data-testid=lightbox-slideshow][aria-pressed=false]").WaitForAsync(new() { Timeout = 60_000 });
        Assert.Equal([first, second], await page.EvaluateAsync<string[]>("() => window.endedVideos"));
        Assert.Equal(second, PhotoInAddress(page));
    }

    [Fact]
    public async Task Viewer_TakesTheWholeScreen_AndGivesItBackOnItsButtonOrWhenClosed()
    {
        var page = await OpenAsync();
        await WaitForLoadedImage(page, "[data-testid=grid] img");
        await page.Locator("[data-testid=grid] .tile").First.ClickAsync();
        await WaitForLoadedImage(page, "[data-testid=lightbox-image]");
        var button = page.GetByTestId("lightbox-fullscreen");
        const string whole = "() => document.fullscreenElement?.dataset.testid === 'lightbox'";
        const string window = "() => document.fullscreenElement === null";

        await button.ClickAsync();
        await page.WaitForFunctionAsync(whole);
        await page.Locator("[data-testid=lightbox-fullscreen][aria-pressed=true]").WaitForAsync();
        await button.ClickAsync();
        await page.WaitForFunctionAsync(window);
        await page.Locator("[data-testid=lightbox-fullscreen][aria-pressed=false]").WaitForAsync();

        // Closed while on the whole screen, the viewer gives the screen back with it.
        await button.ClickAsync();
        await page.WaitForFunctionAsync(whole);
        await page.Locator(".pswp__button--close").ClickAsync();
        await page.GetByTestId("lightbox").WaitForAsync(Gone);
        await page.WaitForFunctionAsync(window);
    }

    private static async Task ChoosePaceAsync(IPage page, string seconds)
    {
        await page.GetByTestId("open-settings").ClickAsync();
        await page.GetByTestId("slideshow-pace").SelectOptionAsync(seconds);
        await page.Keyboard.PressAsync("Escape");
        await page.GetByTestId("settings").WaitForAsync(Gone);
        Assert.Equal(seconds, await page.EvaluateAsync<string>("() => localStorage.getItem('pixhaven-slideshow-seconds')"));
    }
}
