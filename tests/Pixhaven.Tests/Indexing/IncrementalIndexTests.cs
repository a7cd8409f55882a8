using Microsoft.EntityFrameworkCore;
using Pixhaven.Core.Media.Thumbnails;
using Pixhaven.Core.Model;
using Pixhaven.Core.Search;
using Pixhaven.Core.Search.Query;
using Microsoft.Extensions.DependencyInjection;
using Pixhaven.Tests.Infrastructure;

namespace Pixhaven.Tests.Indexing;

/// <summary>Second and later runs: unchanged files cost nothing, changes are found, records survive moves and deletes.</summary>
public sealed class IncrementalIndexTests : IAsyncLifetime
{
    private static readonly string[] Files = [TestPhotos.CanonJpeg, TestPhotos.GpsJpeg, TestPhotos.Rotated, "png/density_plot.png", "broken/zero_bytes.jpg"];
    private TestLibrary _library = null!;

    public async Task InitializeAsync()
    {
        _library = await TestLibrary.CreateAsync(Files);
        var first = await _library.IndexAsync();
        Assert.Equal(4, first.Indexed);
        Assert.Equal(1, first.Skipped);
    }

    public async Task DisposeAsync() => await _library.DisposeAsync();

    private async Task<PhotoFile> FileAt(string path)
    {
        await using var db = _library.OpenCatalog();
        return await db.Files.Include(f => f.Photo).SingleAsync(f => f.Path == path);
    }

    private Dictionary<string, DateTime> ThumbnailWriteTimes() =>
        Directory.EnumerateFiles(_library.Options.Values.ThumbnailCachePath, "*.jpg", SearchOption.AllDirectories)
            .ToDictionary(f => f, File.GetLastWriteTimeUtc);

    [Fact]
    public async Task SecondRun_WithNoChanges_ReadsNothingAndWritesNoThumbnail()
    {
        var thumbnailsBefore = ThumbnailWriteTimes();
        var rowsBefore = await FileAt(TestPhotos.CanonJpeg);

        var second = await _library.IndexAsync();

        Assert.Equal((Files.Length, 0, 0, 0, 0), (second.Unchanged, second.Indexed, second.Skipped, second.Failed, second.Moved));
        Assert.Equal(thumbnailsBefore, ThumbnailWriteTimes());
        Assert.Equal(rowsBefore.IndexedAt, (await FileAt(TestPhotos.CanonJpeg)).IndexedAt);
    }

    [Fact]
    public async Task ChangedFile_IsReindexed_AndKeepsItsPhotoRecord()
    {
        var before = await FileAt(TestPhotos.GpsJpeg);
        // Same path, new content: another camera's photo written over it.
        File.Copy(TestPhotos.PathOf("jpeg/Nikon_D90_DSC_0003.JPG"), _library.OriginalPath(TestPhotos.GpsJpeg), overwrite: true);

        var run = await _library.IndexAsync();

        var after = await FileAt(TestPhotos.GpsJpeg);
        Assert.Equal(1, run.Indexed);
        Assert.Equal(before.Photo!.Uid, after.Photo!.Uid);
        Assert.NotEqual(before.Hash, after.Hash);
        Assert.Equal(after.Hash, after.Photo.ThumbnailHash);
        Assert.Equal("NIKON D90", after.Photo.CameraModel);
        Assert.True(new ThumbnailStore(_library.Options.Values.ThumbnailCachePath).HasAll(after.Hash!));
    }

    [Fact]
    public async Task MovedFile_IsRecognisedByHash_AndKeepsItsPhotoRecord()
    {
        var before = await FileAt(TestPhotos.CanonJpeg);
        var target = _library.OriginalPath("2013/holiday/renamed.jpg");
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        File.Move(_library.OriginalPath(TestPhotos.CanonJpeg), target);

        var run = await _library.IndexAsync();

        Assert.Equal((1, 0, 0), (run.Moved, run.Indexed, run.Missing));
        await using var db = _library.OpenCatalog();
        var moved = await db.Files.Include(f => f.Photo).SingleAsync(f => f.Id == before.Id);
        Assert.Equal("2013/holiday/renamed.jpg", moved.Path);
        Assert.Equal(before.Photo!.Uid, moved.Photo!.Uid);
        Assert.False(moved.Missing);
        Assert.False(await db.Files.AnyAsync(f => f.Path == TestPhotos.CanonJpeg));
    }

