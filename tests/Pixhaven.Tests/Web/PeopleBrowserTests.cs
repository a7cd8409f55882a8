using System.Net.Http.Json;
using Microsoft.Playwright;
using Pixhaven.Tests.Infrastructure;

namespace Pixhaven.Tests.Web;

/// <summary>People from the faces named in the files: their view, their photos, renaming, and the faces drawn in the viewer.</summary>
[Collection(CorpusGroup.Name)]
public sealed class PeopleBrowserTests(CorpusFixture corpus) : CorpusBrowserTest(corpus)
{
    [Fact]
    public async Task People_ShowTheNamedFace_OpenTheirPhotos_AndRename()
    {
        var page = await OpenAsync();
        await page.GetByTestId("view-people").ClickAsync();
        var list = page.GetByTestId("people-list");
        await list.GetByText("Alvin the Squirrel", new LocatorGetByTextOptions { Exact = true }).WaitForAsync();
        await WaitForLoadedImage(page, "[data-testid=people-list] img");
        // The avatar is the face, not the whole photo: the picture is drawn larger than its round frame and shifted.
        var (frame, picture) = (await list.Locator(".face").First.BoundingBoxAsync(), await list.Locator("img").First.BoundingBoxAsync());
        Assert.True(picture!.Width > 2 * frame!.Width && picture.X < frame.X, $"picture {picture.Width}x{picture.Height} at {picture.X}, frame {frame.Width} at {frame.X}");
        await Screenshot(page, "people");

        try
        {
            // Hidden, a person waits in the folded list below, and comes back from there.
            await list.GetByTestId("hide-person").First.ClickAsync();
            var hidden = page.GetByTestId("hidden-people");
            await hidden.GetByText("Hidden people (1)").ClickAsync();
            Assert.Equal(0, await list.Locator("li").CountAsync());
            await hidden.GetByTestId("show-person").ClickAsync();
            await list.GetByText("Alvin the Squirrel", new LocatorGetByTextOptions { Exact = true }).WaitForAsync();
            Assert.Equal(0, await hidden.CountAsync());

            await list.GetByTestId("rename-person").First.ClickAsync();
            await page.GetByTestId("person-name").FillAsync("Alvin");
            await page.GetByTestId("person-name").PressAsync("Enter");
            await list.GetByText("Alvin", new LocatorGetByTextOptions { Exact = true }).WaitForAsync();

            await list.GetByRole(AriaRole.Button, new LocatorGetByRoleOptions { Name = "Photos of Alvin" }).ClickAsync();
            await page.WaitForFunctionAsync("() => document.querySelectorAll('[data-testid=grid] .tile').length === 1");
            Assert.Equal("person:\"alvin the squirrel\"", await page.GetByTestId("search").InputValueAsync());
            Assert.Empty(CspViolations);
        }
        finally
        {
            await Corpus.Http.PatchAsJsonAsync("/api/v1/people/alvin the squirrel", new { name = "Alvin the Squirrel", hidden = false });
        }
    }

    [Fact]
    public async Task APersonNamedWithoutABox_IsListedInTheInfoPanel_AndNoBoxIsDrawn()
    {
        // Google Photos' people come without boxes: named on the photo, not drawn around the whole of it.
        await using var library = await TestLibrary.CreateAsync(["jpeg/Casio_EX-Z3.jpg"]);
        await File.WriteAllTextAsync(library.OriginalPath("jpeg/Casio_EX-Z3.jpg.json"),
            Pixhaven.Core.Tests.Media.TakeoutDocuments.Of("Casio_EX-Z3.jpg", new DateTime(2003, 10, 25, 13, 29, 18), people: "Ada Lovelace"));
        await library.IndexAsync();
        var (server, page) = await OpenOwnLibraryAsync(library);
        await using var _ = server;

        await page.Locator("[data-testid=grid] .tile").First.ClickAsync();
        await page.GetByTestId("info-panel").GetByText("Ada Lovelace", new LocatorGetByTextOptions { Exact = true }).WaitForAsync();
        Assert.Equal(0, await page.GetByTestId("lightbox-faces").CountAsync());
        await page.Keyboard.PressAsync("f");
        Assert.Equal(0, await page.GetByTestId("face-box").CountAsync());
        Assert.Empty(CspViolations);
    }

    [Fact]
    public async Task Lightbox_DrawsTheMarkedFaceOnThePhoto_ThroughZoom_AndItsNameOpensThePersonsPhotos()
    {
        var page = await OpenAsync();
        await page.GotoAsync($"/?q={Uri.EscapeDataString("name:IMG_5910*")}");
        await page.Locator("[data-testid=grid] .tile").First.ClickAsync();
        await WaitForLoadedImage(page, "[data-testid=lightbox-image]");
        await page.GetByTestId("lightbox-faces").ClickAsync();
        await page.GetByTestId("face-box").WaitForAsync();

        // Lightroom's region: left 0.4635, top 0.2824, 0.2173 x 0.2811 of the picture, wherever the picture is drawn:
        // fitted, zoomed in, and dragged aside.
        const string placed = """
            () => {
              const image = document.querySelector('[data-testid=lightbox-image]').getBoundingClientRect();
              const face = document.querySelector('[data-testid=face-box]').getBoundingClientRect();
              const near = (value, expected) => Math.abs(value - expected) < 0.01;
              return near((face.left - image.left) / image.width, 0.4635) && near((face.top - image.top) / image.height, 0.2824)
                && near(face.width / image.width, 0.2173) && near(face.height / image.height, 0.2811) ? [image.width, image.left] : null;
            }
            """;
        var fitted = await (await page.WaitForFunctionAsync(placed)).JsonValueAsync<double[]>();
        await page.Keyboard.PressAsync("+");
        var zoomed = await (await page.WaitForFunctionAsync($"() => {{ const at = ({placed})(); return at && at[0] > {Js(fitted[0])} * 1.3 ? at : null; }}")).JsonValueAsync<double[]>();
        await page.Mouse.MoveAsync(400, 450);
        await page.Mouse.DownAsync();
        await page.Mouse.MoveAsync(300, 450, new() { Steps = 5 });
        await page.Mouse.UpAsync();
        await page.WaitForFunctionAsync($"() => {{ const at = ({placed})(); return at && Math.abs(at[1] - {Js(zoomed[1])}) > 50; }}");

        await page.GetByTestId("face-box").GetByRole(AriaRole.Button, new() { Name = "Alvin the Squirrel" }).ClickAsync();
        await page.GetByTestId("lightbox").WaitForAsync(new() { State = WaitForSelectorState.Detached });
        Assert.Equal("person:\"alvin the squirrel\"", await page.GetByTestId("search").InputValueAsync());
        await page.WaitForFunctionAsync("() => document.querySelectorAll('[data-testid=grid] .tile').length === 1");
        Assert.Empty(CspViolations);
    }

    private static string Js(double value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
