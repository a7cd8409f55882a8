using System.Globalization;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Pixhaven.Core.Media.Thumbnails;
using Pixhaven.Core.Model;
using Pixhaven.Tests.Infrastructure;

namespace Pixhaven.Tests.Indexing;

/// <summary>The whole real corpus through the real pipeline into a real SQLite catalog, checked against exiftool.</summary>
[Collection(CorpusGroup.Name)]
public class CorpusIndexTests(CorpusFixture corpus)
{
    private static readonly HashSet<string> StillImageMimeTypes =
        ["image/jpeg", "image/png", "image/gif", "image/webp", "image/tiff", "image/heic", "image/heif", "image/avif"];

    /// <summary>Still images of the supported formats that Pixhaven does not index, and why. Each is a real limit, not a tolerance.</summary>
    private static readonly Dictionary<string, string> NotIndexable = [];

    /// <summary>Fields where Pixhaven deliberately or knowingly differs from exiftool, and why.</summary>
    private static readonly Dictionary<(string File, string Field), string> KnownDisagreements = new()
    {
        [("jpeg/Samsung_GT-I9000_Galaxy_S.jpg", "gps")] = "the file records 0,0, the placeholder of an unset receiver; Pixhaven treats it as no position",
        [("dates/iphone15pro_subsec_timezone.heic", "size")] = "the primary image is 4032x3024 with irot 270 degrees, so it shows 3024x4032 (as EXIF orientation 6 says); exiftool rotated by a later item's irot 0 (the gain map's)",
        [("jpeg/Nikon_D5000.jpg", "gps")] = "the EXIF latitude's seconds are 0/0, so exiftool drops the position; degrees and minutes (and the XMP copy, 48,53.323582N) are valid and Pixhaven keeps them",
    };

    private static IEnumerable<string> SupportedStillImages() => TestPhotos.Expected
        .Where(e => !e.Key.StartsWith("broken/", StringComparison.Ordinal) && StillImageMimeTypes.Contains(e.Value.Text("MIMEType") ?? ""))
        .Select(e => e.Key);

    [Fact]
    public async Task EveryStillImageOfTheSupportedFormats_IsIndexedWithThumbnails()
    {
        await using var db = corpus.Library.OpenCatalog();
        var files = await db.Files.Include(f => f.Photo).ToDictionaryAsync(f => f.Path);
        var store = new ThumbnailStore(corpus.Library.Options.Values.ThumbnailCachePath);
        var notIndexed = new List<string>();
        foreach (var path in SupportedStillImages().Where(p => !NotIndexable.ContainsKey(p)))
        {
            var file = files[path];
            if (file.Status is not (FileStatus.Indexed or FileStatus.Partial) || file.Photo is null || file.ThumbnailsAt is null || !store.HasAll(file.Hash!))
            {
                notIndexed.Add($"{path}: {file.Status} {file.Error}");
            }
        }

        Assert.Empty(notIndexed);
        Assert.True(SupportedStillImages().Count() > 80, "the corpus should hold the full set of still images");
        foreach (var (path, reason) in NotIndexable)
        {
            Assert.Equal(FileStatus.Failed, files[path].Status);
            Assert.False(string.IsNullOrEmpty(files[path].Error), reason);
        }
    }

