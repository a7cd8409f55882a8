using System.Diagnostics;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Pixhaven.Core.Indexing;
using Pixhaven.Core.Media;
using Pixhaven.Core.Model;
using Pixhaven.Tests.Infrastructure;

namespace Pixhaven.Tests.Indexing;

/// <summary>Import from the inbox folder: renamed by date, stacks together, duplicates skipped, nothing ever lost.</summary>
public sealed class ImportTests : IAsyncLifetime
{
    private TestLibrary _library = null!;
    private string ImportFolder => _library.Options.Values.ImportPath;

    public async Task InitializeAsync()
    {
        _library = await TestLibrary.CreateAsync([TestPhotos.CanonJpeg]);
        _library.Options.Values.ImportPath = Path.Combine(_library.Root, "import");
        await _library.IndexAsync();
    }

    public async Task DisposeAsync() => await _library.DisposeAsync();

    private void Put(string corpusFile, string target)
    {
        var path = Path.Combine(ImportFolder, target);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.Copy(TestPhotos.PathOf(corpusFile), path);
    }

    private Task<ImportResult> ImportAsync(bool copy = false) =>
        _library.Services.GetRequiredService<Importer>().ImportAsync(new ImportRequest(copy), null, CancellationToken.None);

    [Fact]
    public async Task Move_RenamesByDate_KeepsStacksTogether_SkipsKnownContent()
    {
        Put("jpeg/Canon_PowerShot_S40_IMG_0108.JPG", "card/IMG_0108.JPG");
        Put("raw/Canon_PowerShot_S40_CRW_0113.CRW", "card/IMG_0108.CRW");
        Put("sidecar/IMG_5910.xmp", "card/IMG_0108.xmp");
        Put(TestPhotos.CanonJpeg, "card/already-there.jpg");
        Put("broken/text_file.jpg", "notes/readme.jpg");
        Put("jpeg/Canon_PowerShot_S40_IMG_0108.JPG", "phone/copy-of-IMG_0108.JPG");
        Put("broken/text_file.jpg", "notes/readme-again.jpg");

        var result = await ImportAsync();

        Assert.Equal((7, 3), (result.Found, result.Imported));
        // Two copies of a non-photo: the first found ('-' sorts before '.') says why, the other points to it.
        Assert.Contains(result.Problems, p => p.Path == "notes/readme-again.jpg" && p.Reason.StartsWith("not a photo", StringComparison.Ordinal));
        Assert.Contains(result.Problems, p => p is { Path: "notes/readme.jpg", Reason: "same content as notes/readme-again.jpg, which was not imported either; left in the import folder" });
        // Each file left says where the library has its content: a file there, or the one this import just placed.
        var placedJpeg = result.Moves.Single(m => m.From == "card/IMG_0108.JPG").To;
        Assert.Equal([("card/already-there.jpg", TestPhotos.CanonJpeg), ("phone/copy-of-IMG_0108.JPG", placedJpeg)], result.AlreadyInLibrary.Order());
        var targets = result.Moves.Select(m => m.To).Order().ToList();
        var hash8 = (await ContentHasher.HashFileAsync(_library.OriginalPath(targets.Single(t => t.EndsWith(".JPG", StringComparison.Ordinal)))))[..8];
        // Named by the date the photo has: the sidecar's (xmp:CreateDate 2015-06-11T10:29:26.69), which outranks the
        // JPEG's own (2021-04-08), as an editor's corrected date does.
        var taken = new DateTime(2015, 6, 11, 10, 29, 26);
        var stem = $"{taken:yyyy}/{taken:MM}/{taken:yyyyMMdd}_{taken:HHmmss}_{hash8}";
        Assert.Equal([$"{stem}.CRW", $"{stem}.JPG", $"{stem}.xmp"], targets);
        Assert.False(File.Exists(Path.Combine(ImportFolder, "card/IMG_0108.JPG")), "moved files leave the import folder");
        Assert.True(File.Exists(Path.Combine(ImportFolder, "card/already-there.jpg")), "known content is left where it was");
        Assert.True(File.Exists(Path.Combine(ImportFolder, "notes/readme.jpg")), "non-photos are left where they were");
        Assert.Contains(result.Problems, p => p.Path == "notes/readme.jpg");

        await using var db = _library.OpenCatalog();
        var stack = await db.Files.Where(f => f.Path.StartsWith(stem)).ToListAsync();
        Assert.Equal(3, stack.Count);
        Assert.Single(stack.Select(f => f.PhotoId).Distinct());
        Assert.Equal(MediaType.Image, stack.Single(f => f.Primary).Type);
        var photo = await db.Photos.SingleAsync(p => p.Id == stack[0].PhotoId);
        Assert.Equal(taken, photo.TakenAt.AddTicks(-(photo.TakenAt.Ticks % TimeSpan.TicksPerSecond)));
    }

