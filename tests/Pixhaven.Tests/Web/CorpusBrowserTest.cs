using System.Collections.Concurrent;
using Microsoft.Playwright;
using Pixhaven.Tests.Infrastructure;

namespace Pixhaven.Tests.Web;

/// <summary>
/// What every browser test of the web app over the corpus needs: Debian's headless Chromium, pages signed in through
/// the form, screenshots, and a record of Content-Security-Policy violations (the app has no inline script and loads
/// nothing from elsewhere, so any is a bug).
/// </summary>
public abstract class CorpusBrowserTest(CorpusFixture corpus) : IAsyncLifetime
{
    private IPlaywright _playwright = null!;

    public static string ScreenshotFolder { get; } = Path.Combine(AppContext.BaseDirectory, "screenshots");

    protected CorpusFixture Corpus => corpus;
    protected IBrowser Browser { get; private set; } = null!;
    protected ConcurrentBag<string> CspViolations { get; } = [];

    private readonly List<(IPage Page, string Name)> _pages = [];

    public async Task InitializeAsync() => (_playwright, Browser) = await Chromium.LaunchAsync();

    /// <summary>Every test leaves a screenshot of each page it opened, named after the test, for reviewing what it saw.</summary>
    public async Task DisposeAsync()
    {
        foreach (var (page, name) in _pages)
        {
            if (!page.IsClosed)
            {
                await Screenshot(page, name).ConfigureAwait(false);
            }
        }

        await Browser.DisposeAsync();
        _playwright.Dispose();
    }

    /// <summary>A fresh browser context, signed in through the form as a real user would.</summary>
    protected async Task<IPage> OpenAsync(int width = 1280, int height = 900, [System.Runtime.CompilerServices.CallerMemberName] string test = "")
    {
        var page = await OpenSignedOutAsync(width, height, test: test);
        await SignInAsync(page, LibraryServer.AdminPassword);
        // Attached, not visible: on a phone it is in the header's menu.
        await page.GetByTestId("sign-out").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Attached });
        return page;
    }

    protected async Task<IPage> OpenSignedOutAsync(int width = 1280, int height = 900, string path = "/", [System.Runtime.CompilerServices.CallerMemberName] string test = "")
    {
        var page = await Browser.NewPageAsync(new BrowserNewPageOptions
        {
            ViewportSize = new ViewportSize { Width = width, Height = height },
            BaseURL = corpus.BaseAddress.ToString(),
            AcceptDownloads = true,
        });
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.Ordinal))
            {
                CspViolations.Add(message.Text);
            }
        };
        _pages.Add((page, _pages.Any(p => p.Name.StartsWith(test, StringComparison.Ordinal)) ? $"{test}-{_pages.Count + 1}" : test));
        await page.GotoAsync(path);
        return page;
    }

    /// <summary>A page signed in to a server of the test's own library, not the shared corpus; the caller disposes the server.</summary>
    protected async Task<(LibraryServer Server, IPage Page)> OpenOwnLibraryAsync(TestLibrary library)
    {
        var server = await LibraryServer.StartAsync(library);
        var page = await Browser.NewPageAsync(new BrowserNewPageOptions { BaseURL = server.BaseAddress.ToString() });
        await page.GotoAsync("/");
        await SignInAsync(page, LibraryServer.AdminPassword);
        return (server, page);
    }

    protected static Task SignInAsync(IPage page, string password) => Chromium.SignInAsync(page, LibraryServer.AdminName, password);

    /// <summary>The photo the viewer shows, as the address names it.</summary>
    protected static string? PhotoInAddress(IPage page) => System.Web.HttpUtility.ParseQueryString(new Uri(page.Url).Query)["photo"];

    /// <summary>Searches from the search bar and opens the first photo found in the viewer.</summary>
    protected async Task<IPage> OpenFirstPhotoOfAsync(string query)
    {
        var page = await OpenAsync();
        await page.GetByTestId("search").FillAsync(query);
        await page.GetByTestId("search").PressAsync("Enter");
        await page.WaitForFunctionAsync("() => document.querySelectorAll('[data-testid=grid] .tile').length >= 1");
        await page.Locator("[data-testid=grid] .tile").First.ClickAsync();
        return page;
    }

    protected static Task WaitForLoadedImage(IPage page, string selector) =>
        page.WaitForFunctionAsync($"() => {{ const img = document.querySelector('{selector}'); return img && img.complete && img.naturalWidth > 0; }}",
            null, new PageWaitForFunctionOptions { Timeout = 20_000 });

    protected static async Task Screenshot(IPage page, string name)
    {
        Directory.CreateDirectory(ScreenshotFolder);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotFolder, name + ".png") });
    }
}
