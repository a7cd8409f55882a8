using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using NetVips;
using Pixhaven.Tests.Infrastructure;

namespace Pixhaven.Tests.Api;

/// <summary>Animated GIFs and WebPs are told from stills by their frames, and the viewer gets the original to play.</summary>
public sealed class AnimationTests : IAsyncLifetime
{
    private const string AnimatedWebp = "webp/Animation_Lossless.webp";
    private const string StillWebp = "webp/HTC_Desire.webp";
    private const string StillGif = "gif/exiftool_GIF.gif";
    private const string AnimatedGif = "made/blink.gif";

    private TestLibrary _library = null!;
    private LibraryServer _server = null!;
    private HttpClient Http => _server.Http;

    public async Task InitializeAsync()
    {
        _library = await TestLibrary.CreateAsync([AnimatedWebp, StillWebp, StillGif]);
        // Three frames, dark, light and dark, stacked as libvips keeps the pages of an animation.
        Directory.CreateDirectory(Path.GetDirectoryName(_library.OriginalPath(AnimatedGif))!);
        using (var dark = Image.Black(40, 30, bands: 3))
        using (var light = dark + 200)
        using (var frames = Image.Arrayjoin([dark, light, dark], across: 1).Cast(Enums.BandFormat.Uchar))
        using (var animation = frames.Mutate(m => m.Set(GValue.GIntType, "page-height", 30)))
        {
            animation.Gifsave(_library.OriginalPath(AnimatedGif));
        }

        await _library.IndexAsync();
        _server = await LibraryServer.StartAsync(_library);
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        await _library.DisposeAsync();
    }

    private async Task<Dictionary<string, bool>> AnimatedByUid()
    {
        var page = await Http.GetFromJsonAsync<JsonElement>("/api/v1/photos?count=100");
        return page.GetProperty("photos").EnumerateArray().ToDictionary(p => p.GetProperty("uid").GetString()!, p => p.GetProperty("animated").GetBoolean());
    }

    [Fact]
    public async Task AnimatedFiles_AreMarked_AndTheirOriginalIsServedToPlay_StillsAreNot()
    {
        var animated = await AnimatedByUid();
        Assert.True(animated[await _library.UidOf(AnimatedWebp)]);
        Assert.True(animated[await _library.UidOf(AnimatedGif)]);
        Assert.False(animated[await _library.UidOf(StillWebp)]);
        Assert.False(animated[await _library.UidOf(StillGif)]);

        foreach (var (path, mime) in new[] { (AnimatedWebp, "image/webp"), (AnimatedGif, "image/gif") })
        {
            using var response = await Http.GetAsync($"/api/v1/photos/{await _library.UidOf(path)}/animation");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(mime, response.Content.Headers.ContentType?.MediaType);
            Assert.Equal(await File.ReadAllBytesAsync(_library.OriginalPath(path)), await response.Content.ReadAsByteArrayAsync());
        }

        using var still = await Http.GetAsync($"/api/v1/photos/{await _library.UidOf(StillGif)}/animation");
        Assert.Equal(HttpStatusCode.NotFound, still.StatusCode);
    }

    [Fact]
    public async Task AnAnimationTurnedByHand_IsShownByItsTurnedStills_UntilTurnedBack()
    {
        var uid = await _library.UidOf(AnimatedWebp);
        using (await Http.PatchAsJsonAsync($"/api/v1/photos/{uid}", new { rotate = 90 }))
        {
            Assert.False((await AnimatedByUid())[uid]);
            Assert.False((await Http.GetFromJsonAsync<JsonElement>($"/api/v1/photos/{uid}")).GetProperty("animated").GetBoolean());
            using var turned = await Http.GetAsync($"/api/v1/photos/{uid}/animation");
            Assert.Equal(HttpStatusCode.NotFound, turned.StatusCode);
        }

        using (await Http.PatchAsJsonAsync($"/api/v1/photos/{uid}", new { rotate = -90 }))
        {
            Assert.True((await AnimatedByUid())[uid]);
        }
    }
}