    [Fact]
    public async Task AStackWhoseJpegIsInTheLibrary_IsImportedBesideIt_AndJoinsItsPhoto()
    {
        // The library has the card's JPEG already (exported, or imported before); the card brings it again with its RAW
        // and a sidecar. Named by the import pattern, the RAW would become a second photo of the same picture.
        Put(TestPhotos.CanonJpeg, "card/IMG_1.JPG");
        Put("raw/exiftool_Nikon_D70.nef", "card/IMG_1.NEF");
        Put("sidecar/IMG_5910.xmp", "card/IMG_1.xmp");

        var result = await ImportAsync();

        var stem = TestPhotos.CanonJpeg[..^".JPG".Length];
        Assert.Equal([$"{stem}.NEF", $"{stem}.xmp"], result.Moves.Select(m => m.To).Order());
        Assert.Equal([("card/IMG_1.JPG", TestPhotos.CanonJpeg)], result.AlreadyInLibrary);
        await using var db = _library.OpenCatalog();
        var files = await db.Files.Include(f => f.Photo).Where(f => f.Path.StartsWith(stem)).ToListAsync();
        Assert.Equal(3, files.Count);
        Assert.Single(files.Select(f => f.PhotoId).Distinct());
        Assert.Equal(TestPhotos.CanonJpeg, files.Single(f => f.Primary).Path);
        Assert.Equal("Squirrel at berkely", files[0].Photo!.Title);
        Assert.Equal(1, await db.Photos.CountAsync());
    }

    [Fact]
    public async Task ASidecarForALibraryFileWithASidecarOfItsOwn_IsNamedAfterItsRaw_AndJoinsThePhoto()
    {
        // The library's JPEG has a sidecar already (written by Pixhaven, or an editor): a rating. The card's sidecar,
        // which gives the title, cannot take that name, and a numbered name would leave it out of the stack.
        var stem = TestPhotos.CanonJpeg[..^".JPG".Length];
        const string rated = """<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description xmlns:xmp="http://ns.adobe.com/xap/1.0/" xmp:Rating="4"/></rdf:RDF></x:xmpmeta>""";
        await File.WriteAllTextAsync(_library.OriginalPath(stem + ".xmp"), rated);
        await _library.IndexAsync();
        Put(TestPhotos.CanonJpeg, "card/IMG_1.JPG");
        Put("raw/exiftool_Nikon_D70.nef", "card/IMG_1.NEF");
        Put("sidecar/IMG_5910.xmp", "card/IMG_1.xmp");

        var result = await ImportAsync();

        Assert.Equal([$"{stem}.NEF", $"{stem}.NEF.xmp"], result.Moves.Select(m => m.To).Order());
        Assert.Equal(rated, await File.ReadAllTextAsync(_library.OriginalPath(stem + ".xmp")));
        await using var db = _library.OpenCatalog();
        var files = await db.Files.Include(f => f.Photo).Where(f => f.Path.StartsWith(stem)).ToListAsync();
        Assert.Equal(4, files.Count);
        Assert.Single(files.Select(f => f.PhotoId).Distinct());
        Assert.Equal(("Squirrel at berkely", 4), (files[0].Photo!.Title, files[0].Photo!.Rating));
        Assert.Equal(1, await db.Photos.CountAsync());
    }

