using Pixhaven.Core.Media.Metadata;
using Pixhaven.Core.Places;

namespace Pixhaven.Core.Tests.Places;

public sealed class TrackCacheTests : IDisposable
{
    private const string Hash = "0a1b2c3d4e5f60718293a4b5c6d7e8f9";
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"pixhaven-tracks-{Guid.NewGuid():N}");

    private static readonly IReadOnlyList<IReadOnlyList<TrackPoint>> Segments =
    [
        [new(new DateTime(2013, 8, 27, 23, 44, 0, DateTimeKind.Utc), 40.70, -74.00, 35.5), new(new DateTime(2013, 8, 27, 23, 47, 0, DateTimeKind.Utc), 40.73, -74.03, null)],
        [new(new DateTime(2013, 8, 28, 1, 0, 0, DateTimeKind.Utc), -33.8568, 151.2153, -2)],
    ];

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    [Fact]
    public void KeptPoints_ComeBackAsTheyWere()
    {
        var cache = new TrackCache(_folder);
        Assert.Null(cache.Load(Hash));
        cache.Save(Hash, Segments);
        var loaded = cache.Load(Hash)!;
        Assert.Equal(Segments.Select(s => s.ToList()), loaded.Select(s => s.ToList()));
        Assert.Equal(DateTimeKind.Utc, loaded[0][0].Utc.Kind);
    }

    [Fact]
    public void ADamagedCopy_IsNone_SoTheTrackIsParsedAgain()
    {
        var cache = new TrackCache(_folder);
        cache.Save(Hash, Segments);
        var path = Assert.Single(Directory.GetFiles(_folder));
        var bytes = File.ReadAllBytes(path);
        for (var length = 0; length < bytes.Length; length++)
        {
            File.WriteAllBytes(path, bytes[..length]);
            Assert.Null(cache.Load(Hash));
        }

        File.WriteAllBytes(path, [.. bytes, 0]);
        Assert.Null(cache.Load(Hash));
        bytes[0] = (byte)'X';
        File.WriteAllBytes(path, bytes);
        Assert.Null(cache.Load(Hash));
    }

    [Fact]
    public void OnlyTheLibrarysTracksAreKept_AndNoNameLeavesTheFolder()
    {
        var cache = new TrackCache(_folder);
        cache.Save(Hash, Segments);
        cache.Save("ffff", Segments);
        cache.KeepOnly(new HashSet<string> { Hash });
        Assert.Equal([Hash + ".points"], Directory.GetFiles(_folder).Select(Path.GetFileName));
        Assert.Throws<ArgumentException>(() => cache.Load("../../etc/passwd"));
    }
}
