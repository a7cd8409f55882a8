using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Pixhaven.Core.Model;
using Pixhaven.Core.Tests.Media;
using Pixhaven.Tests.Infrastructure;

namespace Pixhaven.Tests.Indexing;

/// <summary>
/// A Google Takeout export indexed as it is: each photo's JSON joins it as a sidecar, gives it the zone its time was
/// taken in, the position and caption Google kept, a date changed in Google Photos, and its favourite mark; an album's
/// metadata is no problem; and import makes the export's albums. On SQLite and PostgreSQL.
/// </summary>
public sealed class GoogleTakeoutTests
{
    private const string Folder = "Takeout/Google Photos/Photos from 2019/";

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task EachPhotosJson_JoinsIt_AndGivesItsZonePlaceCaptionAndFavourite(string driver)
    {
        var options = driver == "postgres" ? TestPostgres.Options() : [];
        options["default-time-zone"] = "America/New_York";
        await using var library = await TestLibrary.CreateAsync([], options);
        Directory.CreateDirectory(library.OriginalPath(Folder));
        string Original(string name) => library.OriginalPath(Folder + name);

        // 2003-10-25 15:29:18 by a camera that writes no zone; Google knew it was 13:29:18 UTC, in Paris.
        File.Copy(TestPhotos.PathOf("jpeg/Casio_EX-Z3.jpg"), Original("CIMG0001.JPG"));
        await File.WriteAllTextAsync(Original("CIMG0001.JPG.supplemental-metadata.json"),
            TakeoutDocuments.Of("CIMG0001.JPG", new DateTime(2003, 10, 25, 13, 29, 18), 48.8584, 2.2945, "Tour Eiffel"));

        // 2013-08-27 19:45:23 by its camera; its owner moved it to 30 August in Google Photos.
        File.Copy(TestPhotos.PathOf("jpeg/Olympus_PEN_E-P3.jpg"), Original("P8270001.JPG"));
        await File.WriteAllTextAsync(Original("P8270001.JPG.json"), TakeoutDocuments.Of("P8270001.JPG", new DateTime(2013, 8, 30, 12, 0, 0)));

        // A video without a date of its own, and the second photo of that name in the export, with its zone and a star.
        await VideoClips.MakeAsync(Original("VID_0001.mp4"), "-c:v", "libx264");
        await File.WriteAllTextAsync(Original("VID_0001.mp4.supplemental-metadata.json"), TakeoutDocuments.Of("VID_0001.mp4", new DateTime(2020, 1, 5, 15, 0, 0)));
        File.Copy(TestPhotos.PathOf("jpeg/Apple_iPhone_13_Pro_IMG_8568.JPG"), Original("IMG_8568(1).JPG")); // 2021-09-27 07:13:47-06:00
        await File.WriteAllTextAsync(Original("IMG_8568.JPG(1).json"), TakeoutDocuments.Of("IMG_8568.JPG", new DateTime(2021, 9, 27, 13, 13, 47), favorited: true, people: "Ada Lovelace"));

        // A squirrel boxed in Lightroom's sidecar, and named in Google Photos with a friend: the box stays, the friend joins.
        File.Copy(TestPhotos.PathOf("sidecar/IMG_5910.jpg"), Original("IMG_5910.jpg"));
        File.Copy(TestPhotos.PathOf("sidecar/IMG_5910.xmp"), Original("IMG_5910.xmp"));
        await File.WriteAllTextAsync(Original("IMG_5910.jpg.json"), TakeoutDocuments.Of("IMG_5910.jpg", new DateTime(2015, 6, 11, 17, 29, 26), people: ["Alvin the Squirrel", "Ada Lovelace"]));
        Directory.CreateDirectory(library.OriginalPath("Takeout/Google Photos/Summer in Paris"));
        await File.WriteAllTextAsync(library.OriginalPath("Takeout/Google Photos/Summer in Paris/metadata.json"), TakeoutDocuments.Album);

        var result = await library.IndexAsync();
        Assert.Empty(result.Problems);

        var paris = await PhotoOf(library, "CIMG0001.JPG");
        Assert.Equal((new DateTime(2003, 10, 25, 15, 29, 18), 120, MetadataSource.Embedded), (paris.TakenAt, paris.TakenAtOffsetMinutes, paris.TakenAtSource));
        Assert.Equal(new DateTime(2003, 10, 25, 13, 29, 18), paris.TakenAtUtc);
        Assert.Equal((48.8584, 2.2945, MetadataSource.Sidecar, "FR"), (paris.Latitude, paris.Longitude, paris.LocationSource, paris.CountryCode));
        Assert.Equal(("Tour Eiffel", MetadataSource.Sidecar, false), (paris.Description, paris.DescriptionSource, paris.Favorite));

        var moved = await PhotoOf(library, "P8270001.JPG"); // shown in the default zone: 08:00 EDT
        Assert.Equal((new DateTime(2013, 8, 30, 8, 0, 0), -240, MetadataSource.Sidecar), (moved.TakenAt, moved.TakenAtOffsetMinutes, moved.TakenAtSource));

        var video = await PhotoOf(library, "VID_0001.mp4"); // 10:00 EST
        Assert.Equal((MediaType.Video, new DateTime(2020, 1, 5, 10, 0, 0), -300, MetadataSource.Sidecar), (video.Type, video.TakenAt, video.TakenAtOffsetMinutes, video.TakenAtSource));

        var second = await PhotoOf(library, "IMG_8568(1).JPG"); // its own zone, which Google's instant agrees with
        Assert.Equal((new DateTime(2021, 9, 27, 7, 13, 47, 832), -360, MetadataSource.Embedded, true), (second.TakenAt, second.TakenAtOffsetMinutes, second.TakenAtSource, second.Favorite));

        Assert.Equal("0,0,1,1,Ada Lovelace", second.FaceRegions); // named without a box
        var squirrel = await PhotoOf(library, "IMG_5910.jpg");
        var faces = Pixhaven.Core.Media.Metadata.FaceRegion.Parse(squirrel.FaceRegions);
        Assert.Equal([("Alvin the Squirrel", false), ("Ada Lovelace", true)], faces.Select(f => (f.Name, f.IsWholePicture)));

        await using var db = library.OpenCatalog();
        Assert.Equal(["Ada Lovelace", "Alvin the Squirrel"], await db.People.Select(p => p.Name).OrderBy(n => n).ToListAsync());
        var sidecars = await db.Files.Where(f => f.Format == "json").OrderBy(f => f.Path).ToListAsync();
        Assert.Equal(6, sidecars.Count);
        Assert.All(sidecars, f => Assert.Equal((MediaType.Sidecar, FileStatus.Indexed, null), (f.Type, f.Status, f.Error)));
        Assert.Equal(5, sidecars.Count(f => f.PhotoId is not null)); // the album's joins no photo
    }

