using Pixhaven.Core.Media;
using Pixhaven.Core.Media.Previews;
using Pixhaven.Tests.Infrastructure;

namespace Pixhaven.Tests.Indexing;

/// <summary>The frame that stands for a video: past a black start, by ffmpeg.</summary>
public sealed class VideoFrameTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("pixhaven-frames-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task AClipThatStartsBlack_IsShownByAFrameFromLaterOn_AndLeavesNoOtherFrameBehind()
    {
        // Black for its first two and a half seconds (a camera started in a pocket), then the test picture.
        var clip = Path.Combine(_folder, "pocket.mp4");
        await VideoClips.MakeAsync(clip, "-vf", "tpad=stop_mode=clone:stop_duration=4,fade=t=in:st=2.5:d=0.1", "-c:v", "libx264");
        var temporaries = Path.Combine(_folder, "tmp");
        var extractor = new VideoFrameExtractor(new TemporaryFiles(temporaries));

        var frame = await extractor.ExtractAsync(clip, 6.0, null, CancellationToken.None);

        using (var image = NetVips.Image.NewFromFile(frame))
        {
            Assert.True(image.Avg() > 40, $"the frame is dark: mean {image.Avg():0.0}");
        }

        Assert.Equal([frame], Directory.EnumerateFiles(temporaries, "*", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task AClipBlackAllThrough_KeepsItsFirstFrame()
    {
        var clip = Path.Combine(_folder, "lens-cap.mp4");
        await VideoClips.MakeAsync(clip, "-vf", "tpad=stop_mode=clone:stop_duration=4,fade=t=in:st=9:d=1", "-c:v", "libx264");
        var temporaries = Path.Combine(_folder, "tmp");

        var frame = await new VideoFrameExtractor(new TemporaryFiles(temporaries)).ExtractAsync(clip, 6.0, null, CancellationToken.None);

        using (var image = NetVips.Image.NewFromFile(frame))
        {
            Assert.True(image.Avg() < 2);
        }

        Assert.Equal([frame], Directory.EnumerateFiles(temporaries, "*", SearchOption.AllDirectories));
    }
}