    [Fact]
    public async Task AVideoAndItsCamerasThm_AreNamedAfterTheVideo_ByTheDateTheThumbnailGivesIt()
    {
        // An older Canon's Motion JPEG AVI has no date of its own; the THM beside it has the camera's EXIF.
        var video = Path.Combine(ImportFolder, "DCIM", "MVI_0108.AVI");
        Directory.CreateDirectory(Path.GetDirectoryName(video)!);
        await VideoClips.MakeAsync(video, "-c:v", "mjpeg");
        File.SetLastWriteTimeUtc(video, new DateTime(2024, 1, 2, 3, 4, 5, DateTimeKind.Utc));
        Put("jpeg/Canon_PowerShot_S40_IMG_0108.JPG", "DCIM/MVI_0108.THM");
        var hash8 = (await ContentHasher.HashFileAsync(video))[..8];

        var result = await ImportAsync();

        // The JPEG's DateTimeOriginal, 2021-04-08 14:53:27; the video's hash, as the photo shows the video.
        Assert.Equal([$"2021/04/20210408_145327_{hash8}.AVI", $"2021/04/20210408_145327_{hash8}.THM"], result.Moves.Select(m => m.To).Order());
        await using var db = _library.OpenCatalog();
        var photo = (await db.Files.Include(f => f.Photo).SingleAsync(f => f.Path.EndsWith(".AVI"))).Photo!;
        Assert.Equal((MediaType.Video, new DateTime(2021, 4, 8, 14, 53, 27)), (photo.Type, photo.TakenAt));
    }

    [Fact]
    public async Task AGoProClip_ItsProxyAndItsThumbnail_StayTogether_UnderOneName()
    {
        // HERO6 and later: the proxy is "GL…" beside "GX…" (HEVC) or "GH…" (H.264).
        var video = Path.Combine(ImportFolder, "DCIM", "100GOPRO", "GX010042.MP4");
        Directory.CreateDirectory(Path.GetDirectoryName(video)!);
        await VideoClips.MakeAsync(video, "-c:v", "libx264", "-metadata", "creation_time=2021-07-14T10:00:00Z");
        await VideoClips.MakeAsync(Path.Combine(ImportFolder, "DCIM", "100GOPRO", "GL010042.LRV"), "-c:v", "libx264", "-s", "160x120", "-f", "mp4");
        Put("jpeg/Canon_EOS_7D.jpg", "DCIM/100GOPRO/GX010042.THM");
        var hash8 = (await ContentHasher.HashFileAsync(video))[..8];

        var result = await ImportAsync();

        var name = $"2021/07/20210714_100000_{hash8}";
        Assert.Equal([name + ".LRV", name + ".MP4", name + ".THM"], result.Moves.Select(m => m.To).Order(StringComparer.Ordinal));
        await using var db = _library.OpenCatalog();
        var files = await db.Files.Where(f => f.Path.StartsWith("2021/07/")).OrderBy(f => f.Path).ToListAsync();
        Assert.Single(files.Select(f => f.PhotoId).Distinct());
        Assert.Equal([false, true, false], files.Select(f => f.Primary));
    }

