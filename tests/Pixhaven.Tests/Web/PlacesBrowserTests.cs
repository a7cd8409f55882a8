using Microsoft.Playwright;
using Pixhaven.Core.Tests.Places;
using Pixhaven.Tests.Infrastructure;

namespace Pixhaven.Tests.Web;

/// <summary>
/// Where and when a photo was taken, in the viewer's info panel: the position, and where it came from when a GPS track
/// gave it; the date, and where it came from when the camera did not give it.
/// </summary>
[Collection(CorpusGroup.Name)]
public sealed class PlacesBrowserTests(CorpusFixture corpus) : CorpusBrowserTest(corpus)
{
    [Fact]
    public async Task APositionFromAGpsTrack_IsShownAsSuch()
    {
        // A camera without GPS (2013-08-27 19:45:23, no zone) and a logger's track of that walk in New York.
        await using var library = await TestLibrary.CreateAsync(["jpeg/Olympus_PEN_E-P3.jpg"]);
        await File.WriteAllTextAsync(library.OriginalPath("walk.gpx"), GpxDocuments.Of([
            [(new DateTime(2013, 8, 27, 23, 44, 0, DateTimeKind.Utc), 40.70, -74.00), (new DateTime(2013, 8, 27, 23, 47, 0, DateTimeKind.Utc), 40.73, -74.03)],
        ]));
        await library.IndexAsync();
        var (server, page) = await OpenOwnLibraryAsync(library);
        await using var _ = server;

        await page.Locator("[data-testid=grid] .tile").First.ClickAsync();
        var location = page.GetByTestId("info-location");
        await location.WaitForAsync();
        Assert.Equal("40.71383, -74.01383 · 35 m · from a GPS track", (await location.InnerTextAsync()).Trim());
        Assert.Contains("(UTC-04:00)", await page.GetByTestId("info-panel").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Empty(CspViolations);
    }

    [Fact]
    public async Task ADateFromTheFileName_IsShownAsSuch()
    {
        // No date inside: a messenger's name gives the day.
        await using var library = await TestLibrary.CreateAsync([]);
        File.Copy(TestPhotos.PathOf("webp/Alpha_Lossy.webp"), library.OriginalPath("IMG-20190512-WA0001.webp"));
        await library.IndexAsync();
        var (server, page) = await OpenOwnLibraryAsync(library);
        await using var _ = server;

        await page.Locator("[data-testid=grid] .tile").First.ClickAsync();
        var panel = page.GetByTestId("info-panel");
        await panel.GetByText("from the file or folder name").WaitForAsync();
        Assert.Contains("2019", await panel.InnerTextAsync(), StringComparison.Ordinal);
    }
}
