using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Pixhaven.Core.Model;
using Pixhaven.Core.Organizing;
using Pixhaven.Tests.Infrastructure;

namespace Pixhaven.Tests.Indexing;

/// <summary>Files that belong together become one photo; the documented rule picks what is shown.</summary>
public class StackTests : IAsyncLifetime
{
    private TestLibrary _library = null!;

    /// <summary>Where the catalog lives; the embedded SQLite file unless a subclass says otherwise.</summary>
    protected virtual IReadOnlyDictionary<string, string>? CatalogOptions => null;

    public async Task InitializeAsync()
    {
        _library = await TestLibrary.CreateAsync([], CatalogOptions);
        Place("raw/Canon_PowerShot_S40_CRW_0113.CRW", "trip/IMG_0113.CRW");
        Place("jpeg/Canon_PowerShot_S40_IMG_0108.JPG", "trip/IMG_0113.JPG");
        Place("sidecar/IMG_5910.xmp", "trip/IMG_0113.JPG.xmp");
        Place("jpeg/Nikon_D90_DSC_0003.JPG", "edits/DSC_0003.JPG");
        Place("jpeg/Sony_SLT-A57_DSC8833.JPG", "edits/DSC_0003 (edited).JPG");
        Place("webp/Alpha_Lossy.webp", "named/IMG-20190512-WA0001.webp"); // no date in its metadata
        Place(TestPhotos.OffsetJpeg, "iphone/IMG_8568.JPG");
        File.WriteAllText(_library.OriginalPath("iphone/IMG_8568.AAE"), AppleAdjustments);
        Place("jpeg/Canon_EOS_7D.jpg", "pixel/PXL_20250120_221128230.RAW-01.COVER.jpg");
        Place("raw/exiftool_Canon_350D.dng", "pixel/PXL_20250120_221128230.RAW-02.ORIGINAL.dng");
        await _library.IndexAsync();
    }

    public async Task DisposeAsync() => await _library.DisposeAsync();

    private void Place(string corpusFile, string target)
    {
        var path = _library.OriginalPath(target);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.Copy(TestPhotos.PathOf(corpusFile), path);
    }

    private async Task<List<PhotoFile>> FilesIn(string folder)
    {
        await using var db = _library.OpenCatalog();
        return await db.Files.Include(f => f.Photo).Where(f => f.Path.StartsWith(folder + "/")).OrderBy(f => f.Path).ToListAsync();
    }

    [Fact]
    public async Task APixelsRawAndJpeg_NamedApart_AreOnePhoto_ShowingTheJpeg()
    {
        var files = await FilesIn("pixel");
        Assert.Single(files.Select(f => f.PhotoId).Distinct());
        Assert.Equal([(MediaType.Image, true), (MediaType.Raw, false)], files.Select(f => (f.Type, f.Primary)));
    }

    [Fact]
    public async Task RawJpegAndSidecar_AreOnePhoto_ShowingTheJpeg()
    {
        var files = await FilesIn("trip");
        Assert.Equal(3, files.Count);
        Assert.Single(files.Select(f => f.PhotoId).Distinct());
        var jpeg = files.Single(f => f.Path.EndsWith(".JPG", StringComparison.Ordinal));
        Assert.True(jpeg.Primary);
        Assert.Equal(jpeg.Hash, jpeg.Photo!.ThumbnailHash);
        Assert.Equal(MediaType.Image, jpeg.Photo.Type);
        Assert.Equal("Squirrel at berkely", jpeg.Photo.Title);

        // The RAW stays downloadable from the stack.
        var raw = files.Single(f => f.Type == MediaType.Raw);
        Assert.False(raw.Primary);
        await using var db = _library.OpenCatalog();
        Assert.Equal(1, await db.Photos.CountAsync(p => p.Id == raw.PhotoId));
    }

    [Fact]
    public async Task EditedVersion_IsShown_OriginalKeptInTheStack()
    {
        var files = await FilesIn("edits");
        Assert.Single(files.Select(f => f.PhotoId).Distinct());
        var edited = files.Single(f => f.Edited);
        Assert.True(edited.Primary);
        Assert.Equal("SLT-A57", edited.Photo!.CameraModel);
    }

    [Fact]
    public async Task ReindexingTheImage_KeepsTheSidecarsHigherRankedValues()
    {
        var before = (await FilesIn("trip")).Single(f => f.Path.EndsWith(".JPG", StringComparison.Ordinal)).Photo!;
        File.Copy(TestPhotos.PathOf("jpeg/Canon_PowerShot_A85.jpg"), _library.OriginalPath("trip/IMG_0113.JPG"), overwrite: true);

        var run = await _library.IndexAsync();

        Assert.Equal(1, run.Indexed);
        var after = (await FilesIn("trip")).Single(f => f.Path.EndsWith(".JPG", StringComparison.Ordinal)).Photo!;
        Assert.Equal(before.Uid, after.Uid);
        Assert.Equal("Squirrel at berkely", after.Title);
        Assert.Equal(MetadataSource.Sidecar, after.TitleSource);
        Assert.Equal("Canon PowerShot A85", after.CameraModel);
    }

