using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NetVips;
using Pixhaven.Core.Media.Thumbnails;
using Pixhaven.Core.Media.Video;
using Pixhaven.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Pixhaven.Tests.Indexing;

/// <summary>
/// HDR video (an iPhone's HLG, HDR10's PQ) gets thumbnails and transcodes in the colours of the scene, not washed out.
/// The clips are made here by the real ffmpeg from one SDR test pattern, so the SDR frame is what each should look like.
/// </summary>
public sealed class HdrVideoTests(ITestOutputHelper output) : IAsyncLifetime
{
    private TestLibrary _library = null!;

    public async Task InitializeAsync()
    {
        _library = await TestLibrary.CreateAsync([]);
        var sdr = _library.OriginalPath("sdr.mp4");
        await FfmpegAsync("-f", "lavfi", "-i", "testsrc2=size=640x360:rate=25:duration=3", "-c:v", "libx264", "-pix_fmt", "yuv420p",
            "-color_primaries", "bt709", "-color_trc", "bt709", "-colorspace", "bt709", sdr);
        // HLG as an iPhone records it (HEVC, 10 bit, BT.2020), and PQ as HDR10 does, with SDR white at 100 nits.
        await FfmpegAsync("-i", sdr, "-vf", "zscale=t=arib-std-b67:p=bt2020:m=bt2020nc:r=tv:npl=100,format=yuv420p10le", "-c:v", "libx265",
            "-x265-params", "log-level=error", "-color_primaries", "bt2020", "-color_trc", "arib-std-b67", "-colorspace", "bt2020nc", "-tag:v", "hvc1",
            _library.OriginalPath("hlg.mov"));
        await FfmpegAsync("-i", sdr, "-vf", "zscale=t=smpte2084:p=bt2020:m=bt2020nc:r=tv:npl=100,format=yuv420p10le", "-c:v", "libx265",
            "-x265-params", "log-level=error:hdr10=1:max-cll=1000,400:master-display=G(13250,34500)B(7500,3000)R(34000,16000)WP(15635,16450)L(10000000,1)",
            "-color_primaries", "bt2020", "-color_trc", "smpte2084", "-colorspace", "bt2020nc",
            _library.OriginalPath("pq.mp4"));
        await _library.IndexAsync();
    }

    public async Task DisposeAsync() => await _library.DisposeAsync();

    [Fact]
    public async Task HdrThumbnails_HaveTheColoursOfTheScene()
    {
        var sdr = Chroma(await ThumbnailOf("sdr.mp4"));
        var hlg = Chroma(await ThumbnailOf("hlg.mov"));
        var pq = Chroma(await ThumbnailOf("pq.mp4"));

        // What the thumbnail was before: the HLG frame taken as it is, its BT.2020 values read as BT.709.
        var washedOut = Path.Combine(_library.Root, "washed-out.jpg");
        await FfmpegAsync("-ss", "1", "-i", _library.OriginalPath("hlg.mov"), "-frames:v", "1", "-q:v", "2", washedOut);
        var before = Chroma(washedOut);

        output.WriteLine($"chroma: SDR {sdr:0.0}, HLG {hlg:0.0}, PQ {pq:0.0}, HLG taken as it is {before:0.0}");
        Assert.True(before < sdr * 0.75, $"the measure must tell washed-out colours: chroma {before:0.0} against {sdr:0.0}");
        Assert.InRange(hlg, sdr * 0.85, sdr * 1.15);
        // PQ goes through a tone curve that rolls highlights off, so it may lose a little more.
        Assert.InRange(pq, sdr * 0.75, sdr * 1.15);
    }

    [Fact]
    public async Task HdrTranscodes_AreSdrBt709_InTheColoursOfTheScene()
    {
        await using var db = _library.OpenCatalog();
        var file = await db.Files.SingleAsync(f => f.Path == "hlg.mov");
        var transcoder = _library.Services.GetRequiredService<VideoTranscoder>();

        var transcode = await transcoder.PlayableAsync(_library.OriginalPath("hlg.mov"), file.Hash!, CancellationToken.None);

        var probe = await _library.Services.GetRequiredService<FfprobeReader>().ReadAsync(transcode, CancellationToken.None);
        Assert.Equal(("h264", "bt709"), (probe.VideoCodec, probe.ColorTransfer));
        var frame = Path.Combine(_library.Root, "transcode-frame.jpg");
        await FfmpegAsync("-ss", "1", "-i", transcode, "-frames:v", "1", "-q:v", "2", frame);
        Assert.InRange(Chroma(frame), Chroma(await ThumbnailOf("sdr.mp4")) * 0.85, Chroma(await ThumbnailOf("sdr.mp4")) * 1.15);
    }

    private async Task<string> ThumbnailOf(string path)
    {
        await using var db = _library.OpenCatalog();
        var file = await db.Files.Include(f => f.Photo).SingleAsync(f => f.Path == path);
        Assert.Null(file.Error);
        return new ThumbnailStore(_library.Options.Values.ThumbnailCachePath).PathFor(file.Photo!.ThumbnailHash!, ThumbnailSize.Fit720);
    }

    /// <summary>Mean colourfulness (CIE LCh chroma): washed-out colours have less of it.</summary>
    private static double Chroma(string jpeg)
    {
        using var image = Image.NewFromFile(jpeg);
        using var lch = image.Colourspace(Enums.Interpretation.Lch);
        using var chroma = lch[1];
        return chroma.Avg();
    }

    private static async Task FfmpegAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo("ffmpeg", ["-v", "error", "-nostdin", "-y", .. arguments]) { RedirectStandardError = true };
        using var process = Process.Start(start)!;
        var errors = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"ffmpeg {string.Join(' ', arguments)}: {errors}");
    }
}
