using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Pixhaven.Core.Media.Thumbnails;
using Pixhaven.Tests.Infrastructure;

namespace Pixhaven.Tests.Web;

/// <summary>Finding one's way in the browser: search suggestions and filter chips, the date scrubber, shortcuts, the Library view.</summary>
[Collection(CorpusGroup.Name)]
public sealed class NavigationTests(CorpusFixture corpus) : CorpusBrowserTest(corpus)
{
    [Fact]
    public async Task Search_SuggestsALabel_AndItsChipRemovesTheFilter()
    {
        var page = await OpenAsync();
        var search = page.GetByTestId("search");
        await search.FillAsync("label:farm");
        await page.GetByTestId("suggestions").GetByText("label:farmer", new() { Exact = true }).WaitForAsync();
        // The arrow keys walk the list; Enter takes the marked one.
        var options = await page.GetByTestId("suggestions").Locator("[role=option]").AllInnerTextsAsync();
        for (var i = 0; i <= options.ToList().IndexOf("label:farmer"); i++)
        {
            await search.PressAsync("ArrowDown");
        }

        await search.PressAsync("Enter");
        Assert.Equal("label:farmer ", await search.InputValueAsync());
        await search.PressAsync("Enter");
        await page.WaitForFunctionAsync("() => document.querySelectorAll('[data-testid=grid] .tile').length === 1");
        Assert.Contains("q=label%3Afarmer", page.Url);

        await page.GetByTestId("chips").GetByRole(AriaRole.Button, new() { Name = "Remove the filter label:farmer" }).ClickAsync();
        await page.GetByTestId("chips").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Detached });
        await page.WaitForFunctionAsync("() => document.querySelectorAll('[data-testid=grid] .tile').length > 1");
    }

    [Fact]
    public async Task Search_SuggestsEachCameraOnce_ByTheModelItsFilesName_ShowingItsName()
    {
        var page = await OpenAsync();
        var search = page.GetByTestId("search");
        var suggestions = page.GetByTestId("suggestions").Locator("[role=option]");
        // The files of this camera say "Apple" and "iPhone 12 Pro".
        await search.FillAsync("camera:iphone");
        await suggestions.GetByText("camera:\"iPhone 12 Pro\" (Apple iPhone 12 Pro)", new() { Exact = true }).WaitForAsync();

        // A camera too rare for the facets' top 50 is suggested too.
        var common = (await Corpus.Http.GetFromJsonAsync<JsonElement>("/api/v1/photos/facets")).GetProperty("cameras").EnumerateArray()
            .Select(c => c.GetProperty("value").GetString()).ToHashSet();
        var rare = (await Corpus.Http.GetFromJsonAsync<JsonElement>("/api/v1/cameras")).EnumerateArray()
            .Select(c => c.GetProperty("model").GetString()!).Last(m => !common.Contains(m) && !m.Contains(' ', StringComparison.Ordinal));
        await search.FillAsync("camera:" + rare);
        await suggestions.GetByText(new Regex($"^camera:{Regex.Escape(rare)}( \\(.*\\))?$")).WaitForAsync();

        await search.FillAsync("camera:nikon");
        await suggestions.First.WaitForAsync();
        var options = await suggestions.AllInnerTextsAsync();
        Assert.Equal(options.Count, options.Distinct().Count());
        Assert.Contains("camera:\"NIKON D90\"", options); // its name differs only in case: not said twice
        Assert.DoesNotContain(options, o => o.Contains("CORPORATION", StringComparison.Ordinal));

        await suggestions.GetByText("camera:\"NIKON D90\"", new() { Exact = true }).ClickAsync();
        await search.PressAsync("Enter");
        var found = (await Corpus.Http.GetFromJsonAsync<JsonElement>("/api/v1/photos?count=100&q=" + Uri.EscapeDataString("camera:\"NIKON D90\""))).GetProperty("photos").GetArrayLength();
        Assert.True(found > 0);
        await page.WaitForFunctionAsync($"() => document.querySelectorAll('[data-testid=grid] .tile').length === {found}");
        Assert.Contains("q=camera%3A%22NIKON+D90%22", page.Url, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Scrubber_JumpsToTheOldestYear()
    {
        var facets = await Corpus.Http.GetFromJsonAsync<JsonElement>("/api/v1/photos/facets?q=");
        var oldest = facets.GetProperty("years").EnumerateArray().Select(y => int.Parse(y.GetProperty("value").GetString()!, System.Globalization.CultureInfo.InvariantCulture)).Where(y => y > 0).Min();
        var page = await OpenAsync();
        await WaitForLoadedImage(page, "[data-testid=grid] img");
        var total = (await Corpus.Http.GetFromJsonAsync<JsonElement>("/api/v1/status")).GetProperty("counts").GetProperty("photos").GetInt32();
        await page.GetByTestId("scrubber").Locator($"button[data-year='{oldest}']").ClickAsync();
        // The oldest photo is the last of the newest-first list: loaded, and scrolled into view.
        await Assertions.Expect(page.Locator($"[data-testid=grid] .tile[data-index='{total - 1}']")).ToBeInViewportAsync();
        Assert.True(await page.EvaluateAsync<double>("() => window.scrollY") > 0);
    }

    [Fact]
    public async Task Scrubber_StartsTheGridAtAYearDeeperThanItLaysOut_AndAllYearsShowsTheTopAgain()
    {
        var facets = await Corpus.Http.GetFromJsonAsync<JsonElement>("/api/v1/photos/facets?q=");
        var oldest = facets.GetProperty("years").EnumerateArray().Select(y => int.Parse(y.GetProperty("value").GetString()!, System.Globalization.CultureInfo.InvariantCulture)).Where(y => y > 0).Min();
        var fromOldest = (await Corpus.Http.GetFromJsonAsync<JsonElement>($"/api/v1/photos?count=1000&q=before:{oldest + 1}")).GetProperty("photos")
            .EnumerateArray().Select(p => p.GetProperty("uid").GetString()).ToList();
        var newest = (await Corpus.Http.GetFromJsonAsync<JsonElement>("/api/v1/photos?count=1")).GetProperty("photos")[0].GetProperty("uid").GetString();
        var page = await OpenAsync();
        // The grid lays out 3 photos from the top here, as it does 100,000 in a library: the oldest year lies deeper.
        await page.EvaluateAsync("() => localStorage.setItem('pixhaven.gridDepth', '3')");
        await page.ReloadAsync();
        await WaitForLoadedImage(page, "[data-testid=grid] img");
        await page.GetByTestId("scrubber").Locator($"button[data-year='{oldest}']").ClickAsync();

        // The grid starts at that year, and holds only it and what lies beyond: no page before it was loaded.
        await Assertions.Expect(page.GetByTestId("from-year")).ToContainTextAsync($"Photos from {oldest} back");
        await page.Locator($"[data-testid=grid] .tile[data-index='0'][data-uid='{fromOldest[0]}']").WaitForAsync();
        await page.WaitForFunctionAsync($"() => document.querySelectorAll('[data-testid=grid] .tile').length === {fromOldest.Count}");
        // The scrubber still lists every year.
        Assert.True(await page.GetByTestId("scrubber").Locator("button").CountAsync() > 1);
        await Screenshot(page, "from-year");
        // The address keeps the year: a reload starts there again.
        Assert.Contains($"from={oldest}", page.Url, StringComparison.Ordinal);
        await page.ReloadAsync();
        await Assertions.Expect(page.GetByTestId("from-year")).ToContainTextAsync($"Photos from {oldest} back");
        await page.Locator($"[data-testid=grid] .tile[data-index='0'][data-uid='{fromOldest[0]}']").WaitForAsync();

        await page.GetByTestId("from-year").GetByRole(AriaRole.Button, new() { Name = "All years" }).ClickAsync();
        await page.GetByTestId("from-year").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Detached });
        await page.Locator($"[data-testid=grid] .tile[data-index='0'][data-uid='{newest}']").WaitForAsync();
        Assert.DoesNotContain("from=", page.Url, StringComparison.Ordinal);

        // A year no search could start at is left out of an address's view.
        await page.GotoAsync("/?from=99999");
        await page.Locator($"[data-testid=grid] .tile[data-index='0'][data-uid='{newest}']").WaitForAsync();
        Assert.Equal(0, await page.GetByTestId("from-year").CountAsync());
    }

    [Fact]
    public async Task QuestionMark_ListsTheShortcuts_AndSlashFocusesTheSearch()
    {
        var page = await OpenAsync();
        await WaitForLoadedImage(page, "[data-testid=grid] img");
        await page.Keyboard.PressAsync("?");
        await page.GetByTestId("shortcuts").GetByText("Select a range").WaitForAsync();
        await page.Keyboard.PressAsync("Escape");
        await page.GetByTestId("shortcuts").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Hidden });
        await page.Keyboard.PressAsync("/");
        Assert.True(await page.GetByTestId("search").EvaluateAsync<bool>("e => e === document.activeElement"));
    }

    [Fact]
    public async Task Library_StartsAnIndex_ShowsItsProgressLive_AndLogsTheRun()
    {
        var page = await OpenAsync();
        await page.GetByTestId("view-library").ClickAsync();
        await page.GetByTestId("activity-idle").WaitForAsync();
        await page.GetByTestId("runs").WaitForAsync(); // the corpus was indexed once at least
        // The converters this server found, and the one it was not told to use.
        var converters = page.GetByTestId("converters");
        await converters.Locator("li[data-found=true]", new LocatorLocatorOptions { HasText = "dcraw_emu used: RAW files without a large embedded preview" }).WaitForAsync();
        await converters.Locator("li[data-found=false]", new LocatorLocatorOptions { HasText = "darktable-cli not used" }).WaitForAsync();
        var runsBefore = await page.GetByTestId("runs").Locator("tbody tr").CountAsync();

        await page.GetByTestId("start-index").ClickAsync();
        // The run ends with its counts streamed in: "N of N files".
        var files = (await Corpus.Http.GetFromJsonAsync<JsonElement>("/api/v1/status")).GetProperty("counts");
        await page.GetByTestId("activity-idle").WaitForAsync(new LocatorWaitForOptions { Timeout = 60_000 });
        await page.WaitForFunctionAsync($"() => document.querySelectorAll('[data-testid=runs] tbody tr').length === {Math.Min(10, runsBefore + 1)}");
        await page.GetByTestId("activity-counts").GetByText($"{files.GetProperty("files").GetInt32() + files.GetProperty("missing").GetInt32()} files found").WaitForAsync();
        Assert.True(files.GetProperty("files").GetInt32() > 0);
        await Screenshot(page, "library");
        Assert.Empty(CspViolations);
    }

    [Fact]
    public async Task Library_SaysLoadingUntilTheServerAnswers_NotThatNothingRanOrFailed()
    {
        var page = await OpenAsync();
        // A large library answers slowly: the log and the problem list are held back until the page has been looked at.
        var answer = new TaskCompletionSource();
        await page.RouteAsync(url => url.Contains("/api/v1/library/runs", StringComparison.Ordinal) || url.Contains("/api/v1/files/problems", StringComparison.Ordinal), async route =>
        {
            await answer.Task;
            await route.ContinueAsync();
        });
        await page.GetByTestId("view-library").ClickAsync();
        await page.GetByTestId("activity-idle").WaitForAsync();
        var waiting = await page.GetByTestId("library").InnerTextAsync();
        Assert.DoesNotContain("No index has run yet", waiting, StringComparison.Ordinal);
        Assert.DoesNotContain("Every file was read completely", waiting, StringComparison.Ordinal);
        Assert.Contains("Loading…", waiting, StringComparison.Ordinal);

        answer.SetResult();
        await page.GetByTestId("runs").WaitForAsync(); // the corpus was indexed once at least
        await page.GetByTestId("problems").WaitForAsync(); // and holds broken files
        Assert.DoesNotContain("Loading…", await page.GetByTestId("library").InnerTextAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Settings_SayLoadingUntilTheShareLinksAreIn_NotThatThereAreNone()
    {
        var page = await OpenAsync();
        var answer = new TaskCompletionSource();
        await page.RouteAsync(url => url.EndsWith("/api/v1/shares", StringComparison.Ordinal), async route =>
        {
            await answer.Task;
            await route.ContinueAsync();
        });
        await page.GetByTestId("open-settings").ClickAsync();
        var settings = page.GetByTestId("settings");
        await settings.GetByTestId("sessions").WaitForAsync();
        Assert.DoesNotContain("No share links.", await settings.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("Loading…", await settings.InnerTextAsync(), StringComparison.Ordinal);

        answer.SetResult();
        var shares = (await Corpus.Http.GetFromJsonAsync<JsonElement>("/api/v1/shares")).GetArrayLength();
        await page.WaitForFunctionAsync("() => !document.querySelector('[data-testid=settings]').innerText.includes('Loading…')");
        Assert.Equal(shares == 0, (await settings.InnerTextAsync()).Contains("No share links.", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Library_CleansUpStorage_AndSaysWhatWentAway()
    {
        // Thumbnails that no photo uses, made two hours ago (of a photo deleted since, say).
        var store = new ThumbnailStore(Corpus.Library.Options.Values.ThumbnailCachePath);
        var gone = new string('e', 32);
        foreach (var size in ThumbnailSize.All)
        {
            var path = store.PathFor(gone, size);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            await File.WriteAllBytesAsync(path, new byte[1000]);
            File.SetLastWriteTimeUtc(path, DateTime.UtcNow.AddHours(-2));
        }

        var page = await OpenAsync();
        await page.GetByTestId("view-library").ClickAsync();
        await page.GetByTestId("activity-idle").WaitForAsync();
        await page.GetByTestId("clean-up").ClickAsync();

        await page.GetByTestId("cleanup-result").GetByText("Removed 7 files (0.0 MB): 7 thumbnails, 0 video conversions").WaitForAsync();
        Assert.False(File.Exists(store.PathFor(gone, ThumbnailSize.Tile224)));
        Assert.Empty(CspViolations);
    }

    [Fact]
    public async Task Lightbox_ZoomsWithTheKeyboard_AndASwipeGoesToTheNextPhoto()
    {
        var page = await OpenAsync();
        await WaitForLoadedImage(page, "[data-testid=grid] img");
        await page.Locator("[data-testid=grid] .tile").First.ClickAsync();
        var image = page.GetByTestId("lightbox-image");
        await WaitForLoadedImage(page, "[data-testid=lightbox-image]");
        // A double: Playwright passes a float argument to the page as an empty object.
        double fitted = (await image.BoundingBoxAsync())!.Width;
        // + zooms by half again (animated), 0 fits the photo to the screen again.
        await page.Keyboard.PressAsync("+");
        await page.WaitForFunctionAsync("w => document.querySelector('[data-testid=lightbox-image]').getBoundingClientRect().width > w * 1.4", fitted);
        await page.Keyboard.PressAsync("0");
        // Fitted and at rest: a drag that starts during the zoom animation stops it instead of swiping.
        await page.WaitForFunctionAsync("""
            w => new Promise(resolve => {
              const width = () => document.querySelector('[data-testid=lightbox-image]').getBoundingClientRect().width;
              const before = width();
              requestAnimationFrame(() => requestAnimationFrame(() => resolve(Math.abs(before - w) < 1 && width() === before)));
            })
            """, fitted);

        var first = await image.GetAttributeAsync("src");
        var box = (await image.BoundingBoxAsync())!;
        // Across most of the viewer, not only the photo: the first photo may be a small one shown at its own size, and a
        // short drag, slowed by a busy machine, is not a swipe.
        var viewer = (await page.GetByTestId("info-panel").BoundingBoxAsync())!.X;
        // PhotoSwipe moves the slides on animation frames and decides at release from where they are: each step waits for
        // two frames, or a loaded machine releases before the slides have followed the pointer and they spring back.
        var y = box.Y + box.Height / 2;
        await page.Mouse.MoveAsync(viewer * 0.9f, y);
        await page.Mouse.DownAsync();
        for (var step = 1; step <= 8; step++)
        {
            await page.Mouse.MoveAsync(viewer * (0.9f - 0.1f * step), y);
            await page.EvaluateAsync("() => new Promise(resolve => requestAnimationFrame(() => requestAnimationFrame(resolve)))");
        }

        await page.Mouse.UpAsync();
        await page.WaitForFunctionAsync("src => document.querySelector('[data-testid=lightbox-image]')?.getAttribute('src') !== src", first);
    }

    [Fact]
    public async Task Lightbox_MarksAFavorite_WithItsHeartOrL_AndItsTileShowsIt()
    {
        var uid = (await Corpus.Http.GetFromJsonAsync<JsonElement>("/api/v1/photos?count=1&q=-favorite:true")).GetProperty("photos")[0].GetProperty("uid").GetString()!;
        async Task<bool> Favorite() => (await Corpus.Http.GetFromJsonAsync<JsonElement>($"/api/v1/photos/{uid}")).GetProperty("favorite").GetBoolean();
        try
        {
            var page = await OpenAsync();
            // Marked while the photo, opened from its address, is still alone in the viewer and the grid's page, read
            // before, is on its way: it keeps the mark when it takes its place among its neighbours.
            var marked = new TaskCompletionSource();
            await page.Context.RouteAsync(new Regex(@"/api/v1/photos\?"), async route =>
            {
                var before = await route.FetchAsync();
                await marked.Task;
                await route.FulfillAsync(new() { Response = before });
            });
            await page.GotoAsync($"/?photo={uid}");
            var heart = page.GetByTestId("lightbox-favorite");
            Assert.Equal("false", await heart.GetAttributeAsync("aria-pressed"));

            await heart.ClickAsync();
            await page.Locator("[data-testid=lightbox-favorite][aria-pressed=true]").WaitForAsync();
            await WaitUntil(Favorite, true);
            marked.SetResult();
            await page.Locator(".pswp__counter", new() { HasTextRegex = new Regex(@"^\d+ / (?!1$)\d+$") }).WaitForAsync();
            await page.Locator("[data-testid=lightbox-favorite][aria-pressed=true]").WaitForAsync();

            // Its tile in the grid says so, seen and read out, once the viewer is closed.
            var index = (await Corpus.Http.GetFromJsonAsync<JsonElement>("/api/v1/photos?count=500")).GetProperty("photos").EnumerateArray()
                .TakeWhile(p => p.GetProperty("uid").GetString() != uid).Count();
            await page.Keyboard.PressAsync("Escape");
            await page.GetByTestId("lightbox").WaitForAsync(new() { State = WaitForSelectorState.Detached });
            var tile = page.Locator($"[data-testid=grid] .tile[data-index='{index}']");
            await tile.Locator("[data-testid=tile-favorite]").WaitForAsync();
            Assert.EndsWith(", favorite", await tile.GetAttributeAsync("aria-label"), StringComparison.Ordinal);
            await tile.ClickAsync();
            await page.Locator("[data-testid=lightbox-favorite][aria-pressed=true]").WaitForAsync();
            await page.GetByTestId("lightbox").FocusAsync();
            await page.Keyboard.PressAsync("l");
            await page.Locator("[data-testid=lightbox-favorite][aria-pressed=false]").WaitForAsync();
            await WaitUntil(Favorite, false);
        }
        finally
        {
            await Corpus.Http.PatchAsJsonAsync($"/api/v1/photos/{uid}", new { favorite = false });
        }
    }

    private static async Task WaitUntil(Func<Task<bool>> read, bool expected)
    {
        for (var attempt = 0; attempt < 100 && await read() != expected; attempt++)
        {
            await Task.Delay(100);
        }

        Assert.Equal(expected, await read());
    }

    [Fact]
    public async Task Theme_SwitchesBetweenSystemLightAndDark_AndIsRemembered()
    {
        var page = await OpenAsync();
        string Background() => "() => getComputedStyle(document.documentElement).getPropertyValue('--bg').trim()";
        await page.GetByTestId("theme").ClickAsync();
        Assert.Equal("light", await page.EvaluateAsync<string>("() => document.documentElement.dataset.theme"));
        Assert.Equal("#f7f7f5", await page.EvaluateAsync<string>(Background()));
        await page.GetByTestId("theme").ClickAsync();
        Assert.Equal("#151716", await page.EvaluateAsync<string>(Background()));
        await page.ReloadAsync();
        await page.GetByTestId("sign-out").WaitForAsync();
        Assert.Equal("dark", await page.EvaluateAsync<string>("() => document.documentElement.dataset.theme"));
        await page.GetByTestId("theme").ClickAsync();
        Assert.Null(await page.EvaluateAsync<string?>("() => document.documentElement.dataset.theme ?? null"));
    }

    [Fact]
    public async Task InfoPanel_ShowsWhereAPhotoWasTaken_OnASmallMap()
    {
        var page = await OpenFirstPhotoOfAsync("geo:true");
        var map = page.GetByTestId("mini-map");
        await map.WaitForAsync();
        Assert.Matches(@"^Map of the place at -?\d+\.\d{3}, -?\d+\.\d{3}$", await map.GetAttributeAsync("aria-label"));
        Assert.Equal(1, await map.Locator("circle").CountAsync());
    }
}