    [Fact]
    public async Task Metadata_AgreesWithExiftool_ForTakenAtCameraGpsAndOrientedSize()
    {
        await using var db = corpus.Library.OpenCatalog();
        var photos = await db.Files.Include(f => f.Photo).Where(f => f.Photo != null && f.Primary).ToDictionaryAsync(f => f.Path, f => f.Photo!);
        var disagreements = new List<string>();
        void Check(string file, string field, bool agrees, string detail)
        {
            if (!agrees && !KnownDisagreements.ContainsKey((file, field)))
            {
                disagreements.Add($"{file} {field}: {detail}");
            }
            else if (agrees && KnownDisagreements.ContainsKey((file, field)))
            {
                disagreements.Add($"{file} {field}: now agrees; remove it from the known disagreements");
            }
        }

        var compared = 0;
        foreach (var path in SupportedStillImages().Where(photos.ContainsKey))
        {
            var expected = TestPhotos.Expected[path];
            var photo = photos[path];
            compared++;

            if ((expected.Text("SubSecDateTimeOriginal") ?? expected.Text("DateTimeOriginal")) is { } date)
            {
                // exiftool's value without sub-seconds is compared to the second: another field may add them.
                var local = ParseExiftoolLocal(date);
                var ours = local.Ticks % TimeSpan.TicksPerSecond == 0 ? photo.TakenAt.AddTicks(-(photo.TakenAt.Ticks % TimeSpan.TicksPerSecond)) : photo.TakenAt;
                Check(path, "takenAt", photo.TakenAtSource >= MetadataSource.Embedded && Math.Abs((ours - local).TotalMilliseconds) < 1,
                    $"{photo.TakenAt:O} vs {date}");
            }

            if (expected.Text("OffsetTimeOriginal") is { } offset)
            {
                Check(path, "takenAtOffset", photo.TakenAtOffsetMinutes == (int)TimeSpan.Parse(offset.TrimStart('+'), CultureInfo.InvariantCulture).TotalMinutes,
                    $"{photo.TakenAtOffsetMinutes} vs {offset}");
            }

            if (expected.Text("Make") is { } make)
            {
                Check(path, "make", photo.CameraMake == make.Trim(), $"'{photo.CameraMake}' vs '{make}'");
            }

            if (expected.Text("Model") is { } model)
            {
                Check(path, "model", photo.CameraModel == model.Trim(), $"'{photo.CameraModel}' vs '{model}'");
            }

            var lat = expected.Number("GPSLatitude");
            var lng = expected.Number("GPSLongitude");
            Check(path, "gps", lat is null
                    ? photo.Latitude is null
                    : photo.Latitude is { } la && photo.Longitude is { } lo && Math.Abs(la - lat.Value) < 1e-5 && Math.Abs(lo - lng!.Value) < 1e-5,
                $"{photo.Latitude},{photo.Longitude} vs {lat},{lng}");

            Check(path, "size", photo.Width == (int?)expected.Number("OrientedWidth") && photo.Height == (int?)expected.Number("OrientedHeight"),
                $"{photo.Width}x{photo.Height} vs {expected.Number("OrientedWidth")}x{expected.Number("OrientedHeight")}");
        }

        Assert.True(disagreements.Count == 0, string.Join("\n", disagreements));
        Assert.True(compared > 80, $"only {compared} photos were compared");
    }

    [Theory]
    [InlineData("video/Apple_iPhone_6_with-gps.mov")]
    [InlineData("video/Panasonic_P1000244.MOV")]
    [InlineData("video/with-gps.mp4")]
    [InlineData("livephoto/IMG_3589.mov")]
    public async Task Videos_AreIndexedWithAFrameThumbnail_AndAgreeWithExiftool(string path)
    {
        await using var db = corpus.Library.OpenCatalog();
        var file = await db.Files.Include(f => f.Photo).SingleAsync(f => f.Path == path);
        var expected = TestPhotos.Expected[path];
        Assert.Equal(FileStatus.Indexed, file.Status);
        Assert.Equal(MediaType.Video, file.Type);
        Assert.True(new ThumbnailStore(corpus.Library.Options.Values.ThumbnailCachePath).HasAll(file.Hash!));
        Assert.Equal(expected.Number("Duration")!.Value, file.Duration!.Value, 0.1);
        Assert.Equal(((int?)expected.Number("OrientedWidth"), (int?)expected.Number("OrientedHeight")), (file.Width, file.Height));
        if (file.Photo!.Type == MediaType.Live)
        {
            return; // stacked with its still, whose time and place the photo shows
        }

        // QuickTime keeps UTC (CreateDate); Apple's CreationDate adds the local time and offset, which wins.
        Assert.Equal(MediaType.Video, file.Photo.Type);
        var taken = expected.Text("CreationDate") ?? expected.Text("CreateDate")!;
        Assert.Equal(ParseExiftoolLocal(taken), file.Photo.TakenAt);
        if (expected.Number("GPSLatitude") is { } lat)
        {
            Assert.Equal(lat, file.Photo.Latitude!.Value, 5);
            Assert.Equal(expected.Number("GPSLongitude")!.Value, file.Photo.Longitude!.Value, 5);
        }
    }

