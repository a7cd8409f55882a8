using Microsoft.EntityFrameworkCore;
using Pixhaven.Core.Model;
using Pixhaven.Tests.Infrastructure;

namespace Pixhaven.Tests.Indexing;

/// <summary>Files with identical content are one photo with duplicate files, however and whenever they are found.</summary>
public class DuplicateTests : IAsyncLifetime
{
    private TestLibrary _library = null!;

    /// <summary>Where the catalog lives; the embedded SQLite file unless a subclass says otherwise.</summary>
    protected virtual IReadOnlyDictionary<string, string>? CatalogOptions => null;

    public async Task InitializeAsync() => _library = await TestLibrary.CreateAsync([TestPhotos.CanonJpeg, TestPhotos.GpsJpeg], CatalogOptions);

    public async Task DisposeAsync() => await _library.DisposeAsync();

    private void Copy(string target) => File.Copy(_library.OriginalPath(TestPhotos.CanonJpeg), _library.OriginalPath(target));

    private async Task<List<(string Path, long? PhotoId, bool Primary, bool Duplicate)>> FilesOfTheCanonPhoto()
    {
        await using var db = _library.OpenCatalog();
        var hash = await db.Files.Where(f => f.Path == TestPhotos.CanonJpeg).Select(f => f.Hash).SingleAsync();
        var rows = await db.Files.Where(f => f.Hash == hash).OrderBy(f => f.Path).ToListAsync();
        return rows.Select(f => (f.Path, f.PhotoId, f.Primary, f.Duplicate)).ToList();
    }

    private async Task<int> PhotoCount()
    {
        await using var db = _library.OpenCatalog();
        return await db.Photos.CountAsync();
    }

    private static void AssertOnePhotoWithOnePrimary(List<(string Path, long? PhotoId, bool Primary, bool Duplicate)> files, int count)
    {
        Assert.Equal(count, files.Count);
        Assert.Single(files.Select(f => f.PhotoId).Distinct());
        Assert.NotNull(files[0].PhotoId);
        Assert.Single(files, f => f.Primary);
        Assert.All(files, f => Assert.NotEqual(f.Primary, f.Duplicate));
    }

    [Fact]
    public async Task CopiesFoundInTheSameRun_AreOnePhoto()
    {
        // Parallel analysis sees none of the copies in the catalog yet; they meet only when written, often in one batch.
        Copy("copy-1.jpg");
        Copy("sub-copy-2.jpg");

        var run = await _library.IndexAsync();

        Assert.Equal((4, 2), (run.Indexed, run.Duplicates));
        AssertOnePhotoWithOnePrimary(await FilesOfTheCanonPhoto(), 3);
        Assert.Equal(2, await PhotoCount());
    }

