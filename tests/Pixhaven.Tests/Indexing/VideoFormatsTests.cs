using Microsoft.EntityFrameworkCore;
using Pixhaven.Core.Media.Thumbnails;
using Pixhaven.Core.Model;
using Pixhaven.Tests.Infrastructure;
using Pixhaven.Core.Tests.Media;
using static Pixhaven.Core.Tests.Media.AvchdClip;

namespace Pixhaven.Tests.Indexing;

/// <summary>
/// Every video container a camera or phone writes is recognised by content, indexed with its size, length and a frame
/// thumbnail, and dated as its container dates it: UTC in MP4, QuickTime and Matroska (shown at the local time of the
/// clip's position), the camera's local clock in an AVI's IDIT chunk, an AVCHD camcorder's recording time in the H.264
/// stream of .MTS/.M2TS, and the file's time where the container has none (MPEG program streams).
/// </summary>
public sealed class VideoFormatsTests(VideoFormatsTests.Clips clips) : IClassFixture<VideoFormatsTests.Clips>
{
    private const string Paris = "+48.8584+002.2945/";

    private TestLibrary Library => clips.Library;

    /// <summary>A clip of every container, made once by ffmpeg, and indexed.</summary>
    public sealed class Clips : IAsyncLifetime
    {
        public TestLibrary Library { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            Library = await TestLibrary.CreateAsync([], new Dictionary<string, string> { ["default-time-zone"] = "America/New_York" });
            string Original(string name) => Library.OriginalPath(name);

            // Every name differs: files of one base name in a folder are one photo, a stack.
            const string july = "creation_time=2021-07-14T10:00:00Z";
            await VideoClips.MakeWithSoundAsync(Original("phone.mp4"), "-c:v", "libx264", "-c:a", "aac", "-metadata", july, "-metadata", $"location={Paris}");
            await VideoClips.MakeAsync(Original("compact.mov"), "-c:v", "libx264", "-metadata", july);
            await VideoClips.MakeAsync(Original("android.mp4"), "-c:v", "libx264", "-movflags", "use_metadata_tags", "-metadata", "com.android.version=13", "-metadata", july, "-metadata", "comment=Android");
            await VideoClips.MakeAsync(Original("export.m4v"), "-c:v", "libx264", "-f", "mp4", "-metadata", july);
            await VideoClips.MakeAsync(Original("feature-phone.3gp"), "-c:v", "h263", "-s", "352x288", "-metadata", july);
            await VideoClips.MakeAsync(Original("action-cam.mkv"), "-c:v", "libx264", "-metadata", july, "-metadata", $"location={Paris}");
            await VideoClips.MakeWithSoundAsync(Original("screen-recording.webm"), "-c:v", "libvpx-vp9", "-c:a", "libopus", "-metadata", july);
            await VideoClips.MakeAsync(Original("dvd.mpg"), "-c:v", "mpeg2video", "-f", "mpeg");
            await AviClips.MakeAsync(Original("compact-camera.avi"), "Mon Mar 10 15:04:43 2003");
            // Sony's zone byte for +01:00 with daylight saving time: the camera's clock showed 07:08, UTC was 05:08.
            await VideoClips.MakeAvchdAsync(Original("00001.MTS"), m2ts: false, DateEntries(0x80 | (1 << 1) | 0x40, 2021, 5, 6, 7, 8, 9));
            await VideoClips.MakeAvchdAsync(Original("00002.M2TS"), m2ts: true, [(0x13, [0, 0, 1, 2]), .. DateEntries(0x80 | 0x20 | (3 << 1) | 0x01, 2019, 12, 31, 23, 59, 58)]);
            await VideoClips.MakeAvchdAsync(Original("00003.MTS"), m2ts: false, (0x70, [1, 2, 3, 4]));

            await Library.IndexAsync();
        }

        public async Task DisposeAsync() => await Library.DisposeAsync();
    }

