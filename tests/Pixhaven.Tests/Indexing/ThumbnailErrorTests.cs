using Pixhaven.Core.Media.Thumbnails;
using Pixhaven.Tests.Infrastructure;

namespace Pixhaven.Tests.Indexing;

/// <summary>
/// libvips keeps one error buffer for the whole process, so a failure on one thread can put its words into another's
/// error: a damaged JPEG must not be taken for a HEIC without its decoder because a HEIC failed beside it.
/// </summary>
public sealed class ThumbnailErrorTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("pixhaven-vips-errors-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task ADamagedJpeg_IsDamaged_WhileHeicsFailForWantOfTheirDecoderBesideIt()
    {
        var generator = new ThumbnailGenerator(new ThumbnailStore(Path.Combine(_folder, "thumbnails")), 80);
        var jpeg = TestPhotos.PathOf("broken/truncated_camera.jpg");
        var heic = TestPhotos.PathOf("heic/Apple_iPhone_7_IMG_2682.heic");
        var missing = Assert.Throws<ThumbnailException>(() => generator.Generate(heic, Key(0)));
        Assert.True(missing.MissingDecoder, "this test needs a libvips that cannot decode HEVC, as Debian's cannot: " + missing.Message);

        using var stop = new CancellationTokenSource();
        var heics = Task.Run(() =>
        {
            while (!stop.IsCancellationRequested)
            {
                try
                {
                    generator.Generate(heic, Key(0));
                }
                catch (ThumbnailException)
                {
                    // the failure whose words must stay its own
                }
            }
        });

        var misread = new List<string>();
        for (var i = 0; i < 20; i++)
        {
            try
            {
                var damage = generator.Generate(jpeg, Key(i + 1));
                Assert.StartsWith("image data is damaged: ", damage);
                if (damage!.Contains("heif", StringComparison.OrdinalIgnoreCase))
                {
                    misread.Add("damage: " + damage);
                }
            }
            catch (ThumbnailException e)
            {
                misread.Add($"{e.MissingDecoder}: {e.Message}");
            }
        }

        await stop.CancelAsync();
        await heics;
        Assert.Empty(misread);
    }

    [Fact]
    public async Task ABrokenPngsReason_IsItsOwn_WhileACutHeicFailsBesideIt()
    {
        // A cut HEIC fills the buffer with "<its path>: bad seek to …" lines; the PNG's loader only warns, then gives up,
        // so its reason is its own warning, caught on its thread. (Seen in CI: a PNG given a HEIC's "bad seek", and a piece
        // of libheif's line, "osition 96822) (2.100)"; the moments are rare, and VipsErrorsTests checks the choice of line.)
        Pixhaven.Core.Media.VipsRuntime.Configure(); // as the server does: libvips' warnings reach the log handler
        var generator = new ThumbnailGenerator(new ThumbnailStore(Path.Combine(_folder, "thumbnails")), 80);
        var png = TestPhotos.PathOf("broken/corrupt.png");
        var original = await File.ReadAllBytesAsync(TestPhotos.PathOf("heic/Sony_ILCE-7CM2_right_top.HIF"));
        var cut = Path.Combine(_folder, "cut.HIF");
        await File.WriteAllBytesAsync(cut, original[..(original.Length / 2)]);
        Assert.Contains("bad seek", Assert.Throws<NetVips.VipsException>(() => NetVips.Image.Thumbnail(cut, 64).Dispose()).Message, StringComparison.Ordinal);

        using var stop = new CancellationTokenSource();
        var heics = Enumerable.Range(0, 3).Select(_ => Task.Run(() =>
        {
            while (!stop.IsCancellationRequested)
            {
                try
                {
                    generator.Generate(cut, Key(0));
                }
                catch (ThumbnailException)
                {
                    // its words must stay its own
                }
            }
        })).ToList();

        var reasons = new List<string>();
        for (var i = 0; i < 100; i++)
        {
            reasons.Add(Assert.Throws<ThumbnailException>(() => generator.Generate(png, Key(i + 1))).Message);
        }

        await stop.CancelAsync();
        await Task.WhenAll(heics);
        Assert.All(reasons, reason => Assert.Equal("image cannot be decoded: the image data is invalid (PNG unsigned integer out of range)", reason));
    }

    private static string Key(int number) => number.ToString("x32", System.Globalization.CultureInfo.InvariantCulture);
}