    [Fact]
    public async Task ADronesVideoAndItsFlightRecord_StayTogether_NamedByTheRecordsTime()
    {
        var video = Path.Combine(ImportFolder, "DCIM", "100MEDIA", "DJI_0001.MP4");
        Directory.CreateDirectory(Path.GetDirectoryName(video)!);
        await VideoClips.MakeAsync(video, "-c:v", "libx264");
        await File.WriteAllTextAsync(Path.ChangeExtension(video, ".SRT"), Pixhaven.Core.Tests.Media.FlightRecords.Mini);
        var hash8 = (await ContentHasher.HashFileAsync(video))[..8];

        var result = await ImportAsync();

        Assert.Equal([$"2021/07/20210714_120000_{hash8}.MP4", $"2021/07/20210714_120000_{hash8}.SRT"], result.Moves.Select(m => m.To).Order(StringComparer.Ordinal));
        await using var db = _library.OpenCatalog();
        var files = await db.Files.Include(f => f.Photo).Where(f => f.Path.StartsWith("2021/07/")).ToListAsync();
        Assert.Single(files.Select(f => f.PhotoId).Distinct());
        Assert.Equal((48.8584, 120), (files[0].Photo!.Latitude, files[0].Photo!.TakenAtOffsetMinutes));
    }

    [Fact]
    public async Task AGpsTrack_ComesInOnItsOwn_NamedByItsStart_AndPlacesThePhotosOfItsHours()
    {
        Put("jpeg/Olympus_PEN_E-P3.jpg", "card/P8270001.JPG"); // 2013-08-27 19:45:23, no zone, no position
        var track = Path.Combine(ImportFolder, "logger", "Walk in Brooklyn.gpx");
        Directory.CreateDirectory(Path.GetDirectoryName(track)!);
        await File.WriteAllTextAsync(track, Pixhaven.Core.Tests.Places.GpxDocuments.Of([
            [(new DateTime(2013, 8, 27, 23, 44, 0, DateTimeKind.Utc), 40.70, -74.00), (new DateTime(2013, 8, 27, 23, 47, 0, DateTimeKind.Utc), 40.73, -74.03)],
        ]));
        var hash8 = (await ContentHasher.HashFileAsync(track))[..8];

        var result = await ImportAsync();

        Assert.Contains(("logger/Walk in Brooklyn.gpx", $"2013/08/20130827_234400_{hash8}.gpx"), result.Moves);
        Assert.Empty(result.Problems);
        await using var db = _library.OpenCatalog();
        var photo = (await db.Files.Include(f => f.Photo).SingleAsync(f => f.Path.EndsWith(".JPG") && f.Path.StartsWith("2013/08/"))).Photo!;
        Assert.Equal((MetadataSource.Track, "US", -240), (photo.LocationSource, photo.CountryCode, photo.TakenAtOffsetMinutes));
    }

    [Fact]
    public async Task ASonyClipAndItsMetadata_StayTogether_NamedByTheRecordingTime()
    {
        var video = Path.Combine(ImportFolder, "PRIVATE", "M4ROOT", "CLIP", "C0001.MP4");
        Directory.CreateDirectory(Path.GetDirectoryName(video)!);
        await VideoClips.MakeAsync(video, "-c:v", "libx264", "-metadata", "creation_time=2023-10-19T16:13:48Z");
        await File.WriteAllTextAsync(Path.ChangeExtension(video, null) + "M01.XML",
            """<?xml version="1.0" encoding="UTF-8"?><NonRealTimeMeta><CreationDate value="2023-10-19T16:13:48+02:00"/><Device manufacturer="Sony" modelName="ILCE-7M4"/></NonRealTimeMeta>""");
        var hash8 = (await ContentHasher.HashFileAsync(video))[..8];

        var result = await ImportAsync();

        Assert.Equal([$"2023/10/20231019_161348_{hash8}.MP4", $"2023/10/20231019_161348_{hash8}M01.XML"], result.Moves.Select(m => m.To).Order(StringComparer.Ordinal));
        await using var db = _library.OpenCatalog();
        var files = await db.Files.Include(f => f.Photo).Where(f => f.Path.StartsWith("2023/10/")).ToListAsync();
        Assert.Single(files.Select(f => f.PhotoId).Distinct());
        Assert.Equal((new DateTime(2023, 10, 19, 16, 13, 48), 120), (files[0].Photo!.TakenAt, files[0].Photo!.TakenAtOffsetMinutes));
    }

