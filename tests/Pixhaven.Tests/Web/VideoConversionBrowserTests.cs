using Microsoft.Playwright;
using Pixhaven.Core.Media.Previews;
using Pixhaven.Tests.Infrastructure;

namespace Pixhaven.Tests.Web;

/// <summary>A video the browser cannot play is transcoded when opened; the viewer shows how far that is, then plays it.</summary>
[Collection(CorpusGroup.Name)]
public sealed class VideoConversionBrowserTests(CorpusFixture corpus) : CorpusBrowserTest(corpus)
{
    [Fact]
    public async Task OpeningAVideoThatMustBeTranscoded_ShowsHowFarTheConversionIs_ThenPlaysIt()
    {
        // MPEG-4 Part 2 in AVI, which no browser plays, long enough that its transcode takes a while on any machine.
        await using var library = await TestLibrary.CreateAsync([]);
        var (exitCode, errors) = await ExternalTool.RunAsync(ExternalTool.Find("ffmpeg")!,
            ["-v", "error", "-f", "lavfi", "-i", "testsrc2=duration=40:size=1280x720:rate=25", "-c:v", "mpeg4", "-q:v", "5", library.OriginalPath("long.avi")],
            TimeSpan.FromMinutes(2), CancellationToken.None);
        Assert.True(exitCode == 0, errors);
        await library.IndexAsync();
        await using var server = await LibraryServer.StartAsync(library);
        var page = await Browser.NewPageAsync(new BrowserNewPageOptions { BaseURL = server.BaseAddress.ToString() });
        await page.GotoAsync("/");
        await SignInAsync(page, LibraryServer.AdminPassword);

        await page.Locator("[data-testid=grid] .tile").First.ClickAsync();
        var converting = page.GetByTestId("video-converting");
        await converting.WaitForAsync(new LocatorWaitForOptions { Timeout = 30_000 });
        Assert.Matches(@"^Converting this video for this browser: \d{1,2} %$", await converting.InnerTextAsync());
        await Screenshot(page, "video-converting");

        // Done: the label goes, and the transcode plays.
        await converting.WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Detached, Timeout = 180_000 });
        var video = page.GetByTestId("lightbox-video");
        await video.EvaluateAsync("v => { v.muted = true; return v.play(); }");
        await page.WaitForFunctionAsync("() => document.querySelector('[data-testid=lightbox-video]').currentTime > 0.2");
        Assert.Empty(CspViolations);
    }
}
