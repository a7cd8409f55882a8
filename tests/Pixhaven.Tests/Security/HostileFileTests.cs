using Microsoft.EntityFrameworkCore;
using Pixhaven.Core.Media.Thumbnails;
using Pixhaven.Core.Model;
using Pixhaven.Tests.Infrastructure;

namespace Pixhaven.Tests.Security;

/// <summary>Files made to hurt the indexer are skipped with a reason, and the run goes on.</summary>
public sealed class HostileFileTests
{
    [Fact]
    public async Task JpegClaimingBillionsOfPixels_IsRefusedBeforeDecoding_AndTheRunGoesOn()
    {
        await using var library = await TestLibrary.CreateAsync([TestPhotos.CanonJpeg]);
        var bomb = library.OriginalPath("bomb.jpg");
        using (var small = NetVips.Image.Black(64, 48) + 128)
        {
            small.Jpegsave(bomb);
        }

        var bytes = File.ReadAllBytes(bomb);
        var sof = Enumerable.Range(0, bytes.Length - 1).First(i => bytes[i] == 0xFF && bytes[i + 1] == 0xC0);
        bytes[sof + 5] = 0xEA; // height 60000
        bytes[sof + 6] = 0x60;
        bytes[sof + 7] = 0xEA; // width 60000
        bytes[sof + 8] = 0x60;
        File.WriteAllBytes(bomb, bytes);

        var result = await library.IndexAsync();
        Assert.Equal(2, result.Found);
        await using var db = library.OpenCatalog();
        var refused = await db.Files.SingleAsync(f => f.Path == "bomb.jpg");
        Assert.NotEqual(FileStatus.Indexed, refused.Status);
        Assert.Contains("3600 megapixels", refused.Error, StringComparison.Ordinal);
        Assert.Equal(FileStatus.Indexed, (await db.Files.SingleAsync(f => f.Path == TestPhotos.CanonJpeg)).Status);
        Assert.Equal(bytes, File.ReadAllBytes(bomb)); // the original is untouched
    }

    [Fact]
    public async Task NamesThatAreNotUtf8_AreListedWithTheFix_NotLostUnseen()
    {
        await using var library = await TestLibrary.CreateAsync([TestPhotos.CanonJpeg]);
        // Latin-1 names, as old camera cards and zips made on Windows leave them: "Café.jpg", and a photo in a folder "Fête".
        // .NET can neither write nor delete such a name, so the shell does both.
        const string cafe = "\"$1/Caf\"$'\\xe9'.jpg", fete = "\"$1/F\"$'\\xea'te";
        await Shell($"cp \"$0\" {cafe} && mkdir {fete} && cp \"$0\" {fete}/a.jpg", TestPhotos.PathOf(TestPhotos.GpsJpeg), library.Originals);
        try
        {
            var result = await library.IndexAsync();

            Assert.Equal((1, 2), (result.Indexed, result.Skipped));
            Assert.Equal(["Caf\uFFFD.jpg", "F\uFFFDte/"], result.Problems.Select(p => p.Path).Order(StringComparer.Ordinal));
            Assert.All(result.Problems, p => Assert.Contains("is not valid UTF-8", p.Reason, StringComparison.Ordinal));
            Assert.All(result.Problems, p => Assert.Contains("convmv", p.Reason, StringComparison.Ordinal));
            Assert.Equal(3, (await library.IndexAsync()).Unchanged);
        }
        finally
        {
            await Shell($"rm -rf {cafe} {fete}", "", library.Originals);
        }
    }

    [Fact]
    public async Task LinksOutOfTheLibrary_AndLinkedFolders_AreListedAsNotFollowed_NotIndexedNorLostUnseen()
    {
        await using var library = await TestLibrary.CreateAsync([TestPhotos.CanonJpeg]);
        var outside = Path.Combine(library.Root, "elsewhere");
        Directory.CreateDirectory(outside);
        File.Copy(TestPhotos.PathOf(TestPhotos.GpsJpeg), Path.Combine(outside, "private.jpg"));
        File.CreateSymbolicLink(library.OriginalPath("outside.jpg"), Path.Combine(outside, "private.jpg"));
        Directory.CreateSymbolicLink(library.OriginalPath("linked"), outside);
        File.CreateSymbolicLink(library.OriginalPath("nowhere.jpg"), Path.Combine(outside, "gone.jpg"));
        File.CreateSymbolicLink(library.OriginalPath("inside.jpg"), library.OriginalPath(TestPhotos.CanonJpeg)); // followed

        var result = await library.IndexAsync();

        Assert.Equal(["linked/", "nowhere.jpg", "outside.jpg"], result.Problems.Select(p => p.Path).Order(StringComparer.Ordinal));
        Assert.All(result.Problems, p => Assert.Equal(FileStatus.Skipped, p.Status));
        Assert.Contains("a link to a folder, which is not followed", result.Problems.Single(p => p.Path == "linked/").Reason, StringComparison.Ordinal);
        Assert.Contains("leads outside this folder or nowhere", result.Problems.Single(p => p.Path == "outside.jpg").Reason, StringComparison.Ordinal);
        await using var db = library.OpenCatalog();
        Assert.Equal(1, await db.Photos.CountAsync()); // the Canon photo, with the link inside as its copy
        Assert.Single(await db.Files.Where(f => f.Path == "inside.jpg" || f.Path == TestPhotos.CanonJpeg).Select(f => f.PhotoId).Distinct().ToListAsync());
        Assert.Equal(5, (await library.IndexAsync()).Unchanged);
    }

    private static async Task Shell(string script, string first, string second)
    {
        using var shell = System.Diagnostics.Process.Start("bash", ["-c", script, first, second]);
        await shell.WaitForExitAsync();
        Assert.Equal(0, shell.ExitCode);
    }

    [Fact]
    public void Decoding_PastTheTimeLimit_IsStopped_WithTheReason()
    {
        var store = Path.Combine(Path.GetTempPath(), $"pixhaven-timeout-{Guid.NewGuid():N}");
        try
        {
            // A limit that has passed before decoding starts. A limit of 1 ms was flaky: on a busy machine the timer's
            // callback (on the thread pool) can come later than the whole decode.
            var generator = new ThumbnailGenerator(new ThumbnailStore(store), 85, decodeTimeout: TimeSpan.Zero);
            var error = Assert.Throws<ThumbnailException>(() => generator.Generate(TestPhotos.PathOf(TestPhotos.CanonJpeg), new string('a', 32)));
            Assert.Contains("decode-timeout", error.Message, StringComparison.Ordinal);

            var patient = new ThumbnailGenerator(new ThumbnailStore(store), 85);
            Assert.Null(patient.Generate(TestPhotos.PathOf(TestPhotos.CanonJpeg), new string('b', 32)));
        }
        finally
        {
            if (Directory.Exists(store))
            {
                Directory.Delete(store, recursive: true);
            }
        }
    }
}