    [Fact]
    public async Task EveryRaw_HasAViewablePreviewOrARecordedReason_AndKeepsItsMetadata()
    {
        await using var db = corpus.Library.OpenCatalog();
        var raws = await db.Files.Include(f => f.Photo).Where(f => f.Path.StartsWith("raw/")).ToListAsync();
        Assert.Equal(TestPhotos.Expected.Keys.Count(k => k.StartsWith("raw/", StringComparison.Ordinal)), raws.Count);
        var store = new ThumbnailStore(corpus.Library.Options.Values.ThumbnailCachePath);
        foreach (var raw in raws)
        {
            Assert.Equal(MediaType.Raw, raw.Type);
            Assert.NotNull(raw.Photo);
            var viewable = raw.Photo.ThumbnailHash is not null && store.HasAll(raw.Photo.ThumbnailHash);
            Assert.True(viewable || (raw.Status == FileStatus.Partial && !string.IsNullOrEmpty(raw.Error)), $"{raw.Path}: no preview and no reason");
        }

        // Complete camera files render; the stripped ones say why they cannot.
        Assert.All(new[] { "raw/Canon_PowerShot_S40_CRW_0113.CRW", "raw/Kodak_DC50_DC0010S.KDC" },
            path => Assert.NotNull(raws.Single(r => r.Path == path).Photo!.ThumbnailHash));
        Assert.Contains("no embedded preview", raws.Single(r => r.Path == "raw/exiftool_Canon_350D.cr2").Error, StringComparison.Ordinal);
        // An overexposed frame: its camera's preview is all white, which is said rather than passed off as no preview.
        Assert.StartsWith("RAW (dng) has only a blank embedded preview (640x424), and ", raws.Single(r => r.Path == "raw/Nikon_Z9_HE_cropped.dng").Error);
        // LibRaw's answers, said for a user: a stripped file is not a failing disk.
        Assert.EndsWith("dcraw_emu found the RAW's image data cut short or damaged (LibRaw: Input/output error)", raws.Single(r => r.Path == "raw/Sony_ILCE-7M3.ARW").Error);
        Assert.EndsWith("dcraw_emu (LibRaw) does not read this RAW format", raws.Single(r => r.Path == "raw/GoPro_HERO7_GOPR8513.GPR").Error);
        Assert.Equal("NIKON D70", raws.Single(r => r.Path == "raw/exiftool_Nikon_D70.nef").Photo!.CameraModel);
    }

    [Fact]
    public async Task Pngs_AreDatedByTheirCreationTime_ElseEstimatedByTheirOwnTimeOfChange()
    {
        // The copies' file times are today's; the PNGs' own records are years older (exiftool: PNG:CreationTime, and
        // tIME as PNG:ModifyDate).
        await using var db = corpus.Library.OpenCatalog();
        var plot = (await db.Files.Include(f => f.Photo).SingleAsync(f => f.Path == "png/density_plot.png")).Photo!;
        Assert.Equal((new DateTime(2007, 2, 13, 6, 34, 38), MetadataSource.Embedded), (plot.TakenAt, plot.TakenAtSource));
        var changed = (await db.Files.Include(f => f.Photo).SingleAsync(f => f.Path == "png/sampleWithExifData.png")).Photo!;
        Assert.Equal((new DateTime(2020, 5, 20, 19, 37, 26), 0, MetadataSource.Auto), (changed.TakenAt, changed.TakenAtOffsetMinutes, changed.TakenAtSource));
    }

