using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Pixhaven.Core.Media.Previews;
using Pixhaven.Core.Media.Video;
using Pixhaven.Tests.Infrastructure;

namespace Pixhaven.Tests.Api;

/// <summary>
/// Videos a browser cannot play are transcoded once to H.264 MP4 and cached; playable ones are served as they are, HEVC
/// too when the browser says it plays it.
/// </summary>
public sealed class VideoPlaybackTests : IAsyncLifetime
{
    private TestLibrary _library = null!;
    private LibraryServer _server = null!;

    private HttpClient Http => _server.Http;

    public async Task InitializeAsync()
    {
        _library = await TestLibrary.CreateAsync(["video/with-gps.mp4", "livephoto/IMG_3589.mov"]);
        // Made here by ffmpeg: MPEG-4 Part 2 in AVI, MPEG-2 in a program stream and H.264 in a camcorder's transport
        // stream, which no browser plays, and VP9 in WebM, which browsers play as it is.
        await VideoClips.MakeAsync(_library.OriginalPath("clip.avi"), "-c:v", "mpeg4");
        await VideoClips.MakeAsync(_library.OriginalPath("dvd.mpg"), "-c:v", "mpeg2video", "-f", "mpeg");
        await VideoClips.MakeAsync(_library.OriginalPath("00001.MTS"), "-c:v", "libx264", "-f", "mpegts");
        await VideoClips.MakeAsync(_library.OriginalPath("screen.webm"), "-c:v", "libvpx-vp9");
        await _library.IndexAsync();
        _server = await LibraryServer.StartAsync(_library);
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        await _library.DisposeAsync();
    }

    [Theory]
    [InlineData("dvd.mpg")]
    [InlineData("00001.MTS")]
    public async Task MpegProgramAndTransportStreams_AreTranscodedToH264Mp4(string path)
    {
        using var response = await Http.GetAsync($"/api/v1/photos/{await _library.UidOf(path)}/video");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("video/mp4", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("h264", await VideoCodec.OfAsync(await response.Content.ReadAsByteArrayAsync()));
    }

    [Fact]
    public async Task UnplayableCodec_IsTranscodedToH264_OnceAndCached()
    {
        var uid = await _library.UidOf("clip.avi");
        using var first = await Http.GetAsync($"/api/v1/photos/{uid}/video");
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal("video/mp4", first.Content.Headers.ContentType?.MediaType);
        Assert.Equal("h264", await VideoCodec.OfAsync(await first.Content.ReadAsByteArrayAsync()));

        var cached = Directory.EnumerateFiles(_library.Options.Values.VideoCachePath, "*.mp4", SearchOption.AllDirectories).Single();
        var madeAt = File.GetLastWriteTimeUtc(cached);
        using var ranged = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/photos/{uid}/video");
        ranged.Headers.Range = new System.Net.Http.Headers.RangeHeaderValue(0, 99);
        using var second = await Http.SendAsync(ranged);
        Assert.Equal(HttpStatusCode.PartialContent, second.StatusCode);
        Assert.Equal(madeAt, File.GetLastWriteTimeUtc(cached));
    }

    [Theory]
    [InlineData(2560, 1440, 1920, 1080)]
    [InlineData(1440, 2560, 1080, 1920)]
    [InlineData(322, 181, 322, 180)]
    public async Task Transcodes_AreAtMost1080p_WithEvenSides_AndNeverUpscaled(int width, int height, int expectedWidth, int expectedHeight)
    {
        var ffmpeg = ExternalTool.Find("ffmpeg")!;
        var (exitCode, errors) = await ExternalTool.RunAsync(ffmpeg,
            ["-v", "error", "-f", "lavfi", "-i", $"testsrc=duration=1:size={width}x{height}:rate=5", "-c:v", "mpeg4", _library.OriginalPath("large.avi")],
            TimeSpan.FromMinutes(1), CancellationToken.None);
        Assert.True(exitCode == 0, errors);
        await _library.IndexAsync();

        using var response = await Http.GetAsync($"/api/v1/photos/{await _library.UidOf("large.avi")}/video");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var transcode = Path.Combine(_library.Root, "transcode.mp4");
        await File.WriteAllBytesAsync(transcode, await response.Content.ReadAsByteArrayAsync());
        var probe = await _library.Services.GetRequiredService<FfprobeReader>().ReadAsync(transcode, CancellationToken.None);
        Assert.Equal(("h264", expectedWidth, expectedHeight), (probe.VideoCodec, probe.Width, probe.Height));
    }

    [Theory]
    [InlineData("video/with-gps.mp4")]
    [InlineData("screen.webm")]
    public async Task PlayableVideo_IsServedAsItIs(string path)
    {
        var uid = await _library.UidOf(path);
        using var response = await Http.GetAsync($"/api/v1/photos/{uid}/video");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(await File.ReadAllBytesAsync(_library.OriginalPath(path)), await response.Content.ReadAsByteArrayAsync());
        Assert.False(Directory.Exists(_library.Options.Values.VideoCachePath) && Directory.EnumerateFiles(_library.Options.Values.VideoCachePath, "*", SearchOption.AllDirectories).Any());
    }

    [Fact]
    public async Task Hevc_IsSentAsItIs_ToABrowserThatPlaysIt_AndTranscodedForOthers()
    {
        // An iPhone Live Photo's motion part: HEVC in QuickTime, as every iPhone video since iOS 11.
        var uid = await _library.UidOf("livephoto/IMG_3589.mov");
        var original = await File.ReadAllBytesAsync(_library.OriginalPath("livephoto/IMG_3589.mov"));

        using var direct = await Http.GetAsync($"/api/v1/photos/{uid}/video?codecs=hevc");
        Assert.Equal(HttpStatusCode.OK, direct.StatusCode);
        Assert.Equal(original, await direct.Content.ReadAsByteArrayAsync());
        using var unknownNamesAreIgnored = await Http.GetAsync($"/api/v1/photos/{uid}/video?codecs=vvc,%20HEVC");
        Assert.Equal(original, await unknownNamesAreIgnored.Content.ReadAsByteArrayAsync());
        Assert.False(Directory.Exists(_library.Options.Values.VideoCachePath) && Directory.EnumerateFiles(_library.Options.Values.VideoCachePath, "*", SearchOption.AllDirectories).Any(),
            "nothing was transcoded");

        using var transcoded = await Http.GetAsync($"/api/v1/photos/{uid}/video?codecs=vvc");
        Assert.Equal(HttpStatusCode.OK, transcoded.StatusCode);
        Assert.Equal("h264", await VideoCodec.OfAsync(await transcoded.Content.ReadAsByteArrayAsync()));
    }
}
