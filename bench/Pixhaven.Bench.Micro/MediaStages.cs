using BenchmarkDotNet.Attributes;
using Pixhaven.Core.Media;
using Pixhaven.Core.Media.Detection;
using Pixhaven.Core.Media.Metadata;
using Pixhaven.Core.Media.Thumbnails;

namespace Pixhaven.Bench.Micro;

/// <summary>The per-file stages of indexing on real camera files from the test corpus: detect, hash, read, thumbnail.</summary>
[MemoryDiagnoser]
public class MediaStages
{
    private readonly EmbeddedMetadataReader _metadata = new();
    private byte[] _header = [];

    [Params("jpeg/Canon_EOS_5D_Mark_III_K6A7945.JPG", "heic/Apple_iPhone_13_Pro_IMG_8565.HEIC", "raw/exiftool_Nikon_D70.nef")]
    public string File { get; set; } = "";

    private string FilePath => Path.Combine(Corpus.Root, File);

    [GlobalSetup]
    public void Setup()
    {
        _header = new byte[4096];
        using (var stream = System.IO.File.OpenRead(FilePath))
        {
            stream.ReadExactly(_header, 0, (int)Math.Min(_header.Length, stream.Length));
        }
    }

    [Benchmark(Description = "type from content")]
    public DetectedType Detect() => MediaTypeDetector.Detect(_header, File);

    [Benchmark(Description = "content hash (XxHash128)")]
    public Task<string> Hash() => ContentHasher.HashFileAsync(FilePath);

    [Benchmark(Description = "metadata (MetadataExtractor)")]
    public MediaMetadata Metadata() => _metadata.Read(FilePath);
}

/// <summary>All six thumbnail sizes from one decode, for a 12 MP JPEG (the common case of a camera roll).</summary>
[MemoryDiagnoser]
public class Thumbnails
{
    private string _folder = "";
    private ThumbnailGenerator _generator = null!;

    [GlobalSetup]
    public void Setup()
    {
        VipsRuntime.Configure();
        _folder = Directory.CreateTempSubdirectory("pixhaven-micro-").FullName;
        _generator = new ThumbnailGenerator(new ThumbnailStore(_folder), 85);
    }

    [GlobalCleanup]
    public void Cleanup() => Directory.Delete(_folder, recursive: true);

    [Benchmark(Description = "6 sizes, 12 MP JPEG")]
    public string? SixSizes() => _generator.Generate(Path.Combine(Corpus.Root, "jpeg/Apple_iPhone_13_Pro_IMG_8568.JPG"), "0123456789abcdef0123456789abcdef");
}

/// <summary>Where the test photos are: the repository's tests/data/photos.</summary>
internal static class Corpus
{
    public static string Root { get; } = Find();

    private static string Find()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !System.IO.File.Exists(Path.Combine(folder.FullName, "Pixhaven.slnx")))
        {
            folder = folder.Parent;
        }

        return Path.Combine(folder?.FullName ?? throw new InvalidOperationException("run inside the repository"), "tests", "data", "photos");
    }
}