    [Fact]
    public async Task LivePhoto_StillAndVideo_AreOnePhoto_WithTheStillShown()
    {
        await using var db = corpus.Library.OpenCatalog();
        var still = await db.Files.Include(f => f.Photo).SingleAsync(f => f.Path == "livephoto/IMG_3589.HEIC");
        var video = await db.Files.SingleAsync(f => f.Path == "livephoto/IMG_3589.mov");
        Assert.Equal(still.PhotoId, video.PhotoId);
        Assert.Equal(MediaType.Live, still.Photo!.Type);
        Assert.True(still.Primary);
        Assert.False(video.Primary);
        Assert.Equal("1EA799FF-8384-4BC4-87AA-139A814D9125", still.ContentIdentifier);
        Assert.Equal(still.ContentIdentifier, video.ContentIdentifier);
        Assert.Equal(still.Hash, still.Photo.ThumbnailHash);
        Assert.Equal(2.94, still.Photo.Duration!.Value, 0.01);
    }

    [Fact]
    public async Task XmpSidecar_JoinsItsPhoto_AndOutranksEmbeddedMetadata()
    {
        await using var db = corpus.Library.OpenCatalog();
        var image = await db.Files.Include(f => f.Photo).SingleAsync(f => f.Path == "sidecar/IMG_5910.jpg");
        var sidecar = await db.Files.SingleAsync(f => f.Path == "sidecar/IMG_5910.xmp");
        Assert.Equal(image.PhotoId, sidecar.PhotoId);
        Assert.Equal(MediaType.Sidecar, sidecar.Type);
        Assert.False(sidecar.Primary);
        var photo = image.Photo!;
        Assert.Equal("Squirrel at berkely", photo.Title);
        Assert.Equal(MetadataSource.Sidecar, photo.TitleSource);
        Assert.Equal(3, photo.Rating);
        Assert.Contains("Alvin the Squirrel", photo.Keywords, StringComparison.Ordinal);

        // Standalone sidecars are catalogued, belong to no photo, and are no problem.
        var standalone = await db.Files.SingleAsync(f => f.Path == "sidecar/immich-2010.xmp");
        Assert.Null(standalone.PhotoId);
        Assert.Equal(FileStatus.Indexed, standalone.Status);
    }

