using Microsoft.EntityFrameworkCore;
using Pixhaven.Core.Model;
using Pixhaven.Core.Tests.Media;
using Pixhaven.Tests.Infrastructure;

namespace Pixhaven.Tests.Indexing;

/// <summary>
/// What cameras write into or beside their videos that the containers do not say: a compact's thumbnail, a GoPro's GPS,
/// timecode and firmware, Canon's EXIF, Nikon's records, older compacts' boxes and AVI EXIF, an SD camcorder's .MOI,
/// Sony's clip metadata, a drone's proxy and flight record.
/// </summary>
public sealed class CameraVideoTests(CameraVideoTests.Clips clips) : IClassFixture<CameraVideoTests.Clips>
{
    private TestLibrary Library => clips.Library;

    /// <summary>Each camera's clips, made once by ffmpeg with what the camera adds, and indexed.</summary>
    public sealed class Clips : IAsyncLifetime
    {
        public TestLibrary Library { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            Library = await TestLibrary.CreateAsync([], new Dictionary<string, string> { ["default-time-zone"] = "America/New_York" });
            string Original(string name) => Library.OriginalPath(name);

            // Every name differs: files of one base name in a folder are one photo, a stack.
            const string july = "creation_time=2021-07-14T10:00:00Z";
            // A Fujifilm compact's AVI, with EXIF in the video stream's data: its camera and its local time.
            await AviClips.MakeWithStreamDataAsync(Original("DSCF0002.AVI"), AviClips.FujifilmExif("FUJIFILM", "FinePix F31fd", "2008:06:01 14:22:05"));

            // The small JPEG a Canon compact writes beside its video, which has no date of its own; a GoPro's.
            Directory.CreateDirectory(Original("canon"));
            Directory.CreateDirectory(Original("gopro"));
            await VideoClips.MakeAsync(Original("canon/MVI_0108.AVI"), "-c:v", "mjpeg");
            File.Copy(TestPhotos.PathOf("jpeg/Canon_PowerShot_S40_IMG_0108.JPG"), Original("canon/MVI_0108.THM"));
            await VideoClips.MakeAsync(Original("gopro/GX010042.MP4"), "-c:v", "libx264", "-metadata", july, "-metadata", "comment=GoPro");
            File.Copy(TestPhotos.PathOf("jpeg/Canon_EOS_7D.jpg"), Original("gopro/GX010042.THM"));
            await VideoClips.MakeAsync(Original("gopro/GL010042.LRV"), "-c:v", "libx264", "-s", "160x120", "-f", "mp4", "-metadata", "comment=GoPro proxy");

            // GoPros: one whose GPS had a fix (its clock on local time, 2 s fast); a HERO5 set to a time zone, which writes
            // UTC and its local clock in the timecode track, and is named only by its firmware; a HERO2, which has no
            // telemetry and a firmware not listed, with its local clock in both.
            byte[] fix = Pixhaven.Core.Tests.Media.GoProPayloads.Hero7("HERO7 Black", 3, "210714100005.000", 150, (48.8584, 2.2945, 35));
            byte[] noFix = Pixhaven.Core.Tests.Media.GoProPayloads.Hero7("Camera", 0, "240407071954.000", 9999);
            await VideoClips.MakeGoProAsync(Original("gopro/GX010043.MP4"), "2021-07-14T12:00:07Z", "12:00:07:00", fix);
            await VideoClips.MakeGoProAsync(Original("gopro/GX010044.MP4"), "2024-04-07T07:19:54Z", "08:19:54:00", noFix, "HD5.02.02.60.00");
            await VideoClips.MakeGoProAsync(Original("gopro/GX010045.MP4"), "2021-07-14T10:00:00Z", "10:00:00:00", null, "HD2.08.12.198.47.00");

            // A Canon camera's clip: its local clock where the MP4 wants UTC, and the camera's EXIF inside, with its zone.
            Directory.CreateDirectory(Original("eos"));
            await VideoClips.MakeAsync(Original("eos/MVI_2001.MP4"), "-c:v", "libx264", "-metadata", "creation_time=2018-02-21T12:08:56Z");
            VideoClips.AppendToMovie(Original("eos/MVI_2001.MP4"), VideoClips.CanonMovieExif("+01:00"));
            // One of the MOVs Canon's cameras wrote before, which name the model in the movie's user data only.
            await VideoClips.MakeAsync(Original("eos/MVI_0001.MOV"), "-c:v", "libx264", "-metadata", july);
            VideoClips.AppendToUserData(Original("eos/MVI_0001.MOV"), IsoBoxWriter.Box("CNCV", "CanonAVC0002"u8.ToArray()), IsoBoxWriter.Box("CNMN", [.. "Canon EOS 550D"u8, 0]));
            // Nikon's MOVs, which name make, model and lens in tagged records of its own in the user data, with the local
            // time, the zone set in the camera (+01:00 and daylight saving time) and the position; the container holds the
            // same local clock, as if it were UTC. The second camera had no zone set, the third no GPS.
            Directory.CreateDirectory(Original("nikon"));
            (uint, ushort, byte[])[] paris = [
                (0x01200001, 2, NikonRecords.Ascii("N")), (0x01200002, 5, NikonRecords.Degrees(48, 51, 30.24)),
                (0x01200003, 2, NikonRecords.Ascii("E")), (0x01200004, 5, NikonRecords.Degrees(2, 17, 40.2))];
            (uint, ushort, byte[])[] summerTimeInParis = [(0x02000024, 7, [0, 60, 1, 0])];
            foreach (var (name, zone, position) in new[] { ("DSC_0001", true, true), ("DSC_0002", false, true), ("DSC_0003", false, false) })
            {
                await VideoClips.MakeAsync(Original($"nikon/{name}.MOV"), "-c:v", "libx264", "-metadata", "creation_time=2021-07-14T12:00:03Z");
                VideoClips.AppendToUserData(Original($"nikon/{name}.MOV"), IsoBoxWriter.Box("NCDT",
                    IsoBoxWriter.Box("NCHD", "0100"u8.ToArray()),
                    IsoBoxWriter.Box("NCTG", NikonRecords.Of([
                        (0x01, 2, NikonRecords.Ascii("NIKON")), (0x02, 2, NikonRecords.Ascii("NIKON D5300")), (0x13, 4, [0, 0, 1, 211, 0, 0, 0, 0]),
                        (0x12, 2, NikonRecords.Ascii("2021:07:14 12:00:03")), .. zone ? summerTimeInParis : [],
                        .. position ? paris : [], (0x0110A434, 2, NikonRecords.Ascii("18.0-55.0 mm f/3.5-5.6"))]))));
            }

            // An SD camcorder's clip: an MPEG stream without a date, and the .MOI beside it with the recording time.
            Directory.CreateDirectory(Original("SD_VIDEO/PRG001"));
            await VideoClips.MakeAsync(Original("SD_VIDEO/PRG001/MOV001.MOD"), "-c:v", "mpeg2video", "-f", "mpeg");
            await File.WriteAllBytesAsync(Original("SD_VIDEO/PRG001/MOV001.MOI"), MoiFiles.Of(2008, 8, 15, 19, 42, 30_500, 2000));

            // Compact cameras' MOVs of about 2008, which start a box of their own with the maker's name: Fujifilm's model
            // follows at a fixed place; Olympus's is a code of its own, so only the make is taken.
            Directory.CreateDirectory(Original("compacts"));
            foreach (var (name, maker, model) in new[] { ("DSCF0001", "FUJIFILM DIGITAL CAMERA", "FinePix F31fd"), ("P1010001", "OLYMPUS DIGITAL CAMERA", "D4301") })
            {
                await VideoClips.MakeAsync(Original($"compacts/{name}.MOV"), "-c:v", "libx264", "-metadata", july);
                var tags = new byte[0x60];
                System.Text.Encoding.ASCII.GetBytes(maker).CopyTo(tags, 0);
                System.Text.Encoding.ASCII.GetBytes(model).CopyTo(tags, 0x18);
                VideoClips.AppendToUserData(Original($"compacts/{name}.MOV"), IsoBoxWriter.Box("TAGS", tags));
            }

            // A Sony camera's clip and the metadata it writes beside it, with the time zone the MP4 does not keep.
            Directory.CreateDirectory(Original("M4ROOT/CLIP"));
            await VideoClips.MakeAsync(Original("M4ROOT/CLIP/C0001.MP4"), "-c:v", "libx264", "-metadata", "creation_time=2023-10-19T16:13:48Z");
            await File.WriteAllTextAsync(Original("M4ROOT/CLIP/C0001M01.XML"), """
                <?xml version="1.0" encoding="UTF-8"?>
                <NonRealTimeMeta xmlns="urn:schemas-professionalDisc:nonRealTimeMeta:ver.2.00" lastUpdate="2023-10-19T16:13:53+02:00">
                  <Duration value="50"/>
                  <CreationDate value="2023-10-19T16:13:48+02:00"/>
                  <Device manufacturer="Sony" modelName="ILCE-7M4" serialNo="4294967295"/>
                </NonRealTimeMeta>
                """);

            // Another clip of that camera, copied without its sidecar: the MP4 keeps the same document in a box of its own.
            await VideoClips.MakeAsync(Original("M4ROOT/CLIP/C0002.MP4"), "-c:v", "libx264", "-brand", "XAVC", "-metadata", "creation_time=2023-10-19T17:20:00Z");
            await using (var clip = new FileStream(Original("M4ROOT/CLIP/C0002.MP4"), FileMode.Append))
            {
                var xml = System.Text.Encoding.UTF8.GetBytes("""
                    <?xml version="1.0" encoding="UTF-8"?>
                    <NonRealTimeMeta xmlns="urn:schemas-professionalDisc:nonRealTimeMeta:ver.2.00">
                      <CreationDate value="2023-10-19T17:20:00+02:00"/>
                      <Device manufacturer="Sony" modelName="ILCE-7M4"/>
                    </NonRealTimeMeta>
                    """);
                await clip.WriteAsync(IsoBoxWriter.FullBox("meta", IsoBoxWriter.FullBox("hdlr", [.. new byte[4], .. "nrtm"u8, .. new byte[13]]), IsoBoxWriter.FullBox("xml ", xml)));
            }

            // A drone's video and the low-resolution proxy it records beside it for its app.
            Directory.CreateDirectory(Original("drone"));
            await VideoClips.MakeAsync(Original("drone/DJI_0001.MP4"), "-c:v", "libx264", "-metadata", "comment=DJI");
            // Its user data: the make as QuickTime text, the camera's model as bare text, as DJI writes them.
            VideoClips.AppendToUserData(Original("drone/DJI_0001.MP4"),
                IsoBoxWriter.Box("\u00A9mak", [0, 3, 0x55, 0xC4, .. "DJI"u8]), IsoBoxWriter.Box("\u00A9mdl", "FC300X"u8.ToArray()));
            await VideoClips.MakeAsync(Original("drone/DJI_0001.LRF"), "-c:v", "libx264", "-s", "160x120", "-f", "mp4");
            await File.WriteAllTextAsync(Original("drone/DJI_0001.SRT"), Pixhaven.Core.Tests.Media.FlightRecords.Mini.ReplaceLineEndings("\r\n"));
            await Library.IndexAsync();
        }

