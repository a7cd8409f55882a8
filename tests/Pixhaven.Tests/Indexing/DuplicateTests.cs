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

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task AStacksOwnJpeg_IsShown_NotItsCopyInAFolderThatSortsFirst(bool rawIndexedBefore)
    {
        // The copy's path sorts first, so among copies alone it would be shown; in a stack the stack's own file is.
        Directory.CreateDirectory(_library.OriginalPath("2019/trip"));
        File.Copy(TestPhotos.PathOf("raw/exiftool_Nikon_D70.nef"), _library.OriginalPath("2019/trip/DSC_0003.NEF"));
        if (rawIndexedBefore)
        {
            await _library.IndexAsync();
        }

        Directory.CreateDirectory(_library.OriginalPath("0"));
        File.Copy(TestPhotos.PathOf("jpeg/Nikon_D90_DSC_0003.JPG"), _library.OriginalPath("0/x.jpg"));
        File.Copy(TestPhotos.PathOf("jpeg/Nikon_D90_DSC_0003.JPG"), _library.OriginalPath("2019/trip/DSC_0003.JPG"));

        Assert.Equal(1, (await _library.IndexAsync()).Duplicates);

        await using var db = _library.OpenCatalog();
        var files = await db.Files.Where(f => f.Path.StartsWith("0/") || f.Path.StartsWith("2019/")).OrderBy(f => f.Path).ToListAsync();
        Assert.Equal(["0/x.jpg", "2019/trip/DSC_0003.JPG", "2019/trip/DSC_0003.NEF"], files.Select(f => f.Path));
        Assert.Single(files.Select(f => f.PhotoId).Distinct());
        Assert.Equal([false, true, false], files.Select(f => f.Primary));
        Assert.Equal([true, false, false], files.Select(f => f.Duplicate));
        Assert.Equal(0, (await _library.IndexAsync()).Duplicates); // and a second run leaves it so
        Assert.Equal("2019/trip/DSC_0003.JPG", await db.Files.Where(f => f.Primary && f.PhotoId == files[0].PhotoId).Select(f => f.Path).SingleAsync());
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