    [Fact]
    public async Task BrokenFiles_AreReportedWithReasons_AndNeverStopTheRun()
    {
        // What each damaged or misleading file must become: its status, and a word its reason must contain.
        var expectations = new Dictionary<string, (FileStatus[] Status, string? Reason)>
        {
            ["broken/zero_bytes.jpg"] = ([FileStatus.Skipped], "empty"),
            ["broken/text_file.jpg"] = ([FileStatus.Skipped], "not a photo"),
            ["broken/truncated_camera.jpg"] = ([FileStatus.Partial], "damaged"),
            ["broken/libvips_truncated.jpg"] = ([FileStatus.Partial], "damaged"),
            // libpng only warns about the chunk whose size is out of range; the warning is the reason.
            ["broken/corrupt.png"] = ([FileStatus.Failed], "cannot be decoded: the image data is invalid (PNG unsigned integer out of range)"),
            ["broken/heif_bad_iinf.heif"] = ([FileStatus.Failed], "cannot be decoded"),
            ["broken/truncated_moov.mov"] = ([FileStatus.Failed], "cannot read the video"),
            // Readable pictures with damaged metadata or a wrong name: bad metadata must not cost the photo.
            ["broken/jpeg_named.nef"] = ([FileStatus.Indexed], null),
            ["broken/exifr_broken1.jpg"] = ([FileStatus.Indexed, FileStatus.Partial], null),
            ["broken/invalid_ifd_offset.jpg"] = ([FileStatus.Indexed, FileStatus.Partial], null),
            ["broken/recursive_ifd.jpg"] = ([FileStatus.Indexed, FileStatus.Partial], null),
            ["broken/recoverable_bad_rst_marker.jpg"] = ([FileStatus.Indexed, FileStatus.Partial], null),
            ["broken/gif_invalid_xmp.gif"] = ([FileStatus.Indexed, FileStatus.Partial], null),
        };
        Assert.Equal(TestPhotos.Expected.Keys.Count(k => k.StartsWith("broken/", StringComparison.Ordinal)), expectations.Count);

        await using var db = corpus.Library.OpenCatalog();
        var files = await db.Files.ToDictionaryAsync(f => f.Path);
        foreach (var (path, (statuses, reason)) in expectations)
        {
            var file = files[path];
            Assert.True(statuses.Contains(file.Status), $"{path} is {file.Status} ({file.Error})");
            if (reason is not null)
            {
                Assert.Contains(reason, file.Error ?? "", StringComparison.OrdinalIgnoreCase);
            }
        }

        Assert.Equal("jpeg", files["broken/jpeg_named.nef"].Format);
        Assert.Equal("ffprobe cannot read the video: Invalid data found when processing input", files["broken/truncated_moov.mov"].Error);
        // A reason names no folder of the machine: the problem list gives the file's path in the library already.
        Assert.All(files.Values, f => Assert.DoesNotContain(corpus.Library.Root, f.Error ?? "", StringComparison.Ordinal));
        Assert.Contains(corpus.FirstRun.Problems, p => p.Path == "broken/corrupt.png" && p.Status == FileStatus.Failed);
        Assert.Contains(corpus.FirstRun.Problems, p => p.Path == "broken/zero_bytes.jpg" && p.Reason.Contains("empty", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Originals_AreByteIdenticalAfterIndexing()
    {
        var checkedFiles = 0;
        foreach (var (path, expected) in TestPhotos.Expected)
        {
            var original = corpus.Library.OriginalPath(path);
            await using var stream = File.OpenRead(original);
            var sha256 = Convert.ToHexStringLower(await SHA256.HashDataAsync(stream));
            Assert.True(expected.Text("SHA256") == sha256, $"{path} changed");
            checkedFiles++;
        }

        Assert.Equal(TestPhotos.Expected.Count, checkedFiles);
        Assert.False(Directory.EnumerateFileSystemEntries(corpus.Library.Originals, "*", SearchOption.AllDirectories)
            .Any(e => e.EndsWith(".tmp", StringComparison.Ordinal) || e.EndsWith(".xmp.new", StringComparison.Ordinal)), "nothing is written beside originals");
    }

    [Fact]
    public async Task Summary_CountsEveryFileOnce_AndNoStageIsLeftToDo()
    {
        var run = corpus.FirstRun;
        Assert.Equal(TestPhotos.Expected.Count, run.Found);
        Assert.Equal(run.Found, run.Indexed + run.Skipped + run.Failed);
        Assert.True(run.Indexed > 90);

        await using var db = corpus.Library.OpenCatalog();
        var leftToDo = await db.Files.CountAsync(f => (f.Status == FileStatus.Indexed || f.Status == FileStatus.Partial)
                                                      && (f.MetadataAt == null || f.ThumbnailsAt == null));
        Assert.Equal(0, leftToDo);
        Assert.Equal(run.Skipped + run.Failed, await db.Files.CountAsync(f => f.Status == FileStatus.Skipped || f.Status == FileStatus.Failed));
    }

    private static DateTime ParseExiftoolLocal(string value)
    {
        // "2008:03:15 07:44:21.49" or "2022:07:22 21:26:32.092+08:00": the local part, offset dropped.
        var local = value.Length > 19 && (value[^6] == '+' || value[^6] == '-') ? value[..^6] : value.TrimEnd('Z');
        return DateTime.ParseExact(local, ["yyyy:MM:dd HH:mm:ss", "yyyy:MM:dd HH:mm:ss.FFFFFFF"], CultureInfo.InvariantCulture, DateTimeStyles.None);
    }
}
