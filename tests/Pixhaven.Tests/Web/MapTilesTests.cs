using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using Pixhaven.Core.Options;
using Pixhaven.Tests.Infrastructure;

namespace Pixhaven.Tests.Web;

/// <summary>A configured tile server: its tiles under the map's markers, allowed by the Content-Security-Policy.</summary>
public sealed class MapTilesTests
{
    private const string Template = "https://{s}.tiles.example.test/{z}/{x}/{y}.png";

    [Fact]
    public async Task TileServer_IsAllowedAsAnImageSource_AndTheMapDrawsItsTiles()
    {
        await using var library = await TestLibrary.CreateAsync(["dates/datetimeoriginal-gps.jpg"],
            new Dictionary<string, string> { ["map-tile-url"] = Template.Replace("{s}", "a", StringComparison.Ordinal) });
        await library.IndexAsync();
        await using var server = await LibraryServer.StartAsync(library);

        using var home = await server.Anonymous.GetAsync("/");
        var csp = string.Join(' ', home.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("img-src 'self' data: blob: https://a.tiles.example.test;", csp, StringComparison.Ordinal);
        var session = await server.Http.GetFromJsonAsync<JsonElement>("/api/v1/session");
        Assert.Equal("https://a.tiles.example.test/{z}/{x}/{y}.png", session.GetProperty("mapTileUrl").GetString());

        var (playwright, browser) = await Chromium.LaunchAsync();
        try
        {
            var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 900 }, BaseURL = server.BaseAddress.ToString() });
            // The machine has no internet: the browser's requests to the tile server are answered here, with a real PNG.
            var requested = new ConcurrentBag<string>();
            var png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");
            await page.RouteAsync("https://a.tiles.example.test/**", async route =>
            {
                requested.Add(new Uri(route.Request.Url).AbsolutePath);
                await route.FulfillAsync(new RouteFulfillOptions { Status = 200, ContentType = "image/png", BodyBytes = png });
            });
            var blocked = new ConcurrentBag<string>();
            page.Console += (_, message) => { if (message.Text.Contains("Content Security Policy", StringComparison.Ordinal)) blocked.Add(message.Text); };
            await page.GotoAsync("/");
            await Chromium.SignInAsync(page, LibraryServer.AdminName, LibraryServer.AdminPassword);
            await page.GetByTestId("view-places").ClickAsync();
            await page.GetByTestId("map").Locator(".marker").First.WaitForAsync();
            await page.WaitForFunctionAsync("() => document.querySelectorAll('[data-testid=map] image').length > 0");

            // At 1280 px the whole world is zoom level 2: 4 tiles across, the rows in view.
            var hrefs = await page.Locator("[data-testid=map] image").EvaluateAllAsync<string[]>("images => images.map((i) => i.getAttribute('href'))");
            Assert.All(hrefs, h => Assert.Matches(@"^https://a\.tiles\.example\.test/2/[0-3]/[0-3]\.png$", h));
            Assert.Equal(4, hrefs.Select(h => h.Split('/')[4]).Distinct().Count());
            await page.WaitForFunctionAsync("() => [...document.querySelectorAll('[data-testid=map] image')].length > 0");
            await Task.Delay(500);
            Assert.NotEmpty(requested);
            Assert.Empty(blocked);
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(CorpusBrowserTest.ScreenshotFolder, "map-tiles.png") });
        }
        finally
        {
            await browser.DisposeAsync();
            playwright.Dispose();
        }
    }

    [Fact]
    public void TileHost_WithASubdomainPlaceholder_IsAllowedAsAWildcard()
    {
        var policy = Pixhaven.Security.RequestGuards.ContentSecurityPolicyFor(new PixhavenOptions { MapTileUrl = Template });
        Assert.Contains("img-src 'self' data: blob: https://*.tiles.example.test;", policy, StringComparison.Ordinal);
        Assert.Equal(Pixhaven.Security.RequestGuards.ContentSecurityPolicy, Pixhaven.Security.RequestGuards.ContentSecurityPolicyFor(new PixhavenOptions()));
    }

    [Theory]
    [InlineData("ftp://tiles.example.test/{z}/{x}/{y}.png")]
    [InlineData("https://tiles.example.test/{z}/{x}.png")]
    [InlineData("https://tiles.example.test/{z}/{x}/{y}.png; script-src *")]
    [InlineData("not a url")]
    public void TileUrl_ThatIsNotAnHttpTemplateWithAllThreeCoordinates_IsRefused(string value)
    {
        var error = Assert.Throws<OptionsException>(() => OptionsLoader.Load(new Dictionary<string, string>(), new Dictionary<string, string> { ["map-tile-url"] = value }));
        Assert.Contains("tile URL", error.Message, StringComparison.Ordinal);
    }
}
