using System.IO.Compression;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using Pixhaven.Tests.Infrastructure;

namespace Pixhaven.Tests.Web;

/// <summary>The grid's selection and batch toolbar in the browser: albums, favorites, archive, ZIP download, share links.</summary>
[Collection(CorpusGroup.Name)]
public sealed class SelectionTests(CorpusFixture corpus) : CorpusBrowserTest(corpus)
{
    private async Task<List<string>> NewestUidsAsync(int count)
    {
        var page = await Corpus.Http.GetFromJsonAsync<JsonElement>($"/api/v1/photos?count={count}");
        return page.GetProperty("photos").EnumerateArray().Select(p => p.GetProperty("uid").GetString()!).ToList();
    }

    /// <summary>Selects the first tile, then shift-clicks the third: three photos selected.</summary>
    private static async Task SelectFirstThreeAsync(IPage page)
    {
        await WaitForLoadedImage(page, "[data-testid=grid] img");
        await page.Locator("[data-testid=grid] .cell").First.HoverAsync();
        await page.GetByTestId("select-0").ClickAsync();
        await page.GetByTestId("select-2").ClickAsync(new LocatorClickOptions { Modifiers = [KeyboardModifier.Shift] });
        await page.GetByTestId("selection-count").GetByText("3 selected").WaitForAsync();
    }

    [Fact]
    public async Task Selection_WithShiftClick_IsAddedToANewAlbum()
    {
        var expected = await NewestUidsAsync(3);
        var page = await OpenAsync();
        await SelectFirstThreeAsync(page);
        await Screenshot(page, "selection");

        await page.GetByTestId("selection-album").ClickAsync();
        await page.GetByTestId("new-album-title").FillAsync("Chosen in the browser");
        await page.GetByTestId("create-album").ClickAsync();
        await page.GetByTestId("notices").GetByText("3 photos added to Chosen in the browser").WaitForAsync();

        var albums = await Corpus.Http.GetFromJsonAsync<JsonElement>("/api/v1/albums");
        var album = albums.EnumerateArray().Single(a => a.GetProperty("title").GetString() == "Chosen in the browser");
        var uid = album.GetProperty("uid").GetString();
        try
        {
            var inAlbum = await Corpus.Http.GetFromJsonAsync<JsonElement>($"/api/v1/albums/{uid}/photos");
            Assert.Equal(expected.Order(), inAlbum.GetProperty("photos").EnumerateArray().Select(p => p.GetProperty("uid").GetString()!).Order());

            // The selection is cleared, and the album shows the three photos.
            Assert.Equal(0, await page.GetByTestId("selection-bar").CountAsync());
            await page.GetByTestId("view-albums").ClickAsync();
            await page.GetByTestId("albums-list").GetByText("Chosen in the browser").ClickAsync();
            await page.WaitForFunctionAsync("() => document.querySelectorAll('[data-testid=grid] .tile').length === 3");
            Assert.Empty(CspViolations);
        }
        finally
        {
            await Corpus.Http.DeleteAsync($"/api/v1/albums/{uid}");
        }
    }