    [Fact]
    public async Task AStillWithoutADate_IsNamedByItsOwnTimeOfChange_NotTheCopysFileTime()
    {
        // No date in its metadata, and today's file time as copied; its tIME says 2020-05-20 19:37:26 UTC.
        Put("png/sampleWithExifData.png", "export/sample.png");
        var hash8 = (await ContentHasher.HashFileAsync(Path.Combine(ImportFolder, "export/sample.png")))[..8];

        var result = await ImportAsync();

        Assert.Equal([$"2020/05/20200520_193726_{hash8}.png"], result.Moves.Select(m => m.To));
        await using var db = _library.OpenCatalog();
        var photo = (await db.Files.Include(f => f.Photo).SingleAsync(f => f.Path.StartsWith("2020/05/"))).Photo!;
        // Its new name is that estimate, not a date someone gave it: it stays an estimate, in UTC.
        Assert.Equal((new DateTime(2020, 5, 20, 19, 37, 26), 0, MetadataSource.Auto), (photo.TakenAt, photo.TakenAtOffsetMinutes, photo.TakenAtSource));
    }

    [Fact]
    public async Task AFileNamedByItsFileTime_StaysEstimated_AtTheSameInstant_InAnyDefaultZone()
    {
        // No date inside at all: import names it by its file time, which the copy keeps.
        _library.Options.Values.DefaultTimeZone = "Europe/Berlin";
        Put("webp/Alpha_Lossy.webp", "export/alpha.webp");
        var fileTime = new DateTime(2021, 7, 3, 22, 15, 40, 250, DateTimeKind.Utc);
        File.SetLastWriteTimeUtc(Path.Combine(ImportFolder, "export/alpha.webp"), fileTime);

        var placed = (await ImportAsync()).Moves.Single().To;

        Assert.StartsWith("2021/07/20210703_221540_", placed, StringComparison.Ordinal);
        await using var db = _library.OpenCatalog();
        var photo = (await db.Files.Include(f => f.Photo).SingleAsync(f => f.Path == placed)).Photo!;
        // Read as a name, it would be 22:15:40 in Berlin, two hours before the file was written, and no longer "estimated".
        Assert.Equal((fileTime, MetadataSource.Auto), (photo.TakenAtUtc, photo.TakenAtSource));

        // A photo that an older version dated by such a name is an estimate again once its file is read again.
        await db.Photos.Where(p => p.Id == photo.Id).ExecuteUpdateAsync(s => s
            .SetProperty(p => p.TakenAt, new DateTime(2021, 7, 3, 22, 15, 40)).SetProperty(p => p.TakenAtOffsetMinutes, 120)
            .SetProperty(p => p.TakenAtUtc, new DateTime(2021, 7, 3, 20, 15, 40, DateTimeKind.Utc)).SetProperty(p => p.TakenAtSource, MetadataSource.FileName));
        await db.Files.Where(f => f.Path == placed).ExecuteUpdateAsync(s => s.SetProperty(f => f.Revision, IndexerRevision.Current - 1));
        Assert.Equal(1, (await _library.IndexAsync()).ReadAgain);
        var again = await db.Photos.AsNoTracking().SingleAsync(p => p.Id == photo.Id);
        Assert.Equal((fileTime, 0, MetadataSource.Auto), (again.TakenAtUtc, again.TakenAtOffsetMinutes, again.TakenAtSource));
    }

