using System.Net.Http.Json;
using Microsoft.Playwright;
using Pixhaven.Tests.Infrastructure;

namespace Pixhaven.Tests.Web;

/// <summary>The web app in Debian's headless Chromium, driven by Playwright, against the real server and corpus.</summary>
[Collection(CorpusGroup.Name)]
public sealed class BrowserTests(CorpusFixture corpus) : CorpusBrowserTest(corpus)
{
    [Fact]
    public async Task Settings_AdminAddsAUser_RevokesAnotherSession_AndChangesAServerOption()
    {
        var other = await Corpus.Served.SignInAsync(LibraryServer.AdminName, LibraryServer.AdminPassword);
        var sessions = System.Text.Json.JsonDocument.Parse(await other.GetStringAsync("/api/v1/sessions")).RootElement;
        var otherUid = sessions.EnumerateArray().Single(s => s.GetProperty("current").GetBoolean()).GetProperty("uid").GetString();

        var page = await OpenAsync();
        await page.GetByTestId("open-settings").ClickAsync();
        var settings = page.GetByTestId("settings");
        // Each browser's session says which browser on which system it is; the header itself is its tooltip.
        var mine = settings.Locator("tr[data-session] td").Filter(new() { HasText = "this browser" });
        Assert.Equal("Headless Chrome on Linux — this browser", (await mine.TextContentAsync())!.Trim());
        Assert.Contains("HeadlessChrome/", await mine.GetAttributeAsync("title"), StringComparison.Ordinal);
        await settings.Locator($"tr[data-session='{otherUid}'] button").ClickAsync();
        await settings.Locator($"tr[data-session='{otherUid}']").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Detached });
        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, (await other.GetAsync("/api/v1/photos")).StatusCode);

        await page.GetByTestId("new-user-name").FillAsync("carol");
        await page.GetByTestId("new-user-password").FillAsync("carol's password");
        await page.GetByTestId("add-user").ClickAsync();
        await settings.GetByTestId("users").GetByText("carol").WaitForAsync();
        await Screenshot(page, "settings");

        // The admin sets carol a new password: the old one stops working, the new one signs her in.
        await settings.GetByTestId("users").Locator("tr", new() { HasText = "carol" }).GetByRole(AriaRole.Button, new() { Name = "Set password" }).ClickAsync();
        await page.GetByTestId("set-password").FillAsync("carol's new password");
        await page.GetByTestId("set-password").PressAsync("Enter");
        await settings.GetByTestId("settings-notice").GetByText("New password set for carol").WaitForAsync();
        await Assert.ThrowsAsync<InvalidOperationException>(() => Corpus.Served.SignInAsync("carol", "carol's password"));
        await Corpus.Served.SignInAsync("carol", "carol's new password");
        Assert.Equal(System.Net.HttpStatusCode.NoContent, (await Corpus.Http.DeleteAsync("/api/v1/users/carol")).StatusCode);

        // A server option changed at run time, then set back.
        var before = await page.GetByTestId("option-upload-max-mb").InputValueAsync();
        try
        {
            await page.GetByTestId("option-upload-max-mb").FillAsync("777");
            await page.GetByTestId("save-upload-max-mb").ClickAsync();
            await settings.GetByTestId("settings-notice").GetByText("upload-max-mb saved").WaitForAsync();
            var options = System.Text.Json.JsonDocument.Parse(await Corpus.Http.GetStringAsync("/api/v1/settings")).RootElement;
            Assert.Equal("777", options.EnumerateArray().Single(o => o.GetProperty("name").GetString() == "upload-max-mb").GetProperty("value").GetString());
        }
        finally
        {
            await Corpus.Http.PatchAsJsonAsync("/api/v1/settings", new Dictionary<string, string> { ["upload-max-mb"] = before });
        }

        Assert.Empty(CspViolations);
    }

    [Fact]
    public async Task Albums_OpenFromTheirList_AndFavoritesShowOnlyFavorites()
    {
        var page1 = System.Text.Json.JsonDocument.Parse(await Corpus.Http.GetStringAsync("/api/v1/photos?count=3")).RootElement.GetProperty("photos");
        var uids = page1.EnumerateArray().Select(p => p.GetProperty("uid").GetString()!).ToList();
        using var created = await Corpus.Http.PostAsJsonAsync("/api/v1/albums", new { title = "Browser trip" });
        var albumUid = System.Text.Json.JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement.GetProperty("uid").GetString();
        await Corpus.Http.PostAsJsonAsync($"/api/v1/albums/{albumUid}/photos", new { photos = uids.Take(2) });
        await Corpus.Http.PatchAsJsonAsync($"/api/v1/photos/{uids[2]}", new { favorite = true });
        try
        {
            var page = await OpenAsync();
            await page.GetByTestId("view-albums").ClickAsync();
            var list = page.Url;
            await page.GetByTestId("albums-list").GetByText("Browser trip").ClickAsync();
            await page.GetByTestId("album-title").WaitForAsync();
            await WaitForLoadedImage(page, "[data-testid=grid] img");
            Assert.Equal(2, await page.Locator("[data-testid=grid] .tile").CountAsync());
            await Screenshot(page, "album");

            // Back closes the viewer over the album, then the album, back to the list it was opened from.
            await page.Locator("[data-testid=grid] .tile").First.ClickAsync();
            await page.GetByTestId("lightbox").WaitForAsync();
            await page.EvaluateAsync("() => history.back()");
            await page.GetByTestId("lightbox").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Detached });
            Assert.True(await page.GetByTestId("album-title").IsVisibleAsync());
            // Forward to the viewer's step opens nothing again, and leaves the album open.
            await page.EvaluateAsync("() => new Promise(done => { addEventListener('popstate', () => setTimeout(done), { once: true }); history.forward(); })");
            Assert.True(await page.GetByTestId("album-title").IsVisibleAsync());
            await page.EvaluateAsync("() => history.go(-2)");
            await page.GetByTestId("albums-list").GetByText("Browser trip").WaitForAsync();
            Assert.Equal(list, page.Url);

            // Opened again and left by a view's button, the album leaves no step behind: Back would leave the app.
            await page.GetByTestId("albums-list").GetByText("Browser trip").ClickAsync();
            await page.GetByTestId("album-title").WaitForAsync();
            var favorites = System.Text.Json.JsonDocument.Parse(await Corpus.Http.GetStringAsync("/api/v1/photos/facets?q=favorite%3Atrue")).RootElement.GetProperty("total").GetInt32();
            await page.GetByTestId("view-favorites").ClickAsync();
            await page.WaitForFunctionAsync($"() => document.querySelectorAll('[data-testid=grid] .tile').length === {favorites}");
            Assert.True(favorites >= 1);
            Assert.Null(await page.EvaluateAsync<string?>("() => history.state?.layer ?? null"));
            Assert.Empty(CspViolations);
        }
        finally
        {
            await Corpus.Http.DeleteAsync($"/api/v1/albums/{albumUid}");
            await Corpus.Http.PatchAsJsonAsync($"/api/v1/photos/{uids[2]}", new { favorite = false });
        }
    }

    [Fact]
    public async Task Labels_OpenAsTheLabelsSearch_AndFoldersOpenTheirSubfoldersThenTheirPhotos()
    {
        var page = await OpenAsync();
        await page.GetByTestId("view-labels").ClickAsync();
        await page.GetByTestId("labels-list").GetByText("farmer", new LocatorGetByTextOptions { Exact = true }).ClickAsync();
        await page.WaitForFunctionAsync("() => document.querySelectorAll('[data-testid=grid] .tile').length === 1");
        Assert.Equal("label:farmer", await page.GetByTestId("search").InputValueAsync());

        var jpegCount = System.Text.Json.JsonDocument.Parse(await Corpus.Http.GetStringAsync("/api/v1/folders")).RootElement
            .EnumerateArray().Single(f => f.GetProperty("name").GetString() == "jpeg").GetProperty("count").GetInt32();
        await page.GetByTestId("view-folders").ClickAsync();
        await page.GetByTestId("folders-list").GetByText("jpeg", new LocatorGetByTextOptions { Exact = true }).ClickAsync();
        await page.GetByTestId("folder-path").GetByText("jpeg", new LocatorGetByTextOptions { Exact = true }).WaitForAsync();
        await Screenshot(page, "folders");
        await page.GetByTestId("folder-photos").ClickAsync();
        // All loaded (the grid keeps only the tiles near the viewport in the page).
        await page.Locator($"[data-testid=grid-count][data-done=true][data-loaded='{jpegCount}']").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Attached });
        Assert.Equal("path:\"jpeg\"", await page.GetByTestId("search").InputValueAsync());
        Assert.Empty(CspViolations);
    }

    [Fact]
    public async Task App_IsInstallable_AndItsShellOpensOffline()
    {
        using (var manifest = await Corpus.Served.Anonymous.GetAsync("/manifest.webmanifest"))
        {
            Assert.Equal(System.Net.HttpStatusCode.OK, manifest.StatusCode);
            Assert.Equal("application/manifest+json", manifest.Content.Headers.ContentType?.MediaType);
            var json = System.Text.Json.JsonDocument.Parse(await manifest.Content.ReadAsStringAsync()).RootElement;
            Assert.Equal("Pixhaven", json.GetProperty("name").GetString());
            foreach (var icon in json.GetProperty("icons").EnumerateArray())
            {
                using var image = await Corpus.Served.Anonymous.GetAsync(icon.GetProperty("src").GetString());
                Assert.Equal(icon.GetProperty("type").GetString(), image.Content.Headers.ContentType?.MediaType);
            }
        }

        var page = await OpenAsync();
        Assert.True(await page.EvaluateAsync<bool>("async () => !!(await navigator.serviceWorker.ready).active"));
        await page.WaitForFunctionAsync("async () => (await caches.open('pixhaven-shell-v1').then((c) => c.match('/'))) !== undefined");

        // Without a network the app still opens (and asks to sign in, as it cannot reach the server).
        await page.Context.SetOfflineAsync(true);
        await page.ReloadAsync();
        await page.GetByTestId("sign-in-name").WaitForAsync();
        await page.Context.SetOfflineAsync(false);
        Assert.Empty(CspViolations);
    }

    [Fact]
    public async Task Lightbox_EditsATitle_ThatIsStillThereAfterAReload()
    {
        const string query = "name:Canon_EOS_5D_Mark_III*";
        var listed = System.Text.Json.JsonDocument.Parse(await Corpus.Http.GetStringAsync($"/api/v1/photos?q={Uri.EscapeDataString(query)}")).RootElement.GetProperty("photos")[0];
        var uid = listed.GetProperty("uid").GetString();
        Assert.Equal(System.Text.Json.JsonValueKind.Null, listed.GetProperty("title").ValueKind); // cleared again below
        try
        {
            var page = await OpenAsync();
            await page.GotoAsync($"/?q={Uri.EscapeDataString(query)}");
            await page.Locator("[data-testid=grid] .tile").First.ClickAsync();
            await page.GetByTestId("edit-photo").ClickAsync();
            await page.GetByTestId("edit-title").FillAsync("Harbour at dawn");
            await page.GetByTestId("edit-title").PressAsync("ArrowLeft"); // typing keys, not lightbox navigation
            await page.GetByTestId("edit-save").ClickAsync();
            await page.GetByTestId("info-panel").GetByRole(AriaRole.Heading, new() { Name = "Harbour at dawn" }).WaitForAsync();

            await page.ReloadAsync(); // the address names the photo: the viewer opens on it again
            await page.GetByTestId("info-panel").GetByRole(AriaRole.Heading, new() { Name = "Harbour at dawn" }).WaitForAsync();
            Assert.Equal("Harbour at dawn", System.Text.Json.JsonDocument.Parse(await Corpus.Http.GetStringAsync($"/api/v1/photos/{uid}")).RootElement.GetProperty("title").GetString());
            Assert.Empty(CspViolations);
        }
        finally
        {
            await Corpus.Http.PatchAsJsonAsync($"/api/v1/photos/{uid}", new { title = "" });
        }
    }

    [Fact]
    public async Task Map_ShowsEveryPhotoWithAPosition_AndAMarkerOpensItsPhotos()
    {
        var placed = System.Text.Json.JsonDocument.Parse(await Corpus.Http.GetStringAsync("/api/v1/photos/facets?q=geo:true")).RootElement.GetProperty("total").GetInt32();
        Assert.True(placed > 10);
        var page = await OpenAsync();
        await page.GetByTestId("view-places").ClickAsync();
        var markers = page.GetByTestId("map").Locator(".marker");
        await markers.First.WaitForAsync();
        var counts = await markers.EvaluateAllAsync<int[]>("ms => ms.map(m => Number(m.dataset.count))");
        Assert.Equal(placed, counts.Sum());
        await Screenshot(page, "map");

        // A marker of one photo opens a search near it that finds that photo.
        var single = markers.Locator("xpath=self::*[@data-count='1']").First;
        await single.ClickAsync();
        await page.WaitForFunctionAsync("() => document.querySelectorAll('[data-testid=grid] .tile').length >= 1");
        Assert.StartsWith("near:", await page.GetByTestId("search").InputValueAsync(), StringComparison.Ordinal);
        Assert.Empty(CspViolations);
    }

    [Fact]
    public async Task Places_OpenAsTheCountrysSearch()
    {
        var countries = System.Text.Json.JsonDocument.Parse(await Corpus.Http.GetStringAsync("/api/v1/places")).RootElement.EnumerateArray().ToList();
        var top = countries[0];
        var page = await OpenAsync();
        await page.GetByTestId("view-places").ClickAsync();
        await page.GetByTestId("places-list").GetByText(top.GetProperty("name").GetString()!, new LocatorGetByTextOptions { Exact = true }).ClickAsync();
        await page.WaitForFunctionAsync($"() => document.querySelectorAll('[data-testid=grid] .tile').length === {top.GetProperty("count").GetInt32()}");
        Assert.Equal($"country:{top.GetProperty("countryCode").GetString()!.ToLowerInvariant()}", await page.GetByTestId("search").InputValueAsync());
        await page.GetByTestId("view-calendar").ClickAsync();
        await page.GetByTestId("calendar-list").Locator("button").First.WaitForAsync();
        Assert.Empty(CspViolations);
    }

    [Fact]
    public async Task SignIn_WrongPasswordIsShown_ThenSignsIn_AndSignsOutAgain()
    {
        var page = await OpenSignedOutAsync();
        Assert.Equal(0, await page.Locator("[data-testid=grid]").CountAsync());
        await SignInAsync(page, "not the password");
        var alert = page.GetByRole(AriaRole.Alert);
        await alert.WaitForAsync();
        Assert.Contains("wrong name or password", await alert.TextContentAsync() ?? "", StringComparison.Ordinal);
        await Screenshot(page, "sign-in");

        await SignInAsync(page, LibraryServer.AdminPassword);
        await WaitForLoadedImage(page, "[data-testid=grid] img");

        await page.ReloadAsync(); // the session is a cookie: it survives a reload
        await WaitForLoadedImage(page, "[data-testid=grid] img");

        await page.GetByTestId("sign-out").ClickAsync();
        await page.GetByTestId("sign-in-name").WaitForAsync();
        await page.ReloadAsync();
        await page.GetByTestId("sign-in-name").WaitForAsync();
        Assert.Empty(CspViolations);
    }

    [Fact]
    public async Task Grid_ShowsThumbnails_LoadsMoreOnScroll_AndKeepsOnlyTheTilesNearTheViewport()
    {
        var page = await OpenAsync();
        await WaitForLoadedImage(page, "[data-testid=grid] img");
        var firstPage = await page.Locator("[data-testid=grid] .tile").CountAsync();
        Assert.True(firstPage >= 20, $"only {firstPage} tiles on the first page");
        await Screenshot(page, "grid");

        var status = await Corpus.Http.GetStringAsync("/api/v1/status");
        var total = System.Text.Json.JsonDocument.Parse(status).RootElement.GetProperty("counts").GetProperty("photos").GetInt32();
        var count = page.GetByTestId("grid-count");
        for (var i = 0; i < 20 && await count.GetAttributeAsync("data-done") != "true"; i++)
        {
            await page.Mouse.WheelAsync(0, 20_000);
            await page.WaitForTimeoutAsync(300);
        }

        Assert.Equal(total.ToString(System.Globalization.CultureInfo.InvariantCulture), await count.GetAttributeAsync("data-loaded"));
        await page.Mouse.WheelAsync(0, 100_000);
        await page.Locator($"[data-testid=grid] .tile[data-index='{total - 1}']").WaitForAsync();
        // Virtualised: at the end of the list, the first photos are no longer in the page.
        Assert.Equal(0, await page.Locator("[data-testid=grid] .tile[data-index='0']").CountAsync());
        var inPage = await page.Locator("[data-testid=grid] .tile").CountAsync();
        Assert.True(inPage < total, $"{inPage} of {total} tiles are in the page");
    }

    [Fact]
    public async Task Lightbox_OpensWithInfo_NavigatesWithKeys_AndCloses()
    {
        var page = await OpenAsync();
        await WaitForLoadedImage(page, "[data-testid=grid] img");
        await page.Locator("[data-testid=grid] .tile").First.ClickAsync();

        var lightbox = page.GetByTestId("lightbox");
        await lightbox.WaitForAsync();
        await WaitForLoadedImage(page, "[data-testid=lightbox-image]");
        await page.GetByTestId("info-panel").GetByText("Taken").WaitForAsync();
        await Screenshot(page, "lightbox");

        // The download link carries the download token and works without the session cookie.
        var download = await page.GetByTestId("info-panel").GetByRole(AriaRole.Link, new() { NameRegex = new("^Download ") }).First.GetAttributeAsync("href");
        Assert.StartsWith("/api/v1/dl/", download, StringComparison.Ordinal);
        using (var original = await Corpus.Served.Anonymous.GetAsync(download))
        {
            Assert.Equal(System.Net.HttpStatusCode.OK, original.StatusCode);
            Assert.NotNull(original.Content.Headers.ContentDisposition?.FileName);
        }

        var first = await page.GetByTestId("lightbox-image").GetAttributeAsync("src");
        await page.Keyboard.PressAsync("ArrowRight");
        await page.WaitForFunctionAsync($"() => document.querySelector('[data-testid=lightbox-image]')?.getAttribute('src') !== '{first}'");
        await WaitForLoadedImage(page, "[data-testid=lightbox-image]");
        await page.Keyboard.PressAsync("ArrowLeft");
        Assert.Equal(first, await page.GetByTestId("lightbox-image").GetAttributeAsync("src"));

        await page.Keyboard.PressAsync("Escape");
        await lightbox.WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Detached });
    }

    [Fact]
    public async Task Search_FiltersTheGrid_KeepsItInTheAddress_AndExplainsABadQuery()
    {
        var page = await OpenAsync();
        await WaitForLoadedImage(page, "[data-testid=grid] img");
        await page.FillAsync("[data-testid=search]", "type:video");
        await page.PressAsync("[data-testid=search]", "Enter");
        await page.WaitForFunctionAsync("() => document.querySelectorAll('[data-testid=grid] .tile').length === 2", null,
            new PageWaitForFunctionOptions { Timeout = 20_000 });
        Assert.Contains("q=type%3Avideo", page.Url, StringComparison.Ordinal);
        await Screenshot(page, "search");

        await page.ReloadAsync();
        await page.WaitForFunctionAsync("() => document.querySelectorAll('[data-testid=grid] .tile').length === 2", null,
            new PageWaitForFunctionOptions { Timeout = 20_000 });
        Assert.Equal("type:video", await page.InputValueAsync("[data-testid=search]"));

        await page.FillAsync("[data-testid=search]", "year:2019 foo:bar");
        await page.PressAsync("[data-testid=search]", "Enter");
        var error = page.Locator("[data-testid=search-error]");
        await error.WaitForAsync(new LocatorWaitForOptions { Timeout = 20_000 });
        Assert.Contains("unknown filter 'foo:' (at character 11)", await error.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await page.Locator("[data-testid=grid] .tile").CountAsync());
    }

    [Fact]
    public async Task About_ShowsTheVersionString()
    {
        var page = await OpenAsync();
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "About" }).ClickAsync();
        var version = page.GetByTestId("about-version");
        await page.WaitForFunctionAsync("() => /^\\d{6}-/.test(document.querySelector('[data-testid=about-version]')?.textContent ?? '')");
        Assert.Matches(@"^\d{6}-([0-9a-f]{7}|unknown)-Linux-(x86_64|arm64)(-DEBUG)?$", await version.TextContentAsync());
        await page.Keyboard.PressAsync("Escape");
        await page.GetByTestId("about").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Hidden });
    }

    [Theory]
    [InlineData(1280)] // a laptop
    [InlineData(1024)] // a tablet held sideways
    public async Task TheSearchAndEveryViewsTab_HaveRoom_OnALaptopOrTabletScreen(int width)
    {
        var page = await OpenAsync(width, 800);
        await page.GetByTestId("view-library").WaitForAsync();
        await page.GetByTestId("version").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Attached }); // the status line is in
        var search = (await page.GetByTestId("search").BoundingBoxAsync())!;
        Assert.True(search.Width >= 180, $"the search is {search.Width} px wide");
        Assert.True(await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth") <= width, "nothing sticks out to the side");
        foreach (var button in new[] { "open-upload", "open-settings", "sign-out" })
        {
            var box = (await page.GetByTestId(button).BoundingBoxAsync())!;
            Assert.True(box.X + box.Width <= width && box.Height < 40, $"{button} is on the screen, on one line");
        }

        var cut = await page.EvaluateAsync<string[]>(
            "() => [...document.querySelectorAll('nav button')].filter(b => { const r = b.getBoundingClientRect(); return r.left < 0 || r.right > innerWidth; }).map(b => b.textContent)");
        Assert.True(cut.Length == 0, "cut off at the edge: " + string.Join(", ", cut));
        Assert.True(await page.EvaluateAsync<bool>("() => { const nav = document.querySelector('nav'); return nav.scrollWidth <= nav.clientWidth; }"), "the tabs need no scrolling");
    }

    [Fact]
    public async Task PhoneViewport_ShowsTheGrid()
    {
        var page = await OpenAsync(390, 844);
        await WaitForLoadedImage(page, "[data-testid=grid] img");
        var box = await page.Locator("[data-testid=grid] .tile").First.BoundingBoxAsync();
        Assert.NotNull(box);
        Assert.True(box.X + box.Width <= 390, "tiles fit the phone's width");
        // The header fits too: the search has a line of its own, and what is used less waits behind a menu.
        Assert.True(await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth") <= 390, "nothing sticks out to the side");
        var search = await page.GetByRole(AriaRole.Search).BoundingBoxAsync();
        Assert.True(search!.Width >= 330, $"the search and its order are {search.Width} px wide");
        Assert.True((await page.GetByTestId("search").BoundingBoxAsync())!.Width >= 180);
        Assert.False(await page.GetByTestId("sign-out").IsVisibleAsync());
        await Screenshot(page, "phone");

        await page.GetByTestId("more").ClickAsync();
        await page.GetByTestId("sign-out").WaitForAsync();
        var signOut = await page.GetByTestId("sign-out").BoundingBoxAsync();
        Assert.True(signOut!.X >= 0 && signOut.X + signOut.Width <= 390, "the menu is on the screen");
        await Screenshot(page, "phone-menu");
        await page.GetByRole(AriaRole.Button, new() { Name = "About", Exact = true }).ClickAsync();
        await page.GetByTestId("about").WaitForAsync();
        Assert.False(await page.GetByTestId("sign-out").IsVisibleAsync()); // a choice closes the menu
    }
}
