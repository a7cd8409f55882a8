using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Pixhaven.Core.Catalog;
using Pixhaven.Core.Media.Thumbnails;
using Pixhaven.Tests.Infrastructure;

namespace Pixhaven.Tests.Catalog;

/// <summary><c>pixhaven cleanup</c>: storage loses what no photo uses, and keeps everything else.</summary>
public sealed class CacheCleanupTests
{
    private const string Kept = "jpeg/Canon_EOS_7D.jpg";
    private const string Unplugged = "jpeg/Apple_iPhone_4.jpg";

    [Fact]
    public async Task Cleanup_RemovesOnlyWhatNoPhotoUses_AndLeavesNewFilesAndOriginalsAlone()
    {
        await using var library = await TestLibrary.CreateAsync([Kept, Unplugged]);
        await library.IndexAsync();
        var storage = library.Storage;
        var store = new ThumbnailStore(library.Options.Values.ThumbnailCachePath);
        string keptHash, unpluggedHash;
        await using (var db = library.OpenCatalog())
        {
            keptHash = (await db.Files.SingleAsync(f => f.Path == Kept)).Hash!;
            unpluggedHash = (await db.Files.SingleAsync(f => f.Path == Unplugged)).Hash!;
        }

        // A disk that is not mounted today: the photo is missing, not gone, and keeps its thumbnails.
        var unpluggedBytes = await File.ReadAllBytesAsync(library.OriginalPath(Unplugged));
        File.Move(library.OriginalPath(Unplugged), Path.Combine(library.Root, "elsewhere.jpg"));
        await library.IndexAsync();

        // What earlier runs left: thumbnails of a rendering no photo shows any more, a transcode and a motion video of
        // content gone from the library, a scratch file of a crashed run; and a transcode of a video still there.
        var gone = new string('e', 32);
        var orphans = ThumbnailSize.All.Select(size => store.PathFor(gone, size)).ToList();
        orphans.Add(Path.Combine(storage, "cache", "video", "ee", gone + ".mp4"));
        orphans.Add(Path.Combine(storage, "cache", "motion", "ee", gone + ".mp4"));
        orphans.Add(Path.Combine(storage, "cache", "tmp", "0123abcd.tiff"));
        var crashed = Path.Combine(storage, "cache", "tmp", "4567cdef");
        orphans.Add(Path.Combine(crashed, "config", "darktablerc"));
        var keptTranscode = Path.Combine(storage, "cache", "video", keptHash[..2], keptHash + ".mp4");
        foreach (var path in orphans.Append(keptTranscode))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            await File.WriteAllBytesAsync(path, [1, 2, 3]);
        }

        var cache = Path.Combine(storage, "cache");
        foreach (var file in Directory.EnumerateFiles(cache, "*", SearchOption.AllDirectories))
        {
            File.SetLastWriteTimeUtc(file, DateTime.UtcNow.AddHours(-2));
        }

        foreach (var folder in new[] { Path.Combine(crashed, "config"), crashed })
        {
            Directory.SetLastWriteTimeUtc(folder, DateTime.UtcNow.AddHours(-2));
        }

        // One more, made just now: an index run may be about to record it.
        var fresh = store.PathFor(new string('f', 32), ThumbnailSize.Tile224);
        Directory.CreateDirectory(Path.GetDirectoryName(fresh)!);
        await File.WriteAllBytesAsync(fresh, [1]);
        var before = Directory.EnumerateFiles(cache, "*", SearchOption.AllDirectories).ToHashSet();

        var dry = await CliRunner.RunAsync(library.Root, null, "cleanup", "--dry-run", "--originals", library.Originals, "--storage", storage);
        Assert.Equal(0, dry.ExitCode);
        Assert.Contains("Would remove 11 files", dry.Output, StringComparison.Ordinal);
        Assert.Contains("7 thumbnails, 1 video transcodes, 1 motion photo videos, 2 scratch files", string.Join(' ', dry.Output.Split((char[])[' ', '\n'], StringSplitOptions.RemoveEmptyEntries)), StringComparison.Ordinal);
        Assert.Equal(before, Directory.EnumerateFiles(cache, "*", SearchOption.AllDirectories).ToHashSet());

        var result = await library.Services.GetRequiredService<CacheCleanup>().RunAsync(dryRun: false, null, CancellationToken.None);

        Assert.Equal((7, 1, 1, 2), (result.Thumbnails, result.Videos, result.MotionVideos, result.Scratch));
        // The folders a crashed converter left go with their files; the scratch folder itself stays.
        Assert.False(Directory.Exists(crashed));
        Assert.True(Directory.Exists(Path.Combine(storage, "cache", "tmp")));
        Assert.Equal(before.Except(orphans).ToHashSet(), Directory.EnumerateFiles(cache, "*", SearchOption.AllDirectories).ToHashSet());
        Assert.True(store.HasAll(keptHash) && store.HasAll(unpluggedHash) && File.Exists(keptTranscode) && File.Exists(fresh));
        Assert.True(File.Exists(library.OriginalPath(Kept)));
        Assert.Equal(unpluggedBytes, await File.ReadAllBytesAsync(Path.Combine(library.Root, "elsewhere.jpg")));
    }
}