    [Fact]
    public async Task ALivePhotosRenamedMotion_IsNamedLikeItsStill_AndOtherVideosKeepTheirOwnNames()
    {
        // A second download names the motion "IMG_3589 (1).mov"; its content identifier still says whose it is.
        Put("livephoto/IMG_3589.HEIC", "phone/IMG_3589.HEIC");
        Put("livephoto/IMG_3589.mov", "phone/IMG_3589 (1).mov");
        Put("video/Apple_iPhone_6_with-gps.mov", "phone/IMG_0001.MOV");
        Put(TestPhotos.GpsJpeg, "phone/IMG_0002.JPG");

        var moves = (await ImportAsync()).Moves.ToDictionary(m => m.From, m => m.To);

        var still = moves["phone/IMG_3589.HEIC"];
        Assert.Equal(Path.ChangeExtension(still, ".mov"), moves["phone/IMG_3589 (1).mov"]);
        Assert.NotEqual(Path.GetFileNameWithoutExtension(still), Path.GetFileNameWithoutExtension(moves["phone/IMG_0001.MOV"]));
        Assert.NotEqual(Path.GetFileNameWithoutExtension(still), Path.GetFileNameWithoutExtension(moves["phone/IMG_0002.JPG"]));
        await using var db = _library.OpenCatalog();
        var photos = await db.Files.Where(f => moves.Values.Contains(f.Path)).ToDictionaryAsync(f => f.Path, f => f.PhotoId);
        Assert.Equal(photos[still], photos[moves["phone/IMG_3589 (1).mov"]]);
        Assert.Equal(3, photos.Values.Distinct().Count());
    }

    [Fact]
    public async Task NamedPipesAndEmptyFiles_AreLeftUnopened_AndTheRestIsImported()
    {
        Put(TestPhotos.GpsJpeg, "a.jpg");
        Directory.CreateDirectory(ImportFolder);
        await File.WriteAllBytesAsync(Path.Combine(ImportFolder, "empty-1.jpg"), []);
        await File.WriteAllBytesAsync(Path.Combine(ImportFolder, "empty-2.jpg"), []);
        // Reading a pipe waits for a writer that never comes: the import must not open it.
        using (var mkfifo = Process.Start("mkfifo", [Path.Combine(ImportFolder, "pipe.jpg")]))
        {
            await mkfifo.WaitForExitAsync();
            Assert.Equal(0, mkfifo.ExitCode);
        }

        var result = await ImportAsync().WaitAsync(TimeSpan.FromMinutes(2));

        Assert.Equal(1, result.Imported);
        Assert.Empty(result.AlreadyInLibrary); // two empty files are not copies of each other's content
        Assert.Equal(["empty-1.jpg", "empty-2.jpg", "pipe.jpg"], result.Problems.Select(p => p.Path).Order());
        Assert.All(result.Problems, p => Assert.Equal("empty file (0 bytes); left in the import folder", p.Reason));
    }

    [Fact]
    public async Task Copy_LeavesTheImportFolderAlone_AndNameCollisionsNeverOverwrite()
    {
        Put(TestPhotos.GpsJpeg, "a.jpg");
        var first = await ImportAsync(copy: true);
        var placed = first.Moves.Single().To;
        Assert.True(File.Exists(Path.Combine(ImportFolder, "a.jpg")));

        // A different file that maps to the same name (same date, same first 8 hex by construction) must not replace it.
        var target = _library.OriginalPath(placed);
        var occupant = await File.ReadAllBytesAsync(target);
        File.Move(target, target + ".keep");
        await File.WriteAllBytesAsync(target, [1, 2, 3]);
        await using (var db = _library.OpenCatalog())
        {
            await db.Files.Where(f => f.Path == placed).ExecuteUpdateAsync(s => s.SetProperty(f => f.Missing, true));
        }

        var second = await ImportAsync(copy: true);
        Assert.Equal(Regex.Replace(placed, @"\.jpg$", "_1.jpg"), second.Moves.Single().To);
        Assert.Equal([1, 2, 3], await File.ReadAllBytesAsync(target));
        Assert.Equal(occupant, await File.ReadAllBytesAsync(_library.OriginalPath(second.Moves.Single().To)));
    }
}