    [Fact]
    public async Task Selection_IsArchived_ThenRestoredFromTheArchiveView()
    {
        var expected = await NewestUidsAsync(3);
        var page = await OpenAsync();
        try
        {
            await SelectFirstThreeAsync(page);
            await page.GetByTestId("selection-archive").ClickAsync();
            await page.GetByTestId("notices").GetByText("Archived").WaitForAsync();
            var archived = await Corpus.Http.GetFromJsonAsync<JsonElement>("/api/v1/photos/facets?q=archived%3Atrue");
            Assert.Equal(3, archived.GetProperty("total").GetInt32());
            Assert.DoesNotContain(expected[0], await NewestUidsAsync(3));

            await page.GetByTestId("view-archive").ClickAsync();
            await page.WaitForFunctionAsync("() => document.querySelectorAll('[data-testid=grid] .tile').length === 3");
            await page.Keyboard.PressAsync("Control+a");
            await page.GetByTestId("selection-count").GetByText("3 selected").WaitForAsync();
            await page.GetByTestId("selection-restore").ClickAsync();
            await page.GetByTestId("grid").Locator(".tile").First.WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Detached });
            Assert.Equal(expected, await NewestUidsAsync(3));
        }
        finally
        {
            await Corpus.Http.PostAsJsonAsync("/api/v1/batch/photos/restore", new { photos = expected });
        }
    }

    [Fact]
    public async Task Selection_IsTurnedFromTheEditDialog_AndTheGridShowsThemTurned()
    {
        var uids = await NewestUidsAsync(3);
        async Task<List<(int, int)>> Sizes()
        {
            var sizes = new List<(int, int)>();
            foreach (var uid in uids)
            {
                var photo = await Corpus.Http.GetFromJsonAsync<JsonElement>($"/api/v1/photos/{uid}");
                Assert.Contains(photo.GetProperty("type").GetString(), new[] { "image", "raw" });
                sizes.Add((photo.GetProperty("width").GetInt32(), photo.GetProperty("height").GetInt32()));
            }

            return sizes;
        }

        var before = await Sizes();
        var page = await OpenAsync();
        try
        {
            await SelectFirstThreeAsync(page);
            await page.GetByTestId("selection-edit").ClickAsync();
            await page.GetByTestId("batch-turn").SelectOptionAsync(new SelectOptionValue { Label = "Turn right" });
            await page.GetByTestId("batch-save").ClickAsync();
            await page.GetByTestId("notices").GetByText("Changes saved").WaitForAsync();
            Assert.Equal(before.Select(s => (s.Item2, s.Item1)), await Sizes());

            // The grid is loaded again: the first tile has the first photo's new shape.
            var key = (await Corpus.Http.GetFromJsonAsync<JsonElement>($"/api/v1/photos/{uids[0]}")).GetProperty("thumbnailHash").GetString();
            await page.Locator($"[data-testid=grid] .tile[data-index='0'] img[src*='{key}']").WaitForAsync();
            var tile = (await page.Locator("[data-testid=grid] .tile[data-index='0']").BoundingBoxAsync())!;
            Assert.Equal(before[0].Item1 > before[0].Item2, tile.Height > tile.Width);
        }
        finally
        {
            await Corpus.Http.PostAsJsonAsync("/api/v1/batch/photos/edit", new { photos = uids, values = new { rotate = -90 } });
        }

        Assert.Equal(before, await Sizes());
    }

    [Fact]
    public async Task Selection_TimeIsShiftedAndZonedFromTheEditDialog()
    {
        await using var library = await TestLibrary.CreateAsync([TestPhotos.CanonJpeg, TestPhotos.OffsetJpeg]);
        await library.IndexAsync();
        var (server, page) = await OpenOwnLibraryAsync(library);
        await using var _ = server;
        async Task<Dictionary<string, (DateTime Local, string? Offset)>> Times()
        {
            var photos = (await server.Http.GetFromJsonAsync<JsonElement>("/api/v1/photos?count=10")).GetProperty("photos").EnumerateArray();
            var times = new Dictionary<string, (DateTime, string?)>();
            foreach (var uid in photos.Select(p => p.GetProperty("uid").GetString()!))
            {
                var photo = await server.Http.GetFromJsonAsync<JsonElement>($"/api/v1/photos/{uid}");
                times[uid] = (DateTime.Parse(photo.GetProperty("takenAt").GetString()!, System.Globalization.CultureInfo.InvariantCulture),
                    photo.GetProperty("takenAtOffset").GetString());
            }

            return times;
        }

        var before = await Times();
        Assert.Equal(2, before.Count);
        await WaitForLoadedImage(page, "[data-testid=grid] img");
        await page.Locator("[data-testid=grid] .cell").First.HoverAsync();
        await page.GetByTestId("select-0").ClickAsync();
        await page.GetByTestId("select-1").ClickAsync();
        await page.GetByTestId("selection-count").GetByText("2 selected").WaitForAsync();
        await page.GetByTestId("selection-edit").ClickAsync();
        // Three hours back and a quarter forward: the camera ran 2 h 45 min fast, in Tokyo.
        await page.GetByTestId("batch-shift-hours").FillAsync("-3");
        await page.GetByTestId("batch-shift-minutes").FillAsync("15");
        await page.GetByTestId("batch-time-zone").FillAsync("Asia/Tokyo");
        await Screenshot(page, "batch-edit");
        await page.GetByTestId("batch-save").ClickAsync();
        await page.GetByTestId("notices").GetByText("Changes saved").WaitForAsync();

        var after = await Times();
        foreach (var (uid, time) in before)
        {
            Assert.Equal(time.Local - new TimeSpan(2, 45, 0), after[uid].Local);
            Assert.Equal("+09:00", after[uid].Offset);
        }
    }

    [Fact]
    public async Task Selection_DownloadsAsAZip()
    {
        var page = await OpenAsync();
        await SelectFirstThreeAsync(page);
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("selection-download").ClickAsync());
        var path = Path.Combine(Path.GetTempPath(), $"pixhaven-{Guid.NewGuid():N}.zip");
        await download.SaveAsAsync(path);
        try
        {
            Assert.EndsWith(".zip", download.SuggestedFilename);
            using var zip = ZipFile.OpenRead(path);
            Assert.Equal(3, zip.Entries.Count);
            Assert.All(zip.Entries, e => Assert.True(e.Length > 0));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task Selection_IsShared_AndAGuestSeesOnlyThosePhotos()
    {
        var page = await OpenAsync();
        await SelectFirstThreeAsync(page);
        await page.GetByTestId("selection-share").ClickAsync();
        await page.GetByTestId("create-share").ClickAsync();
        var url = await page.GetByTestId("share-url").InputValueAsync();
        Assert.Contains("/s/", url);

        // A guest in another browser context: no session, just the link.
        var guest = await OpenSignedOutAsync(path: new Uri(url).PathAndQuery);
        await guest.GetByTestId("shared-grid").WaitForAsync();
        await guest.WaitForFunctionAsync("() => document.querySelectorAll('[data-testid=shared-grid] .tile img').length === 3");
        await WaitForLoadedImage(guest, "[data-testid=shared-grid] img");
        await Screenshot(guest, "shared");
        await guest.Locator("[data-testid=shared-grid] .tile").First.ClickAsync();
        await WaitForLoadedImage(guest, "[data-testid=lightbox-image]");
        var href = await guest.GetByTestId("shared-download").GetAttributeAsync("href");
        Assert.NotNull(href);
        // The guest's viewer goes on to the next shared photo, and its download link follows.
        await guest.Keyboard.PressAsync("ArrowRight");
        await guest.WaitForFunctionAsync("href => document.querySelector('[data-testid=shared-download]').getAttribute('href') !== href", href);
        Assert.Equal(0, await guest.GetByTestId("sign-in-name").CountAsync());
        // A guest's slideshow goes on from the second photo to the third, the last, and ends there.
        await guest.EvaluateAsync("() => localStorage.setItem('pixhaven-slideshow-seconds', '2')");
        var second = await guest.GetByTestId("shared-download").GetAttributeAsync("href");
        await guest.GetByTestId("lightbox-slideshow").ClickAsync();
        await guest.Locator("[data-testid=lightbox-slideshow][aria-pressed=true]").WaitForAsync();
        await guest.WaitForFunctionAsync("href => document.querySelector('[data-testid=shared-download]').getAttribute('href') !== href", second);
        await guest.Locator("[data-testid=lightbox-slideshow][aria-pressed=false]").WaitForAsync();
        await guest.GetByTestId("lightbox").WaitForAsync();

        var shares = await Corpus.Http.GetFromJsonAsync<JsonElement>("/api/v1/shares");
        foreach (var share in shares.EnumerateArray())
        {
            await Corpus.Http.DeleteAsync($"/api/v1/shares/{share.GetProperty("uid").GetString()}");
        }

        await guest.ReloadAsync();
        await guest.GetByTestId("share-error").GetByText("revoked").WaitForAsync();
    }

    [Fact]
    public async Task AlbumPage_RenamesReordersSetsTheCoverRemovesAndDeletes()
    {
        var uids = await NewestUidsAsync(3);
        using var created = await Corpus.Http.PostAsJsonAsync("/api/v1/albums", new { title = "To organise" });
        var album = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("uid").GetString()!;
        await Corpus.Http.PostAsJsonAsync($"/api/v1/albums/{album}/photos", new { photos = uids });
        async Task<List<string>> Order() => (await Corpus.Http.GetFromJsonAsync<JsonElement>($"/api/v1/albums/{album}/photos")).GetProperty("photos")
            .EnumerateArray().Select(p => p.GetProperty("uid").GetString()!).ToList();
        try
        {
            var page = await OpenAsync();
            await page.GetByTestId("view-albums").ClickAsync();
            await page.GetByTestId("albums-list").GetByText("To organise").ClickAsync();
            await page.GetByTestId("album-rename").ClickAsync();
            await page.GetByTestId("album-title-input").FillAsync("Organised");
            await page.GetByTestId("album-rename-save").ClickAsync();
            await page.GetByTestId("album-title").GetByText("Organised").WaitForAsync();
            Assert.Equal("Organised", (await Corpus.Http.GetFromJsonAsync<JsonElement>($"/api/v1/albums/{album}")).GetProperty("title").GetString());

            // The last photo moves to the start, then becomes the cover.
            await page.WaitForFunctionAsync("() => document.querySelectorAll('[data-testid=grid] .tile').length === 3");
            var last = (await Order())[^1];
            await page.Locator("[data-testid=grid] .cell").Nth(2).HoverAsync();
            await page.GetByTestId("select-2").ClickAsync();
            await page.GetByTestId("selection-move-first").ClickAsync();
            await page.GetByTestId("notices").GetByText("Moved to the start").WaitForAsync();
            Assert.Equal(last, (await Order())[0]);

            await page.Locator("[data-testid=grid] .cell").First.HoverAsync();
            await page.GetByTestId("select-0").ClickAsync();
            await page.GetByTestId("selection-cover").ClickAsync();
            await page.GetByTestId("notices").GetByText("Album cover set").WaitForAsync();
            Assert.Equal(last, (await Corpus.Http.GetFromJsonAsync<JsonElement>($"/api/v1/albums/{album}")).GetProperty("coverUid").GetString());

            await page.Locator("[data-testid=grid] .cell").First.HoverAsync();
            await page.GetByTestId("select-0").ClickAsync();
            await page.GetByTestId("selection-remove-from-album").ClickAsync();
            await page.WaitForFunctionAsync("() => document.querySelectorAll('[data-testid=grid] .tile').length === 2");
            Assert.DoesNotContain(last, await Order());

            page.Dialog += (_, dialog) => dialog.AcceptAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Delete album" }).ClickAsync();
            await page.GetByTestId("albums-list").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Attached });
            Assert.Equal(System.Net.HttpStatusCode.NotFound, (await Corpus.Http.GetAsync($"/api/v1/albums/{album}")).StatusCode);
        }
        finally
        {
            await Corpus.Http.DeleteAsync($"/api/v1/albums/{album}");
        }
    }
}