    /// <summary>The start of an AAE file as iOS exports it beside an edited photo.</summary>
    private const string AppleAdjustments = """
        <?xml version="1.0" encoding="UTF-8"?>
        <!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">
        <plist version="1.0">
        <dict>
        	<key>adjustmentBaseVersion</key>
        	<integer>0</integer>
        	<key>adjustmentData</key>
        	<data>YnBsaXN0MDDUAQIDBAUGBwhYJHZlcnNpb24=</data>
        	<key>adjustmentFormatIdentifier</key>
        	<string>com.apple.photo</string>
        	<key>adjustmentFormatVersion</key>
        	<string>1.5</string>
        </dict>
        </plist>
        """;

    [Fact]
    public async Task ApplePhotosAdjustments_JoinTheirPhoto_WithoutAProblem()
    {
        var files = await FilesIn("iphone");
        Assert.Equal(["iphone/IMG_8568.AAE", "iphone/IMG_8568.JPG"], files.Select(f => f.Path));
        Assert.Single(files.Select(f => f.PhotoId).Distinct());
        Assert.Equal((MediaType.Sidecar, FileStatus.Indexed, null), (files[0].Type, files[0].Status, files[0].Error));
        Assert.Equal((true, MediaType.Image), (files[1].Primary, files[1].Photo!.Type));
    }

    [Fact]
    public async Task NoDateInMetadata_TakesTheDateFromTheFileName()
    {
        var photo = (await FilesIn("named")).Single().Photo!;
        Assert.Equal(new DateTime(2019, 5, 12), photo.TakenAt);
        Assert.Equal(MetadataSource.FileName, photo.TakenAtSource);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task ARawWhoseJpegIsACopyOfAPhotoElsewhere_JoinsThatPhoto(bool laterRun)
    {
        // The camera's JPEG was exported before (or is found in the same run): on the card, the JPEG is a duplicate,
        // and its RAW belongs with the photo all the same, not beside it as a second photo of the same picture.
        Place(TestPhotos.GpsJpeg, "export/IMG_7.JPG");
        if (laterRun)
        {
            await _library.IndexAsync();
        }

        Place(TestPhotos.GpsJpeg, "card/IMG_7.JPG");
        Place("raw/exiftool_Nikon_D70.nef", "card/IMG_7.NEF");
        Place("sidecar/IMG_5910.xmp", "card/IMG_7.xmp");
        await _library.IndexAsync();

        var files = (await FilesIn("export")).Concat(await FilesIn("card")).ToList();
        Assert.Single(files.Select(f => f.PhotoId).Distinct());
        Assert.NotNull(files[0].PhotoId);
        var primary = Assert.Single(files, f => f.Primary);
        Assert.Equal(MediaType.Image, primary.Type);
        Assert.Single(files, f => f.Duplicate);
        Assert.Equal("Squirrel at berkely", primary.Photo!.Title);
        await using var db = _library.OpenCatalog();
        Assert.Equal(0, await db.Files.CountAsync(f => f.PhotoId != null && !db.Photos.Any(p => p.Id == f.PhotoId)));
    }

    [Fact]
    public async Task APhotoAbsorbedIntoAStack_KeepsItsAlbumCoverAndMarks()
    {
        // The RAW came first, so its photo is the older one and survives the merge; the user had organised the JPEG's.
        Place("raw/exiftool_Nikon_D70.nef", "card/IMG_7.NEF");
        await _library.IndexAsync();
        Place(TestPhotos.GpsJpeg, "export/IMG_7.JPG");
        await _library.IndexAsync();
        string exportedUid;
        await using (var db = _library.OpenCatalog())
        {
            exportedUid = (await db.Files.Include(f => f.Photo).SingleAsync(f => f.Path == "export/IMG_7.JPG")).Photo!.Uid;
        }

        var albums = _library.Services.GetRequiredService<AlbumService>();
        var album = await albums.CreateAsync("Trip", null, CancellationToken.None);
        Assert.Equal(1, await albums.AddAsync(album.Uid, [exportedUid], CancellationToken.None));
        await albums.UpdateAsync(album.Uid, null, null, exportedUid, CancellationToken.None);
        var editor = _library.Services.GetRequiredService<PhotoEditor>();
        await editor.EditAsync([exportedUid], new PhotoEdit { Favorite = true }, CancellationToken.None);
        await editor.ArchiveAsync([exportedUid], CancellationToken.None);

        Place(TestPhotos.GpsJpeg, "card/IMG_7.JPG");
        await _library.IndexAsync();

        var files = (await FilesIn("export")).Concat(await FilesIn("card")).ToList();
        var photo = Assert.Single(files.Select(f => f.Photo!).DistinctBy(p => p.Id));
        Assert.NotEqual(exportedUid, photo.Uid);
        Assert.True(photo.Favorite);
        Assert.NotNull(photo.ArchivedAt);
        Assert.Equal(photo.Uid, (await albums.FindAsync(album.Uid, CancellationToken.None))!.CoverUid);
        await using var catalog = _library.OpenCatalog();
        Assert.Equal([photo.Id], await catalog.AlbumPhotos.Where(a => a.Album!.Uid == album.Uid).Select(a => a.PhotoId).ToListAsync());
    }
}
