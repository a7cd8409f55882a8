using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Pixhaven.Tests.Infrastructure;

namespace Pixhaven.Tests.Web;

/// <summary>axe-core on every main view of the web app, signed out and in: no serious or critical violation.</summary>
[Collection(CorpusGroup.Name)]
public sealed class AccessibilityTests(CorpusFixture corpus) : IAsyncLifetime
{
    private IPlaywright _playwright = null!;
    private IBrowser _browser = null!;

    public async Task InitializeAsync() => (_playwright, _browser) = await Chromium.LaunchAsync();

    public async Task DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
    }

    /// <summary>The serious and critical findings of axe on the page as it is now, one line each.</summary>
    private static async Task<List<string>> Violations(IPage page, string view)
    {
        var result = await page.RunAxe();
        return result.Violations
            .Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{view}: {v.Impact} {v.Id} ({v.Help}) at {string.Join(", ", v.Nodes.Select(n => n.Target.ToString()))}")
            .ToList();
    }

    [Theory]
    [InlineData(1280, 900)]
    [InlineData(390, 844)] // a phone
    public async Task MainViews_HaveNoSeriousOrCriticalViolations(int width, int height)
    {
        var page = await _browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = width, Height = height }, BaseURL = corpus.BaseAddress.ToString() });
        await page.GotoAsync("/");
        await page.GetByTestId("sign-in-name").WaitForAsync();
        var found = await Violations(page, "sign-in");

        await Chromium.SignInAsync(page, LibraryServer.AdminName, LibraryServer.AdminPassword);
        await page.Locator("[data-testid=grid] img").First.WaitForAsync();
        found.AddRange(await Violations(page, "photos"));
        if (width < 700)
        {
            await page.GetByTestId("more").ClickAsync(); // the header's menu on a phone
            await page.GetByTestId("sign-out").WaitForAsync();
            found.AddRange(await Violations(page, "menu"));
            await page.Keyboard.PressAsync("Escape");
        }

        foreach (var view in new[] { "albums", "moments", "places", "calendar", "labels", "people", "folders" })
        {
            await page.GetByTestId($"view-{view}").ClickAsync();
            await page.GetByTestId($"{view}-list").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Attached });
            if (view == "places")
            {
                await page.GetByTestId("map").Locator(".marker").First.WaitForAsync(); // the map loads lazily
            }

            found.AddRange(await Violations(page, view));
        }

        foreach (var view in new[] { "videos", "review", "archive" })
        {
            await page.GetByTestId($"view-{view}").ClickAsync();
            await page.Locator("[data-testid=grid-count][data-done=true]").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Attached });
            found.AddRange(await Violations(page, view));
        }

        await page.GetByTestId("view-library").ClickAsync();
        await page.GetByTestId("activity-idle").WaitForAsync();
        found.AddRange(await Violations(page, "library"));

        await page.GetByTestId("view-photos").ClickAsync();
        await page.Locator("[data-testid=grid] .cell").First.HoverAsync();
        await page.GetByTestId("select-0").ClickAsync();
        await page.GetByTestId("selection-bar").WaitForAsync();
        found.AddRange(await Violations(page, "selection"));
        await page.Keyboard.PressAsync("Escape");

        await page.Keyboard.PressAsync("?");
        await page.GetByTestId("shortcuts").WaitForAsync();
        found.AddRange(await Violations(page, "shortcuts"));
        await page.Keyboard.PressAsync("Escape");

        await page.GetByTestId("search").FillAsync("label:f");
        await page.GetByTestId("suggestions").WaitForAsync();
        found.AddRange(await Violations(page, "suggestions"));
        await page.GetByTestId("search").FillAsync("");

        await page.Locator("[data-testid=grid] .tile").First.ClickAsync();
        await page.GetByTestId("info-panel").GetByText("Taken").WaitForAsync();
        found.AddRange(await Violations(page, "lightbox"));
        await page.Keyboard.PressAsync("Escape");

        await page.GetByTestId("open-upload").ClickAsync();
        await page.GetByTestId("upload-files").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Attached });
        found.AddRange(await Violations(page, "upload"));
        await page.Keyboard.PressAsync("Escape");

        if (width < 700)
        {
            await page.GetByTestId("more").ClickAsync();
        }

        await page.GetByTestId("open-settings").ClickAsync();
        await page.GetByTestId("users").WaitForAsync();
        found.AddRange(await Violations(page, "settings"));

        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(CorpusBrowserTest.ScreenshotFolder, $"accessibility-{width}.png") });
        Assert.True(found.Count == 0, string.Join("\n", found));
    }
}