    [Fact]
    public async Task AJsonWhoseNameTakeoutCut_JoinsItsPhoto_IndexedInPlace_AndImported()
    {
        // Takeout keeps a JSON's name within 51 characters, so this one no longer names its photo.
        const string photo = "Urlaub in Knaufspesch in der Schneifel mit Freunden.JPG", json = "Urlaub in Knaufspesch in der Schneifel mit Fre.json";
        await using var library = await TestLibrary.CreateAsync([], new Dictionary<string, string> { ["default-time-zone"] = "America/New_York" });
        Directory.CreateDirectory(library.OriginalPath(Folder));
        File.Copy(TestPhotos.PathOf("jpeg/Casio_EX-Z3.jpg"), library.OriginalPath(Folder + photo));
        var document = TakeoutDocuments.Of(photo, new DateTime(2003, 10, 25, 13, 29, 18), 48.8584, 2.2945, "Tour Eiffel");
        await File.WriteAllTextAsync(library.OriginalPath(Folder + json), document);

        var indexed = await library.IndexAsync();
        Assert.Empty(indexed.Problems);
        var inPlace = await PhotoOf(library, photo);
        Assert.Equal((120, 48.8584, "Tour Eiffel"), (inPlace.TakenAtOffsetMinutes, inPlace.Latitude, inPlace.Description));

        library.Options.Values.ImportPath = Path.Combine(library.Root, "import");
        var folder = Path.Combine(library.Options.Values.ImportPath, Folder);
        Directory.CreateDirectory(folder);
        File.Copy(TestPhotos.PathOf("jpeg/Olympus_PEN_E-P3.jpg"), Path.Combine(folder, photo));
        await File.WriteAllTextAsync(Path.Combine(folder, json), TakeoutDocuments.Of(photo, new DateTime(2013, 8, 27, 17, 45, 23), 35.6586, 139.7454));
        var hash8 = (await Pixhaven.Core.Media.ContentHasher.HashFileAsync(Path.Combine(folder, photo)))[..8];

        var imported = await library.Services.GetRequiredService<Pixhaven.Core.Indexing.Importer>()
            .ImportAsync(new Pixhaven.Core.Indexing.ImportRequest(false), null, CancellationToken.None);

        Assert.Empty(imported.Problems);
        Assert.Equal([$"2013/08/20130827_194523_{hash8}.JPG", $"2013/08/20130827_194523_{hash8}.json"], imported.Moves.Select(m => m.To).Order());
        await using var db = library.OpenCatalog();
        var tokyo = (await db.Files.Include(f => f.Photo).SingleAsync(f => f.Path.EndsWith($"{hash8}.JPG"))).Photo!;
        Assert.Equal((35.6586, "JP"), (tokyo.Latitude, tokyo.CountryCode));
        Assert.Equal(tokyo.Id, (await db.Files.SingleAsync(f => f.Path.EndsWith($"{hash8}.json"))).PhotoId);
    }