    [Theory]
    [InlineData("z.jpg", new[] { "a/first.jpg", "b/c/IMG_0001.jpg" })]
    [InlineData("a/IMG.jpg", new[] { "a/IMG copy.jpg", "a/IMG copy 2.jpg", "zz/IMG.jpg" })]
    public async Task AmongCopiesFoundInOneRun_TheShortestPathIsShown_WhicheverIsReadFirst(string shortest, string[] others)
    {
        // The rule the stacks use for ties: shortest path, then ordinal. The copies are read in parallel, in any order.
        foreach (var path in others.Append(shortest))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(_library.OriginalPath(path))!);
            Copy(path);
        }

        await _library.IndexAsync();

        var files = await FilesOfTheCanonPhoto();
        AssertOnePhotoWithOnePrimary(files, others.Length + 2);
        Assert.Equal(shortest, files.Single(f => f.Primary).Path);
    }

    [Fact]
    public async Task ForcedRun_KeepsDuplicatesWithTheirPhoto()
    {
        await _library.IndexAsync();
        Copy("copy-1.jpg");
        Assert.Equal(1, (await _library.IndexAsync()).Duplicates);
        var before = await FilesOfTheCanonPhoto();

        await _library.IndexAsync(force: true);

        Assert.Equal(before, await FilesOfTheCanonPhoto());
        Assert.Equal(2, await PhotoCount());
    }

    [Fact]
    public async Task ADuplicateWhosePrimaryIsDeleted_TakesItsPlace_AndKeepsThePhoto()
    {
        Copy("copy-1.jpg");
        await _library.IndexAsync();
        var photoId = (await FilesOfTheCanonPhoto())[0].PhotoId;
        var primary = (await FilesOfTheCanonPhoto()).Single(f => f.Primary).Path;

        File.Delete(_library.OriginalPath(primary));
        await _library.IndexAsync();

        await using var db = _library.OpenCatalog();
        var left = await db.Files.Include(f => f.Photo).SingleAsync(f => f.PhotoId == photoId && !f.Missing);
        Assert.True(left is { Primary: true, Duplicate: false });
        Assert.False(left.Photo!.Missing);
    }

    [Fact]
    public async Task ACopyOfAStacksJpegInAnotherFolder_StaysWithThePhoto_WhenTheStackJoinsAnOlderRawsPhoto()
    {
        // The RAW's photo is older, so the stack keeps it and absorbs the JPEG's: the JPEG's copy elsewhere must follow.
        File.Copy(TestPhotos.PathOf("raw/exiftool_Nikon_D70.nef"), _library.OriginalPath("DSC_0003.NEF"));
        await _library.IndexAsync();
        Directory.CreateDirectory(_library.OriginalPath("copy"));
        foreach (var path in new[] { "DSC_0003.JPG", "copy/DSC_0003.JPG" })
        {
            File.Copy(TestPhotos.PathOf("jpeg/Nikon_D90_DSC_0003.JPG"), _library.OriginalPath(path));
        }

        File.Copy(TestPhotos.PathOf("sidecar/IMG_5910.xmp"), _library.OriginalPath("copy/DSC_0003.xmp")); // the copy's own sidecar

        Assert.Equal(1, (await _library.IndexAsync()).Duplicates);

        await using var db = _library.OpenCatalog();
        var raw = await db.Files.SingleAsync(f => f.Path == "DSC_0003.NEF");
        var others = await db.Files.Where(f => f.Path.StartsWith("DSC_0003.J") || f.Path.StartsWith("copy/")).OrderBy(f => f.Path).ToListAsync();
        Assert.Equal(["DSC_0003.JPG", "copy/DSC_0003.JPG", "copy/DSC_0003.xmp"], others.Select(f => f.Path));
        Assert.All(others, f => Assert.Equal(raw.PhotoId, f.PhotoId));
        Assert.Equal([true, false, false], others.Select(f => f.Primary));
        Assert.Equal([false, true, false], others.Select(f => f.Duplicate));
    }

    private void Place(string corpusFile, string target)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(_library.OriginalPath(target))!);
        File.Copy(TestPhotos.PathOf(corpusFile), _library.OriginalPath(target));
    }

    [Theory]
    [InlineData("together")]
    [InlineData("raw first")] // the RAW's photo is older, so the stack keeps it
    [InlineData("copies first")] // the stack's JPEG and RAW arrive as copies of a photo shown elsewhere
    public async Task AStacksOwnJpeg_IsShown_NotItsCopiesElsewhere_WhicheverArrivesFirst(string order)
    {
        // "0/x.jpg" sorts first, so among copies alone it would be shown; "copy/" holds a copy with a sidecar of its own.
        const string jpeg = "jpeg/Nikon_D90_DSC_0003.JPG", raw = "raw/exiftool_Nikon_D70.nef";
        (string Corpus, string Target)[] rawFile = [(raw, "2019/trip/DSC_0003.NEF")], stackJpeg = [(jpeg, "2019/trip/DSC_0003.JPG")];
        (string Corpus, string Target)[] copies =
            [(jpeg, "0/x.jpg"), (jpeg, "copy/DSC_0003.JPG"), ("sidecar/IMG_5910.xmp", "copy/DSC_0003.xmp"), (raw, "z/DSC_0003.NEF")];
        (string Corpus, string Target)[][] batches = order switch
        {
            "together" => [[.. rawFile, .. stackJpeg, .. copies]],
            "raw first" => [rawFile, [.. stackJpeg, .. copies]],
            _ => [copies, [.. rawFile, .. stackJpeg]],
        };
        foreach (var batch in batches)
        {
            foreach (var (corpus, target) in batch)
            {
                Place(corpus, target);
            }

            await _library.IndexAsync();
        }

        Assert.Equal(0, (await _library.IndexAsync()).Duplicates); // a run more changes nothing
        await using var db = _library.OpenCatalog();
        var files = await db.Files.Where(f => f.Path != TestPhotos.CanonJpeg && f.Path != TestPhotos.GpsJpeg).OrderBy(f => f.Path).ToListAsync();
        Assert.Equal(["0/x.jpg", "2019/trip/DSC_0003.JPG", "2019/trip/DSC_0003.NEF", "copy/DSC_0003.JPG", "copy/DSC_0003.xmp", "z/DSC_0003.NEF"], files.Select(f => f.Path));
        Assert.Single(files.Select(f => f.PhotoId).Distinct());
        Assert.Equal([false, true, false, false, false, false], files.Select(f => f.Primary));
        Assert.Equal([true, false, false, true, false, true], files.Select(f => f.Duplicate));
        Assert.Equal([MediaType.Image, MediaType.Image, MediaType.Raw, MediaType.Image, MediaType.Sidecar, MediaType.Raw], files.Select(f => f.Type));
    }

    [Fact]
    public async Task AnEditsOriginal_IsTheStacks_AndItsCopyElsewhereTheCopy()
    {
        // The copy "b/IMG_1.jpg" sorts before "edits/IMG_1.jpg"; the stack shows the edit, and keeps its own original.
        Place("jpeg/Canon_EOS_7D.jpg", "b/IMG_1.jpg");
        Place("jpeg/Canon_EOS_7D.jpg", "edits/IMG_1.jpg");
        Place("jpeg/Sony_SLT-A57_DSC8833.JPG", "edits/IMG_1 (edited).jpg");

        await _library.IndexAsync();

        await using var db = _library.OpenCatalog();
        var files = await db.Files.Where(f => f.Path.StartsWith("b/") || f.Path.StartsWith("edits/")).OrderBy(f => f.Path).ToListAsync();
        Assert.Equal(["b/IMG_1.jpg", "edits/IMG_1 (edited).jpg", "edits/IMG_1.jpg"], files.Select(f => f.Path));
        Assert.Single(files.Select(f => f.PhotoId).Distinct());
        Assert.Equal([false, true, false], files.Select(f => f.Primary));
        Assert.Equal([true, false, false], files.Select(f => f.Duplicate));
    }

    [Fact]
    public async Task ACopyThatLostItsPhoto_JoinsItAgain_OnTheNextRun()
    {
        // As the stack builder left such copies before it kept them linked: a duplicate with no photo.
        Copy("copy-1.jpg");
        await _library.IndexAsync();
        await using (var db = _library.OpenCatalog())
        {
            Assert.Equal(1, await db.Files.Where(f => f.Duplicate).ExecuteUpdateAsync(s => s.SetProperty(f => f.PhotoId, (long?)null)));
        }

        Assert.Equal(1, (await _library.IndexAsync()).Duplicates);

        AssertOnePhotoWithOnePrimary(await FilesOfTheCanonPhoto(), 2);
        Assert.Equal(2, await PhotoCount());
        Assert.Equal(0, (await _library.IndexAsync()).Duplicates); // and it stays so
    }

    private const string Dateless = "webp/Alpha_Lossy.webp"; // no date in its metadata at all

    private async Task<Photo> PhotoOf(string path)
    {
        await using var db = _library.OpenCatalog();
        return (await db.Files.Include(f => f.Photo).SingleAsync(f => f.Path == path)).Photo!;
    }

    [Fact]
    public async Task ACopyNamedWithADate_DatesAPhotoThatHadOnlyAnEstimate_FoundInTheSameRun()
    {
        // The dateless copy sorts first and the dated one after both camera JPEGs, so the dateless one makes the photo.
        File.Copy(TestPhotos.PathOf(Dateless), _library.OriginalPath("0-plot.webp"));
        Directory.CreateDirectory(_library.OriginalPath("zz"));
        File.Copy(TestPhotos.PathOf(Dateless), _library.OriginalPath("zz/IMG-20190512-WA0001.webp"));

        await _library.IndexAsync();

        await using var db = _library.OpenCatalog();
        Assert.True((await db.Files.SingleAsync(f => f.Path == "0-plot.webp")).Primary, "the dateless copy made the photo");
        var photo = await PhotoOf("0-plot.webp");
        Assert.Equal((new DateTime(2019, 5, 12), MetadataSource.FileName), (photo.TakenAt, photo.TakenAtSource));
        Assert.Equal(photo.Id, (await PhotoOf("zz/IMG-20190512-WA0001.webp")).Id);
    }

    [Fact]
    public async Task ACopyNamedWithADate_DatesAPhotoThatHadOnlyAnEstimate_FoundInALaterRun()
    {
        File.Copy(TestPhotos.PathOf(Dateless), _library.OriginalPath("a-plot.webp"));
        await _library.IndexAsync();
        Assert.Equal(MetadataSource.Auto, (await PhotoOf("a-plot.webp")).TakenAtSource);

        File.Copy(TestPhotos.PathOf(Dateless), _library.OriginalPath("IMG-20190512-WA0001.webp"));
        Assert.Equal(1, (await _library.IndexAsync()).Duplicates);

        var photo = await PhotoOf("a-plot.webp");
        Assert.Equal((new DateTime(2019, 5, 12), MetadataSource.FileName), (photo.TakenAt, photo.TakenAtSource));
        // A copy never replaces a date the photo's own file or metadata gave.
        File.Copy(TestPhotos.PathOf(Dateless), _library.OriginalPath("IMG-20200101-WA0002.webp"));
        await _library.IndexAsync();
        Assert.Equal(new DateTime(2019, 5, 12), (await PhotoOf("a-plot.webp")).TakenAt);
    }
}
