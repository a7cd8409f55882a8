using NetVips;

namespace Pixhaven.Bench;

/// <summary>
/// Builds N realistic 12-megapixel camera JPEGs from the test corpus: each a different crop, orientation and quality of
/// a real photo, scaled to 4000x3000, with the source's EXIF kept, so no two files are identical. Cached by count.
/// </summary>
public static class BenchCorpus
{
    public static string Ensure(string repositoryRoot, int count)
    {
        var folder = Path.Combine(repositoryRoot, "bench", ".corpus", $"jpeg-12mp-{count}");
        if (Directory.Exists(folder) && Directory.GetFiles(folder, "*.jpg").Length == count)
        {
            return folder;
        }

        Directory.CreateDirectory(folder);
        var sources = Directory.GetFiles(Path.Combine(repositoryRoot, "tests", "data", "photos", "jpeg"), "*.*")
            .Where(f => new FileInfo(f).Length > 200_000).Order(StringComparer.Ordinal).ToList();
        var random = new Random(42);
        for (var i = 0; i < count; i++)
        {
            var target = Path.Combine(folder, $"IMG_{i:D5}.jpg");
            if (File.Exists(target))
            {
                continue;
            }

            using var source = Image.NewFromFile(sources[i % sources.Count]);
            var cropWidth = (int)(source.Width * (0.7 + (random.NextDouble() * 0.3)));
            var cropHeight = Math.Min(source.Height, cropWidth * 3 / 4);
            using var cropped = source.Crop(random.Next(source.Width - cropWidth + 1), random.Next(source.Height - cropHeight + 1), cropWidth, cropHeight);
            using var flipped = i % 3 == 0 ? cropped.FlipHor() : cropped.Copy();
            using var resized = flipped.ThumbnailImage(4000, height: 3000, size: Enums.Size.Force);
            resized.Jpegsave(target, q: 80 + random.Next(16));
            Console.Write($"\r  corpus {i + 1}/{count}");
        }

        Console.WriteLine();
        return folder;
    }
}