    [Fact]
    public async Task DeletedFile_IsMarkedMissing_ItsPhotoHidden_NothingDeleted_AndItComesBack()
    {
        var before = await FileAt(TestPhotos.Rotated);
        var saved = await File.ReadAllBytesAsync(_library.OriginalPath(TestPhotos.Rotated));
        File.Move(_library.OriginalPath(TestPhotos.Rotated), Path.Combine(_library.Root, "outside.jpg"));

        var run = await _library.IndexAsync();

        Assert.Equal(1, run.Missing);
        var missing = await FileAt(TestPhotos.Rotated);
        Assert.True(missing.Missing);
        Assert.True(missing.Photo!.Missing);
        Assert.Equal(before.Photo!.Uid, missing.Photo.Uid);
        Assert.True(new ThumbnailStore(_library.Options.Values.ThumbnailCachePath).HasAll(before.Hash!), "thumbnails are kept");
        var page = await _library.Services.GetRequiredService<PhotoSearch>().SearchAsync(new SearchRequest(SearchQuery.Empty), CancellationToken.None);
        Assert.DoesNotContain(page.Photos, p => p.Uid == before.Photo.Uid);

        await File.WriteAllBytesAsync(_library.OriginalPath(TestPhotos.Rotated), saved);
        await _library.IndexAsync();
        var back = await FileAt(TestPhotos.Rotated);
        Assert.False(back.Missing);
        Assert.False(back.Photo!.Missing);
        Assert.Equal(before.Photo.Uid, back.Photo.Uid);
    }

    [Fact]
    public async Task CopyOfAFile_IsADuplicateOfTheSamePhoto()
    {
        File.Copy(_library.OriginalPath(TestPhotos.CanonJpeg), _library.OriginalPath("copy-of-canon.jpg"));

        var run = await _library.IndexAsync();

        Assert.Equal(1, run.Duplicates);
        var original = await FileAt(TestPhotos.CanonJpeg);
        var copy = await FileAt("copy-of-canon.jpg");
        Assert.Equal(original.PhotoId, copy.PhotoId);
        Assert.True(copy.Duplicate);
        Assert.False(copy.Primary);
        await using var db = _library.OpenCatalog();
        Assert.Equal(4, await db.Photos.CountAsync());
    }

    [Fact]
    public async Task FilesReadByAnOlderVersion_AreReadAgainOnce_KeepingEditsAndThumbnails()
    {
        // As an older version left them: its readers found no lens in the Canon photo, and the PNG failed.
        var canon = await FileAt(TestPhotos.CanonJpeg);
        var png = await FileAt("png/density_plot.png");
        await using (var db = _library.OpenCatalog())
        {
            await db.Files.ExecuteUpdateAsync(s => s.SetProperty(f => f.Revision, 0));
            await db.Photos.Where(p => p.Id == canon.PhotoId).ExecuteUpdateAsync(s => s
                .SetProperty(p => p.Lens, (string?)null)
                .SetProperty(p => p.Title, "Harbour at dusk").SetProperty(p => p.TitleSource, MetadataSource.Manual));
            await db.Files.Where(f => f.Id == png.Id).ExecuteUpdateAsync(s => s
                .SetProperty(f => f.Status, FileStatus.Failed).SetProperty(f => f.Error, "decoder missing")
                .SetProperty(f => f.MetadataAt, (DateTime?)null).SetProperty(f => f.ThumbnailsAt, (DateTime?)null));
        }

        var store = new ThumbnailStore(_library.Options.Values.ThumbnailCachePath);
        foreach (var size in ThumbnailSize.All)
        {
            File.Delete(store.PathFor(png.Hash!, size));
        }

        var canonThumbnails = ThumbnailWriteTimes().Where(t => t.Key.Contains(canon.Hash!, StringComparison.Ordinal)).ToList();

        var run = await _library.IndexAsync();

        // Every file is read again (the zero-byte one is still skipped); the Canon photo's thumbnails are kept.
        Assert.Equal((4, 1, 0), (run.Indexed, run.Skipped, run.Unchanged));
        Assert.Equal(5, run.ReadAgain);
        var canonAfter = await FileAt(TestPhotos.CanonJpeg);
        Assert.Equal("EF28-135mm f/3.5-5.6 IS USM", canonAfter.Photo!.Lens);
        Assert.Equal(("Harbour at dusk", MetadataSource.Manual), (canonAfter.Photo.Title, canonAfter.Photo.TitleSource));
        Assert.Equal(canonThumbnails, ThumbnailWriteTimes().Where(t => t.Key.Contains(canon.Hash!, StringComparison.Ordinal)).ToList());
        var pngAfter = await FileAt("png/density_plot.png");
        Assert.Equal((FileStatus.Indexed, null), (pngAfter.Status, pngAfter.Error));
        Assert.True(store.HasAll(png.Hash!));
        Assert.Equal(png.PhotoId, pngAfter.PhotoId);

        var next = await _library.IndexAsync();
        Assert.Equal((Files.Length, 0), (next.Unchanged, next.Indexed));
    }

    [Fact]
    public async Task ForceRun_RereadsEveryFile()
    {
        var run = await _library.IndexAsync(force: true);
        Assert.Equal((4, 1, 0), (run.Indexed, run.Skipped, run.Unchanged));
    }
}