        public async Task DisposeAsync() => await Library.DisposeAsync();
    }

    [Fact]
    public async Task ACamerasThumbnailOfItsVideo_JoinsTheVideo_AndGivesTheDateAndCameraItsContainerLacks()
    {
        await using var db = Library.OpenCatalog();
        var canon = await db.Files.Include(f => f.Photo).Where(f => f.Path.StartsWith("canon/")).OrderBy(f => f.Path).ToListAsync();
        Assert.Equal(["canon/MVI_0108.AVI", "canon/MVI_0108.THM"], canon.Select(f => f.Path));
        Assert.Single(canon.Select(f => f.PhotoId).Distinct());
        var (video, photo) = (canon[0], canon[0].Photo!);
        Assert.True(video.Primary);
        Assert.Equal(MediaType.Video, photo.Type); // not a Live Photo: the still is the camera's thumbnail of the video
        Assert.Equal(video.ThumbnailKey ?? video.Hash, photo.ThumbnailHash);
        Assert.Equal((320, 240), (photo.Width, photo.Height));
        var thumbnailsDate = TestPhotos.Expected["jpeg/Canon_PowerShot_S40_IMG_0108.JPG"].Text("DateTimeOriginal")!;
        Assert.Equal(DateTime.ParseExact(thumbnailsDate, "yyyy:MM:dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture), photo.TakenAt);
        Assert.Equal((MetadataSource.Embedded, "Canon", "Canon PowerShot S40"), (photo.TakenAtSource, photo.CameraMake, photo.CameraModel));

        // A video with a date of its own keeps it. A GoPro names its proxy with another letter: it joins all the same.
        var gopro = await db.Files.Include(f => f.Photo).Where(f => f.Path.StartsWith("gopro/G") && f.Path.Contains("010042")).OrderBy(f => f.Path).ToListAsync();
        Assert.Equal(["gopro/GL010042.LRV", "gopro/GX010042.MP4", "gopro/GX010042.THM"], gopro.Select(f => f.Path));
        Assert.Single(gopro.Select(f => f.PhotoId).Distinct());
        Assert.Equal([false, true, false], gopro.Select(f => f.Primary));
        Assert.Equal((MediaType.Video, new DateTime(2021, 7, 14, 10, 0, 0)), (gopro[1].Photo!.Type, gopro[1].Photo!.TakenAt));
        Assert.Equal((320, 240), (gopro[1].Photo!.Width, gopro[1].Photo!.Height));
    }

    [Theory]
    [InlineData("gopro/GX010043.MP4", "2021-07-14T12:00:05", 120, 48.8584, 2.2945, "HERO7 Black")] // by the GPS clock, in Paris
    [InlineData("gopro/GX010044.MP4", "2024-04-07T08:19:54", 60, null, null, "HERO5 Black")] // UTC, an hour behind its timecode
    [InlineData("gopro/GX010045.MP4", "2021-07-14T10:00:00", -240, null, null, null)] // its local clock, in the default zone
    public async Task AGoPro_IsPlacedByItsGps_DatedByTheGpsClockOrItsTimecode_AndNamedByItselfOrItsFirmware(string path, string takenAt, int offsetMinutes, double? lat, double? lng, string? model)
    {
        await using var db = Library.OpenCatalog();
        var file = await db.Files.Include(f => f.Photo).SingleAsync(f => f.Path == path);
        Assert.Equal((FileStatus.Indexed, MediaType.Video, null), (file.Status, file.Type, file.Error));
        var photo = file.Photo!;
        var local = DateTime.Parse(takenAt, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal((local, offsetMinutes, MetadataSource.Embedded), (photo.TakenAt, photo.TakenAtOffsetMinutes, photo.TakenAtSource));
        Assert.Equal(local.AddMinutes(-offsetMinutes), photo.TakenAtUtc);
        Assert.Equal((lat, lng, lat is null ? null : "FR"), (photo.Latitude, photo.Longitude, photo.CountryCode));
        Assert.Equal(("GoPro", model), (photo.CameraMake, photo.CameraModel));
    }

    [Fact]
    public async Task ADronesProxyAndFlightRecord_JoinItsVideo_WhichIsShownAndPlayed_WhereAndWhenTheRecordSays()
    {
        await using var db = Library.OpenCatalog();
        var files = await db.Files.Include(f => f.Photo).Where(f => f.Path.StartsWith("drone/")).OrderBy(f => f.Path).ToListAsync();
        Assert.Equal(["drone/DJI_0001.LRF", "drone/DJI_0001.MP4", "drone/DJI_0001.SRT"], files.Select(f => f.Path));
        Assert.Equal((MediaType.Sidecar, "srt", FileStatus.Indexed), (files[2].Type, files[2].Format, files[2].Status));
        Assert.Single(files.Select(f => f.PhotoId).Distinct());
        Assert.Equal([false, true, false], files.Select(f => f.Primary));
        var photo = files[1].Photo!;
        Assert.Equal((MediaType.Video, 320, 240), (photo.Type, photo.Width, photo.Height));

        // The MP4 has neither a date nor a position; the record has both, the time on the aircraft's local clock.
        Assert.Equal((48.8584, 2.2945, MetadataSource.Sidecar, "FR"), (photo.Latitude, photo.Longitude, photo.LocationSource, photo.CountryCode));
        Assert.Equal((new DateTime(2021, 7, 14, 12, 0, 0, 164), 120, MetadataSource.Sidecar), (photo.TakenAt, photo.TakenAtOffsetMinutes, photo.TakenAtSource));
        Assert.Equal(new DateTime(2021, 7, 14, 10, 0, 0, 164), photo.TakenAtUtc);
        Assert.Equal(("DJI", "FC300X"), (photo.CameraMake, photo.CameraModel));
    }

    [Fact]
    public async Task ACanonClip_TakesItsCameraLensAndTimeZone_FromTheExifInside_AnOlderOneItsModel()
    {
        await using var db = Library.OpenCatalog();
        var file = await db.Files.Include(f => f.Photo).SingleAsync(f => f.Path == "eos/MVI_2001.MP4");
        Assert.Equal((FileStatus.Indexed, MediaType.Video, null), (file.Status, file.Type, file.Error));
        var photo = file.Photo!;
        Assert.Equal((new DateTime(2018, 2, 21, 12, 8, 56, 210), 60, MetadataSource.Embedded), (photo.TakenAt, photo.TakenAtOffsetMinutes, photo.TakenAtSource));
        Assert.Equal(new DateTime(2018, 2, 21, 11, 8, 56, 210), photo.TakenAtUtc);
        Assert.Equal(("Canon", "Canon EOS M50", "EF-M15-45mm f/3.5-6.3 IS STM"), (photo.CameraMake, photo.CameraModel, photo.Lens));

        // An older Canon MOV: the model from the movie's user data; the time, without a zone, as the container has it.
        var mov = (await db.Files.Include(f => f.Photo).SingleAsync(f => f.Path == "eos/MVI_0001.MOV")).Photo!;
        Assert.Equal(("Canon", "Canon EOS 550D", null), (mov.CameraMake, mov.CameraModel, mov.Lens));
        Assert.Equal((new DateTime(2021, 7, 14, 10, 0, 0), -240), (mov.TakenAt, mov.TakenAtOffsetMinutes));
    }

    [Fact]
    public async Task ANikonClip_TakesItsCameraLensLocalTimeZoneAndPlace_FromItsOwnRecords()
    {
        await using var db = Library.OpenCatalog();
        var file = await db.Files.Include(f => f.Photo).SingleAsync(f => f.Path == "nikon/DSC_0001.MOV");
        Assert.Equal((FileStatus.Indexed, MediaType.Video, null), (file.Status, file.Type, file.Error));
        var photo = file.Photo!;
        Assert.Equal(("NIKON", "NIKON D5300", "18.0-55.0 mm f/3.5-5.6"), (photo.CameraMake, photo.CameraModel, photo.Lens));
        Assert.Equal((new DateTime(2021, 7, 14, 12, 0, 3), 120, MetadataSource.Embedded), (photo.TakenAt, photo.TakenAtOffsetMinutes, photo.TakenAtSource));
        Assert.Equal(new DateTime(2021, 7, 14, 10, 0, 3), photo.TakenAtUtc);
        Assert.Equal((48.8584, 2.2945, "FR"), (Math.Round(photo.Latitude!.Value, 4), Math.Round(photo.Longitude!.Value, 4), photo.CountryCode));
    }

    [Fact]
    public async Task AnSdCamcordersClip_IsDatedByTheMoiFileBesideIt()
    {
        await using var db = Library.OpenCatalog();
        var files = await db.Files.Include(f => f.Photo).Where(f => f.Path.StartsWith("SD_VIDEO/")).OrderBy(f => f.Path).ToListAsync();
        Assert.Equal([("SD_VIDEO/PRG001/MOV001.MOD", MediaType.Video), ("SD_VIDEO/PRG001/MOV001.MOI", MediaType.Sidecar)], files.Select(f => (f.Path, f.Type)));
        Assert.Equal((FileStatus.Indexed, FileStatus.Indexed, (string?)null), (files[0].Status, files[1].Status, files[1].Error));
        Assert.Single(files.Select(f => f.PhotoId).Distinct());
        var photo = files[0].Photo!;
        // The camcorder's clock, read in the default zone (New York, summer time).
        Assert.Equal((new DateTime(2008, 8, 15, 19, 42, 30, 500), -240, MetadataSource.Sidecar), (photo.TakenAt, photo.TakenAtOffsetMinutes, photo.TakenAtSource));
    }

    [Fact]
    public async Task ACompactCamerasAvi_TakesItsCameraAndLocalTime_FromTheExifInItsStreamData()
    {
        await using var db = Library.OpenCatalog();
        var file = await db.Files.Include(f => f.Photo).SingleAsync(f => f.Path == "DSCF0002.AVI");
        Assert.Equal((FileStatus.Indexed, MediaType.Video, "mjpeg", null), (file.Status, file.Type, file.Codec, file.Error));
        var photo = file.Photo!;
        Assert.Equal(("FUJIFILM", "FinePix F31fd"), (photo.CameraMake, photo.CameraModel));
        // The camera's clock, read in the default zone (New York, summer time).
        Assert.Equal((new DateTime(2008, 6, 1, 14, 22, 5), -240, MetadataSource.Embedded), (photo.TakenAt, photo.TakenAtOffsetMinutes, photo.TakenAtSource));
    }

    [Fact]
    public async Task ACompactCamerasClip_IsNamedByTheBoxItStartsWithTheMakersName()
    {
        await using var db = Library.OpenCatalog();
        var photos = await db.Files.Include(f => f.Photo).Where(f => f.Path.StartsWith("compacts/")).OrderBy(f => f.Path).Select(f => f.Photo!).ToListAsync();
        Assert.Equal([("FUJIFILM", "FinePix F31fd"), ("OLYMPUS", null)], photos.Select(p => (p.CameraMake, p.CameraModel)));
    }

    [Fact]
    public async Task ANikonClipWithoutAZone_KeepsTheCamerasLocalTime_InTheZoneOfItsPlace_OrTheDefaultZone()
    {
        await using var db = Library.OpenCatalog();
        var photos = await db.Files.Include(f => f.Photo).Where(f => f.Path == "nikon/DSC_0002.MOV" || f.Path == "nikon/DSC_0003.MOV")
            .OrderBy(f => f.Path).Select(f => f.Photo!).ToListAsync();
        // The container's time is the camera's clock, not UTC: 12:00 is the time seen in Paris, and in New York.
        Assert.Equal((new DateTime(2021, 7, 14, 12, 0, 3), 120), (photos[0].TakenAt, photos[0].TakenAtOffsetMinutes));
        Assert.Equal((new DateTime(2021, 7, 14, 12, 0, 3), -240), (photos[1].TakenAt, photos[1].TakenAtOffsetMinutes));
    }

    [Fact]
    public async Task ASonyClipWithoutItsSidecar_TakesItsTimeZoneAndCamera_FromTheDocumentInside()
    {
        await using var db = Library.OpenCatalog();
        var file = await db.Files.Include(f => f.Photo).SingleAsync(f => f.Path == "M4ROOT/CLIP/C0002.MP4");
        Assert.Equal((FileStatus.Indexed, null), (file.Status, file.Error));
        var photo = file.Photo!;
        Assert.Equal((new DateTime(2023, 10, 19, 17, 20, 0), 120, MetadataSource.Embedded), (photo.TakenAt, photo.TakenAtOffsetMinutes, photo.TakenAtSource));
        Assert.Equal(new DateTime(2023, 10, 19, 15, 20, 0), photo.TakenAtUtc);
        Assert.Equal(("SONY", "ILCE-7M4"), (photo.CameraMake, photo.CameraModel));
    }

    [Fact]
    public async Task ASonyClipsMetadata_JoinsItsVideo_AndGivesItsTimeZoneAndCamera()
    {
        await using var db = Library.OpenCatalog();
        var files = await db.Files.Include(f => f.Photo).Where(f => f.Path.StartsWith("M4ROOT/CLIP/C0001")).OrderBy(f => f.Path).ToListAsync();
        Assert.Equal(["M4ROOT/CLIP/C0001.MP4", "M4ROOT/CLIP/C0001M01.XML"], files.Select(f => f.Path));
        Assert.Equal((MediaType.Sidecar, FileStatus.Indexed, null), (files[1].Type, files[1].Status, files[1].Error));
        Assert.Single(files.Select(f => f.PhotoId).Distinct());
        var photo = files[0].Photo!;
        // The camera wrote its local clock into the MP4, as if it were UTC; the clip metadata says which zone it was.
        Assert.Equal((new DateTime(2023, 10, 19, 16, 13, 48), 120, MetadataSource.Sidecar), (photo.TakenAt, photo.TakenAtOffsetMinutes, photo.TakenAtSource));
        Assert.Equal(new DateTime(2023, 10, 19, 14, 13, 48), photo.TakenAtUtc);
        Assert.Equal(("SONY", "ILCE-7M4", MediaType.Video), (photo.CameraMake, photo.CameraModel, photo.Type));
    }
}
