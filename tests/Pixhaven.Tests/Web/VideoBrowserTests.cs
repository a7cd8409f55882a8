using Microsoft.Playwright;
using Pixhaven.Core.Media.Previews;
using Pixhaven.Tests.Infrastructure;

namespace Pixhaven.Tests.Web;

/// <summary>
/// Videos in the viewer: played as they are, with their length, codecs and frame rate in the info panel; one the browser
/// cannot play is transcoded when opened, and the viewer shows how far that is, then plays it.
/// </summary>
[Collection(CorpusGroup.Name)]
public sealed class VideoBrowserTests(CorpusFixture corpus) : CorpusBrowserTest(corpus)
{
    [Fact]
    public async Task Lightbox_PlaysAVideo()
    {
        var page = await OpenAsync();
        await page.GotoAsync($"/?q={Uri.EscapeDataString("type:video")}");
        await page.Locator("[data-testid=grid] .tile").First.ClickAsync();
        var video = page.GetByTestId("lightbox-video");
        await video.WaitForAsync();
        // Muted, so the browser's autoplay rules allow it without a gesture; then it must really advance.
        await video.EvaluateAsync("v => { v.muted = true; return v.play(); }");
        await page.WaitForFunctionAsync("() => document.querySelector('[data-testid=lightbox-video]').currentTime > 0.2");
        Assert.True(await video.EvaluateAsync<int>("v => v.videoWidth") > 0);
        // The info panel tells the video's length, codecs and frame rate (both corpus videos are phones' H.264 and AAC).
        Assert.Matches(@"^0:0[0-9] · H\.264 · AAC · (29\.99|30\.02) fps$", await page.GetByTestId("info-video").InnerTextAsync());
    }

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
        var (server, page) = await OpenOwnLibraryAsync(library);
        await using var _ = server;

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