    [Fact]
    public async Task ACutJsonIndexedBeforeItsPhoto_JoinsThePhotoWhenItComes()
    {
        const string photo = "Screenshot_2022-10-28-09-31-43-118_com.snapchat.android.jpg", json = "Screenshot_2022-10-28-09-31-43-118_com.snapcha.json";
        await using var library = await TestLibrary.CreateAsync([]);
        Directory.CreateDirectory(library.OriginalPath(Folder));
        await File.WriteAllTextAsync(library.OriginalPath(Folder + json), TakeoutDocuments.Of(photo, new DateTime(2003, 10, 25, 13, 29, 18), 48.8584, 2.2945, "Tour Eiffel"));
        await library.IndexAsync(); // a sidecar of nothing yet: the export is still being copied

        File.Copy(TestPhotos.PathOf("jpeg/Casio_EX-Z3.jpg"), library.OriginalPath(Folder + photo));
        var result = await library.IndexAsync();

        Assert.Empty(result.Problems);
        var placed = await PhotoOf(library, photo);
        Assert.Equal((48.8584, "Tour Eiffel", 120), (placed.Latitude, placed.Description, placed.TakenAtOffsetMinutes));
    }

    [Fact]
    public async Task Import_BringsEachJsonWithItsPhoto_NamedByThePhotosLocalTime()
    {
        await using var library = await TestLibrary.CreateAsync([], new Dictionary<string, string> { ["default-time-zone"] = "America/New_York" });
        library.Options.Values.ImportPath = Path.Combine(library.Root, "import");
        var folder = Path.Combine(library.Options.Values.ImportPath, Folder);
        Directory.CreateDirectory(folder);
        File.Copy(TestPhotos.PathOf("jpeg/Casio_EX-Z3.jpg"), Path.Combine(folder, "CIMG0001(1).JPG"));
        await File.WriteAllTextAsync(Path.Combine(folder, "CIMG0001.JPG(1).json"), TakeoutDocuments.Of("CIMG0001.JPG", new DateTime(2003, 10, 25, 13, 29, 18), 48.8584, 2.2945));
        var hash8 = (await Pixhaven.Core.Media.ContentHasher.HashFileAsync(Path.Combine(folder, "CIMG0001(1).JPG")))[..8];

        var result = await library.Services.GetRequiredService<Pixhaven.Core.Indexing.Importer>()
            .ImportAsync(new Pixhaven.Core.Indexing.ImportRequest(false), null, CancellationToken.None);

        // By the camera's 15:29:18, not Google's 13:29:18 UTC; the JSON keeps the photo's extension, not the copy's number.
        Assert.Empty(result.Problems);
        Assert.Equal([$"2003/10/20031025_152918_{hash8}.JPG", $"2003/10/20031025_152918_{hash8}.JPG.json"], result.Moves.Select(m => m.To).Order());
        await using var db = library.OpenCatalog();
        var photo = (await db.Files.Include(f => f.Photo).SingleAsync(f => f.Path.EndsWith(".JPG"))).Photo!;
        Assert.Equal((120, "FR"), (photo.TakenAtOffsetMinutes, photo.CountryCode));
        Assert.Equal(photo.Id, (await db.Files.SingleAsync(f => f.Path.EndsWith(".json"))).PhotoId);
    }

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task Import_MakesTheExportsAlbums_OfThePhotosTheirFoldersHold_OnceEach(string driver)
    {
        await using var library = await TestLibrary.CreateAsync([], driver == "postgres" ? TestPostgres.Options() : null);
        library.Options.Values.ImportPath = Path.Combine(library.Root, "import");
        var takeout = Path.Combine(library.Options.Values.ImportPath, "Takeout", "Google Photos");
        void Put(string corpusFile, string target)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(takeout, target))!);
            File.Copy(TestPhotos.PathOf(corpusFile), Path.Combine(takeout, target));
        }

        // The year folders hold every photo; an album folder holds copies of its own, and its metadata.
        Put("jpeg/Casio_EX-Z3.jpg", "Photos from 2003/CIMG0001.JPG");
        Put("jpeg/Olympus_PEN_E-P3.jpg", "Photos from 2013/P8270001.JPG");
        Put("jpeg/Canon_EOS_7D.jpg", "Photos from 2013/IMG_0002.JPG");
        Put("jpeg/Casio_EX-Z3.jpg", "Summer in Paris/CIMG0001.JPG");
        Put("jpeg/Olympus_PEN_E-P3.jpg", "Summer in Paris/P8270001.JPG");
        await File.WriteAllTextAsync(Path.Combine(takeout, "Summer in Paris", "metadata.json"), TakeoutDocuments.Album);
        var importer = library.Services.GetRequiredService<Pixhaven.Core.Indexing.Importer>();

        var result = await importer.ImportAsync(new Pixhaven.Core.Indexing.ImportRequest(false), null, CancellationToken.None);

        Assert.Equal([("Summer in Paris", 2)], result.Albums);
        Assert.Contains(result.Problems, p => p.Path.EndsWith("metadata.json", StringComparison.Ordinal) && p.Reason.StartsWith("Google Takeout album \"Summer in Paris\"", StringComparison.Ordinal));
        var albums = library.Services.GetRequiredService<Pixhaven.Core.Organizing.AlbumService>();
        var album = Assert.Single(await albums.ListAsync(CancellationToken.None));
        Assert.Equal(("Summer in Paris", 2), (album.Title, album.Count));

        // Imported again (the album's copies and metadata stayed in import): the album is found, not made twice.
        var again = await importer.ImportAsync(new Pixhaven.Core.Indexing.ImportRequest(false), null, CancellationToken.None);
        Assert.Equal([("Summer in Paris", 0)], again.Albums);
        Assert.Equal(2, Assert.Single(await albums.ListAsync(CancellationToken.None)).Count);
    }

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task AnExportIndexedWhereItLies_MakesItsAlbums_AndLeavesThemAsTheUserKeepsThem(string driver)
    {
        await using var library = await TestLibrary.CreateAsync([], driver == "postgres" ? TestPostgres.Options() : null);
        void Put(string corpusFile, string target)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(library.OriginalPath("Takeout/Google Photos/" + target))!);
            File.Copy(TestPhotos.PathOf(corpusFile), library.OriginalPath("Takeout/Google Photos/" + target));
        }

        Put("jpeg/Casio_EX-Z3.jpg", "Photos from 2003/CIMG0001.JPG");
        Put("jpeg/Olympus_PEN_E-P3.jpg", "Photos from 2013/P8270001.JPG");
        Put("jpeg/Canon_EOS_7D.jpg", "Photos from 2013/IMG_0002.JPG");
        Put("jpeg/Casio_EX-Z3.jpg", "Summer in Paris/CIMG0001.JPG");
        Put("jpeg/Olympus_PEN_E-P3.jpg", "Summer in Paris/P8270001.JPG");
        Put("jpeg/Canon_EOS_7D.jpg", "Summer in Paris/Not in the album/IMG_0002.JPG"); // a folder of its own, not the album's
        await File.WriteAllTextAsync(library.OriginalPath("Takeout/Google Photos/Summer in Paris/metadata.json"), TakeoutDocuments.Album);

        var result = await library.IndexAsync();

        Assert.Empty(result.Problems);
        Assert.Equal([("Summer in Paris", 2)], result.Albums);
        var albums = library.Services.GetRequiredService<Pixhaven.Core.Organizing.AlbumService>();
        var album = Assert.Single(await albums.ListAsync(CancellationToken.None));
        var photos = await albums.PhotosAsync(album.Uid, 10, null, CancellationToken.None);
        var paris = await PhotoOf(library, "Photos from 2003/CIMG0001.JPG", "Takeout/Google Photos/");
        var olympus = await PhotoOf(library, "Photos from 2013/P8270001.JPG", "Takeout/Google Photos/");
        Assert.Equal([paris.Uid, olympus.Uid], photos!.Photos.Select(p => p.Uid));

        // The user takes a photo out of the album; the next run, with the metadata unchanged, leaves it out.
        await albums.RemoveAsync(album.Uid, [olympus.Uid], CancellationToken.None);
        var again = await library.IndexAsync();
        Assert.Empty(again.Albums);
        Assert.Equal(1, Assert.Single(await albums.ListAsync(CancellationToken.None)).Count);
    }

    private static async Task<Photo> PhotoOf(TestLibrary library, string name, string folder = Folder)
    {
        await using var db = library.OpenCatalog();
        return (await db.Files.Include(f => f.Photo).SingleAsync(f => f.Path == folder + name)).Photo!;
    }
}
