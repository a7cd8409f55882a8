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

    private static string Key(int number) => number.ToString("x32", System.Globalization.CultureInfo.InvariantCulture);
}
