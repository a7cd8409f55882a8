using Microsoft.Playwright;
using Pixhaven.Tests.Infrastructure;

namespace Pixhaven.Tests.Web;

/// <summary>Uploads from the browser, each into a library of its own: what they add must not reach the shared corpus.</summary>
[Collection(CorpusGroup.Name)]
public sealed class UploadBrowserTests(CorpusFixture corpus) : CorpusBrowserTest(corpus)
{
    /// <summary>A library of its own with one photo, signed in: for tests that add photos, which the shared corpus must not get.</summary>
    private async Task<OwnLibrary> OpenOwnLibraryAsync()
    {
        var library = await TestLibrary.CreateAsync([TestPhotos.CanonJpeg]);
        await library.IndexAsync();
        var server = await LibraryServer.StartAsync(library);
        var page = await Browser.NewPageAsync(new BrowserNewPageOptions { BaseURL = server.BaseAddress.ToString() });
        await page.GotoAsync("/");
        await SignInAsync(page, LibraryServer.AdminPassword);
        await page.WaitForFunctionAsync("() => document.querySelectorAll('[data-testid=grid] .tile').length === 1");
        return new OwnLibrary(library, server, page);
    }

    private sealed record OwnLibrary(TestLibrary Library, LibraryServer Server, IPage Page) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await Server.DisposeAsync();
            await Library.DisposeAsync();
        }
    }

    [Fact]
    public async Task Upload_SurvivesADroppedConnection_AndTheFileIsImportedAndShownInTheGrid()
    {
        await using var own = await OpenOwnLibraryAsync();
        var (library, page) = (own.Library, own.Page);

        // New content (trailing bytes after the JPEG's end), so it is not a duplicate of a photo already there.
        var bytes = (await File.ReadAllBytesAsync(TestPhotos.PathOf(TestPhotos.GpsJpeg))).Concat("uploaded from the browser"u8.ToArray()).ToArray();
        // The connection drops during the first transfer of bytes; the upload carries on from what the server has.
        var patches = 0;
        await page.RouteAsync("**/api/v1/uploads/*", async route =>
        {
            if (route.Request.Method == "PATCH" && Interlocked.Increment(ref patches) == 1)
            {
                await route.AbortAsync("connectionreset");
                return;
            }

            await route.ContinueAsync();
        });
        await page.GetByTestId("open-upload").ClickAsync();
        // The picker offers what browsers know no type for as well: RAW files, and what cameras and loggers write beside.
        var accepted = (await page.GetByTestId("upload-files").GetAttributeAsync("accept"))!.Split(',');
        Assert.Empty(new[] { "image/*", "video/*", ".heic", ".cr3", ".nef", ".arw", ".gpr", ".mts", ".mod", ".moi", ".lrv", ".xmp", ".srt", ".gpx", ".json" }.Except(accepted));
        await page.GetByTestId("upload-files").SetInputFilesAsync(new FilePayload { Name = "from-the-phone.jpg", MimeType = "image/jpeg", Buffer = bytes });
        await page.GetByTestId("upload-start").ClickAsync();
        await page.GetByTestId("upload-message").WaitForAsync(new LocatorWaitForOptions { Timeout = 60_000 });
        Assert.Contains("Uploaded and added to the library", await page.GetByTestId("upload").InnerTextAsync(), StringComparison.Ordinal);
        // The file's bar ends before the word beside it begins.
        var row = page.GetByTestId("upload-list").Locator("li").First;
        var bar = (await row.Locator("progress").BoundingBoxAsync())!;
        var sent = (await row.Locator("span").Last.BoundingBoxAsync())!;
        Assert.True(bar.X + bar.Width <= sent.X, $"the bar ends at {bar.X + bar.Width}, its word begins at {sent.X}");
        await Screenshot(page, "upload");
        await page.GetByTestId("upload").GetByRole(AriaRole.Button, new() { Name = "Close" }).ClickAsync();
        await page.WaitForFunctionAsync("() => document.querySelectorAll('[data-testid=grid] .tile').length === 2");

        var imported = Directory.GetFiles(library.Originals, "*.jpg", SearchOption.AllDirectories).Where(f => !f.EndsWith(TestPhotos.CanonJpeg.Split('/')[^1], StringComparison.Ordinal)).ToList();
        Assert.Equal(bytes, await File.ReadAllBytesAsync(Assert.Single(imported)));
        Assert.Empty(Directory.GetFiles(library.Options.Values.ImportFullPath, "*", SearchOption.AllDirectories));
        Assert.True(patches >= 2, $"{patches} transfers: the dropped one was not retried");
    }

    [Fact]
    public async Task Upload_OfAPhotoAlreadyInTheLibrary_SaysSo_AndTheLibraryViewListsIt()
    {
        await using var own = await OpenOwnLibraryAsync();
        var (library, page) = (own.Library, own.Page);

        // The same bytes under another name: a copy the library has, which the import leaves in the inbox.
        await page.GetByTestId("open-upload").ClickAsync();
        await page.GetByTestId("upload-files").SetInputFilesAsync(new FilePayload
        {
            Name = "copy-from-the-phone.jpg", MimeType = "image/jpeg", Buffer = await File.ReadAllBytesAsync(TestPhotos.PathOf(TestPhotos.CanonJpeg)),
        });
        await page.GetByTestId("upload-start").ClickAsync();
        await page.GetByTestId("upload-message").WaitForAsync(new LocatorWaitForOptions { Timeout = 60_000 });
        Assert.Equal("Uploaded; 0 added to the library, and 1 left in the inbox:", (await page.GetByTestId("upload-message").InnerTextAsync()).Trim());
        var left = await page.GetByTestId("upload-left").InnerTextAsync();
        Assert.Contains("copy-from-the-phone.jpg", left, StringComparison.Ordinal);
        Assert.Contains($"already in the library as {TestPhotos.CanonJpeg}", left, StringComparison.Ordinal);

        await page.GetByTestId("upload").GetByRole(AriaRole.Button, new() { Name = "Close" }).ClickAsync();
        await page.GetByTestId("view-library").ClickAsync();
        Assert.Contains("0 of 1 files were brought into the library", await page.GetByTestId("import-summary").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains($"already in the library as {TestPhotos.CanonJpeg}", await page.GetByTestId("import-left").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Single(Directory.GetFiles(library.Options.Values.ImportFullPath, "*.jpg", SearchOption.AllDirectories));
        Assert.Empty(CspViolations);
    }
}