    [Theory]
    [InlineData("phone.mp4", "mp4", 320, 240, "h264", "aac")]
    [InlineData("compact.mov", "mov", 320, 240, "h264", null)]
    [InlineData("export.m4v", "mp4", 320, 240, "h264", null)]
    [InlineData("feature-phone.3gp", "3gp", 352, 288, "h263", null)]
    [InlineData("action-cam.mkv", "matroska", 320, 240, "h264", null)]
    [InlineData("screen-recording.webm", "webm", 320, 240, "vp9", "opus")]
    [InlineData("dvd.mpg", "mpeg", 320, 240, "mpeg2video", null)]
    [InlineData("compact-camera.avi", "avi", 320, 240, "mpeg4", "pcm_s16le")]
    [InlineData("00001.MTS", "mts", 320, 240, "h264", null)]
    [InlineData("00002.M2TS", "mts", 320, 240, "h264", null)]
    public async Task EveryContainer_IsIndexedAsAVideo_WithItsSizeLengthCodecsAndAFrameThumbnail(
        string path, string format, int width, int height, string codec, string? audioCodec)
    {
        await using var db = Library.OpenCatalog();
        var file = await db.Files.Include(f => f.Photo).SingleAsync(f => f.Path == path);
        Assert.Equal((FileStatus.Indexed, MediaType.Video, format, null), (file.Status, file.Type, file.Format, file.Error));
        Assert.Equal((width, height, codec, audioCodec), (file.Width, file.Height, file.Codec, file.AudioCodec));
        Assert.Equal(2.0, file.Duration!.Value, 0.1);
        Assert.Equal(25.0, file.FrameRate!.Value, 0.01);
        Assert.Equal(MediaType.Video, file.Photo!.Type);
        Assert.True(new ThumbnailStore(Library.Options.Values.ThumbnailCachePath).HasAll(file.Photo.ThumbnailHash!));
    }

    [Theory]
    [InlineData("phone.mp4", "2021-07-14T12:00:00", 120)] // UTC 10:00, shown in Paris's summer time
    [InlineData("action-cam.mkv", "2021-07-14T12:00:00", 120)]
    [InlineData("compact.mov", "2021-07-14T10:00:00", -240)] // a camera's, without a position: its local clock, read in the default zone
    [InlineData("android.mp4", "2021-07-14T06:00:00", -240)] // a phone's, without a position: true UTC, shown in the default zone (EDT)
    [InlineData("export.m4v", "2021-07-14T10:00:00", -240)]
    [InlineData("feature-phone.3gp", "2021-07-14T10:00:00", -240)]
    [InlineData("screen-recording.webm", "2021-07-14T10:00:00", -240)]
    [InlineData("compact-camera.avi", "2003-03-10T15:04:43", -300)] // the camera's local clock, in the default zone (EST)
    [InlineData("00001.MTS", "2021-05-06T07:08:09", 120)]
    [InlineData("00002.M2TS", "2019-12-31T23:59:58", -210)]
    public async Task EachContainersDate_IsReadAsTheContainerMeansIt(string path, string takenAt, int offsetMinutes)
    {
        await using var db = Library.OpenCatalog();
        var photo = (await db.Files.Include(f => f.Photo).SingleAsync(f => f.Path == path)).Photo!;
        var local = DateTime.Parse(takenAt, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal((local, offsetMinutes, MetadataSource.Embedded), (photo.TakenAt, photo.TakenAtOffsetMinutes, photo.TakenAtSource));
        Assert.Equal(local.AddMinutes(-offsetMinutes), photo.TakenAtUtc);
    }

    [Theory]
    [InlineData("dvd.mpg")] // an MPEG program stream has no date
    [InlineData("00003.MTS")] // an AVCHD pack without the recording time
    public async Task AContainerWithoutADate_IsDatedByTheFileTime_MarkedAsEstimated(string path)
    {
        await using var db = Library.OpenCatalog();
        var photo = (await db.Files.Include(f => f.Photo).SingleAsync(f => f.Path == path)).Photo!;
        Assert.Equal(MetadataSource.Auto, photo.TakenAtSource);
        Assert.Equal(File.GetLastWriteTimeUtc(Library.OriginalPath(path)), photo.TakenAtUtc, TimeSpan.FromSeconds(1));
    }
}
