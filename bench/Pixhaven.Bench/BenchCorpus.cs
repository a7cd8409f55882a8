using NetVips;

namespace Pixhaven.Bench;

/// <summary>
/// Builds N realistic camera JPEGs (12 megapixels unless told otherwise) from the test corpus: each a different crop,
/// orientation and quality of a real photo, scaled to 4:3, with the source's EXIF kept, so no two files are identical.
/// Cached by count and size.
/// </summary>
public static class BenchCorpus
{
    public static string Ensure(string repositoryRoot, int count, int megapixels = 12)
    {
        var folder = Path.Combine(repositoryRoot, "bench", ".corpus", $"jpeg-{megapixels}mp-{count}");
        if (Directory.Exists(folder) && Directory.GetFiles(folder, "*.jpg").Length == count)
        {
            return folder;
        }

        Directory.CreateDirectory(folder);
        var sources = Directory.GetFiles(Path.Combine(repositoryRoot, "tests", "data", "photos", "jpeg"), "*.*")
            .Where(f => new FileInfo(f).Length > 200_000).Order(StringComparer.Ordinal).ToList();
        var width = (int)Math.Round(Math.Sqrt(megapixels * 1_000_000 * 4 / 3.0));
        var height = width * 3 / 4;
        var done = 0;
        // Both cores: a 10,000-photo corpus is otherwise most of the benchmark's time. Each photo seeds its own random.
        Parallel.For(0, count, i =>
        {
            var random = new Random(42 + i);
            var target = Path.Combine(folder, $"IMG_{i:D5}.jpg");
            if (File.Exists(target))
            {
                return;
            }

            using var source = Image.NewFromFile(sources[i % sources.Count]);
            var cropWidth = (int)(source.Width * (0.7 + (random.NextDouble() * 0.3)));
            var cropHeight = Math.Min(source.Height, cropWidth * 3 / 4);
            using var cropped = source.Crop(random.Next(source.Width - cropWidth + 1), random.Next(source.Height - cropHeight + 1), cropWidth, cropHeight);
            using var flipped = i % 3 == 0 ? cropped.FlipHor() : cropped.Copy();
            using var resized = flipped.ThumbnailImage(width, height: height, size: Enums.Size.Force);
            resized.Jpegsave(target + ".part", q: 80 + random.Next(16));
            File.Move(target + ".part", target);
            Console.Write($"\r  corpus {Interlocked.Increment(ref done)}/{count}");
        });

        Console.WriteLine();
        return folder;
    }
}
