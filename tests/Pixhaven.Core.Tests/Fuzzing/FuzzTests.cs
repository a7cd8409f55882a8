using CsCheck;
using static Pixhaven.Core.Tests.Media.IsoBoxWriter;
using Pixhaven.Core.Media.Detection;
using Pixhaven.Core.Media.Metadata;
using Pixhaven.Core.Media.Previews;
using Pixhaven.Core.Media.Video;
using Pixhaven.Core.Search.Query;

namespace Pixhaven.Core.Tests.Fuzzing;

/// <summary>
/// Property-based fuzzing (CsCheck, with shrinking) of the parsers that read untrusted input: content-type detection,
/// metadata reading and the search query parser. CI runs a short bounded run; the long run is
/// <c>PIXHAVEN_FUZZ_ITERATIONS=200000 dotnet test tests/Pixhaven.Core.Tests --filter Fuzz</c> (see docs/security.md).
/// A failure prints the shrunk input and the seed to replay it; each one found becomes a regression test below.
/// </summary>
public sealed class FuzzTests
{
    private static readonly long Iterations =
        long.TryParse(Environment.GetEnvironmentVariable("PIXHAVEN_FUZZ_ITERATIONS"), out var n) && n > 0 ? n : 1_500;

    /// <summary>Real camera and phone files, good and broken, cut to their first 256 KB: where the metadata lives.</summary>
    private static readonly byte[][] Seeds = LoadSeeds();

    private static readonly EmbeddedMetadataReader Reader = new();

    /// <summary>A seed file with up to 8 mutations: byte flips, magic values, truncation, repeated and inserted chunks.</summary>
    private static readonly Gen<byte[]> MutatedFiles =
        Gen.Select(Gen.Int[0, Seeds.Length - 1], Gen.Select(Gen.Int[0, 4], Gen.Int[0, int.MaxValue], Gen.Byte).Array[0, 8],
            (seed, mutations) => Mutate(Seeds[seed], mutations));

    [Fact]
    public void Detection_OfAnyBytesAndName_NeverThrows()
    {
        Gen.Select(Gen.Frequency((1, Gen.Byte.Array[0, MediaTypeDetector.HeaderLength]), (3, MutatedFiles.Select(Header))), Gen.String[0, 20])
            .Sample((bytes, name) => Assert.NotNull(MediaTypeDetector.Detect(bytes, name)), iter: Iterations * 10);
    }

    [Fact]
    public void MetadataReader_OfMutatedCameraFiles_ReturnsValuesOrWarnings_NeverThrows()
    {
        var folder = Directory.CreateTempSubdirectory("pixhaven-fuzz-").FullName;
        try
        {
            MutatedFiles.Sample(bytes =>
            {
                var path = Path.Combine(folder, $"{Environment.CurrentManagedThreadId}.bin");
                File.WriteAllBytes(path, bytes);
                KeepIfFailing(bytes, ".jpg", () => Assert.NotNull(Reader.Read(path)));
            }, iter: Iterations, threads: 1);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void CiffReader_OfMutatedCanonCrw_ReturnsValuesOrWarnings_NeverThrows()
    {
        // The whole file: CIFF keeps its entry table at the end of each heap.
        var crw = File.ReadAllBytes(Path.Combine(PhotosFolder(), "raw", "Canon_PowerShot_S40_CRW_0113.CRW"));
        Assert.Equal("Canon PowerShot S40", WithFile(crw, CiffReader.Read).Model);
        Gen.Select(Gen.Int[0, 4], Gen.Int[0, int.MaxValue], Gen.Byte).Array[1, 8]
            .Select(mutations => Mutate(crw, mutations))
            .Sample(bytes => KeepIfFailing(bytes, ".crw", () => Assert.NotNull(WithFile(bytes, CiffReader.Read))), iter: Math.Max(100, Iterations / 10), threads: 1);
    }

    [Fact]
    public void RafHeader_OfMutatedFujifilmRaf_ReturnsASizeOrNull_NeverThrows()
    {
        var raf = File.ReadAllBytes(Path.Combine(PhotosFolder(), "raw", "exiftool_Fujifilm_S5Pro.raf"));
        Assert.Null(WithFile(raf[..200], RafHeader.Size));
        Assert.Null(WithFile(File.ReadAllBytes(Path.Combine(PhotosFolder(), "raw", "Canon_PowerShot_S40_CRW_0113.CRW")), RafHeader.Size));
        Gen.Select(Gen.Int[0, 4], Gen.Int[0, int.MaxValue], Gen.Byte).Array[1, 8]
            .Select(mutations => Mutate(raf, mutations))
            .Sample(bytes => KeepIfFailing(bytes, ".raf", () => WithFile(bytes, RafHeader.Size)), iter: Math.Max(100, Iterations / 10), threads: 1);
    }

    [Fact]
    public void FlirAndMakerNoteReaders_OfMutatedSegments_ReturnValuesOrNull_NeverThrow()
    {
        // The whole record: FLIR splits it over five APP1 segments, which are mutated together.
        var flir = Media.MetadataFallbackTests.App1Payloads("jpeg/FLIR_iPhone_device.jpg");
        var exif = Media.MetadataFallbackTests.App1Payloads("jpeg/Canon_EOS_REBEL_T3i.jpg").First(s => s.AsSpan().StartsWith("Exif\0\0"u8));
        var mutations = Gen.Select(Gen.Int[0, 4], Gen.Int[0, int.MaxValue], Gen.Byte).Array[1, 8];
        Gen.Select(Gen.Int[0, flir.Count - 1], mutations)
            .Sample((index, m) => FlirCameraInfo.TakenAt(flir.Select((s, i) => i == index ? Mutate(s, m) : s)), iter: Math.Max(100, Iterations / 10), threads: 1);
        mutations.Select(m => Mutate(exif, m))
            .Sample(bytes => KeepIfFailing(bytes, ".exif", () => ExifMakerNote.FromExifSegment(bytes)?.Ascii(0x0095)), iter: Math.Max(100, Iterations / 10), threads: 1);
    }

    [Fact]
    public void HeifPrimaryImage_OfMutatedHeif_ReturnsASizeOrNull_NeverThrows()
    {
        var heif = File.ReadAllBytes(Path.Combine(PhotosFolder(), "broken", "heif_bad_iinf.heif"))[..1024];
        Gen.Select(Gen.Int[0, 4], Gen.Int[0, int.MaxValue], Gen.Byte).Array[1, 8]
            .Select(mutations => Mutate(heif, mutations))
            .Sample(bytes => KeepIfFailing(bytes, ".heif", () => WithFile(bytes, HeifPrimaryImage.Size)), iter: Math.Max(100, Iterations / 10), threads: 1);
    }

    [Fact]
    public void HeifMetadataLinks_OfMutatedHeic_AreInsideTheFile_NeverThrow()
    {
        // The meta box of the iOS 18 HEIC (ftyp, then meta up to offset 32129), where every link and item is.
        var heic = File.ReadAllBytes(Path.Combine(PhotosFolder(), "dates", "iphone15pro_subsec_timezone.heic"))[..32129];
        Gen.Select(Gen.Int[0, 4], Gen.Int[0, int.MaxValue], Gen.Byte).Array[1, 8]
            .Select(mutations => Mutate(heic, mutations))
            .Sample(bytes => KeepIfFailing(bytes, ".heic", () => Assert.True(WithFile(bytes, path => HeifMetadataLinks.Find(path).All(link => link >= 0 && link + 4 <= bytes.Length)))),
                iter: Math.Max(100, Iterations / 10), threads: 1);
    }

    [Fact]
    public void MotionPhotoFinder_OfMutatedHeifBoxes_FindsAVideoInsideTheFile_NeverThrows()
    {
        // A HEIF's top-level boxes as Samsung writes a motion photo: ftyp, meta, mdat, then the MP4 in an mpvd box.
        var mp4 = Box("ftyp", [.. "isom"u8, 0, 0, 2, 0, .. "isomiso2"u8]).Concat(Box("moov", new byte[24])).ToArray();
        byte[] heif = [.. Box("ftyp", [.. "heic"u8, 0, 0, 0, 0, .. "mif1heic"u8]), .. Box("meta", new byte[20]), .. Box("mdat", new byte[40]), .. Box("mpvd", mp4), .. Box("free", [1, 2])];
        Assert.Equal(mp4.Length, WithFile(heif, path => MotionPhotoExtractor.FindVideo(path, null, false))?.Length);
        // A 64-bit box size close to the largest long once wrapped around to a position before the file's start.
        byte[] hostile = [.. Box("ftyp", [.. "heic"u8, 0, 0, 0, 0]), 0, 0, 0, 1, .. "mdat"u8, 0x7F, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xF0, .. new byte[16]];
        Assert.Null(WithFile(hostile, path => MotionPhotoExtractor.FindVideo(path, null, false)));
        Gen.Select(Gen.Int[0, 4], Gen.Int[0, int.MaxValue], Gen.Byte).Array[1, 8]
            .Select(mutations => Mutate(heif, mutations))
            .Sample(bytes => KeepIfFailing(bytes, ".heic", () =>
            {
                var found = WithFile(bytes, path => MotionPhotoExtractor.FindVideo(path, null, true));
                Assert.True(found is null || (found.Value.Offset >= 0 && found.Value.Length > 0 && found.Value.Offset + found.Value.Length <= bytes.Length));
            }), iter: Math.Max(100, Iterations / 10), threads: 1);
    }

    [Fact]
    public void AvchdRecordingTime_OfMutatedTransportStreams_NeverThrows()
    {
        var sei = Media.AvchdClip.SeiNal([(0x13, [0, 0, 1, 2]), .. Media.AvchdClip.DateEntries(0x02, 2019, 12, 31, 23, 59, 58)]);
        foreach (var m2ts in new[] { false, true })
        {
            var clip = Media.AvchdClip.Packets([.. new byte[150], .. sei, .. new byte[400]], m2ts);
            Assert.NotNull(AvchdRecordingTime.Find(clip));
            Gen.Select(Gen.Int[0, 4], Gen.Int[0, int.MaxValue], Gen.Byte).Array[1, 8]
                .Select(mutations => Mutate(clip, mutations))
                .Sample(bytes => KeepIfFailing(bytes, ".mts", () => _ = AvchdRecordingTime.Find(bytes)), iter: Math.Max(100, Iterations), threads: 1);
        }
    }

    [Fact]
    public void CamcorderClipInfo_OfMutatedMoiFiles_ReturnsADateOrAWarning_NeverThrows()
    {
        var moi = Media.MoiFiles.Of(2008, 2, 29, 23, 59, 59_999, 61_500);
        Assert.Equal(new DateTime(2008, 2, 29, 23, 59, 59, 999), CamcorderClipInfo.Read(moi).TakenAt);
        Gen.Select(Gen.Int[0, 4], Gen.Int[0, int.MaxValue], Gen.Byte).Array[1, 8]
            .Select(mutations => Mutate(moi, mutations))
            .Sample(bytes => KeepIfFailing(bytes, ".moi", () => Assert.True(CamcorderClipInfo.Read(bytes) is { } read && (read.TakenAt is not null || read.Warnings.Count > 0))), iter: Math.Max(100, Iterations), threads: 1);
    }

    [Fact]
    public void SonyClipMetadata_OfMutatedDocuments_ReturnsValuesOrWarnings_NeverThrows()
    {
        var document = System.Text.Encoding.UTF8.GetBytes(Media.SonyClipMetadataTests.ClipXml);
        Assert.NotNull(SonyClipMetadata.Read(document).TakenAt);
        Gen.Select(Gen.Int[0, 4], Gen.Int[0, int.MaxValue], Gen.Byte).Array[1, 8]
            .Select(mutations => Mutate(document, mutations))
            .Sample(bytes => KeepIfFailing(bytes, ".xml", () => Assert.NotNull(SonyClipMetadata.Read(bytes))), iter: Math.Max(100, Iterations), threads: 1);
    }

    [Fact]
    public void GoProTelemetry_OfMutatedClips_NeverThrows()
    {
        var clip = Media.GoProPayloads.Mp4WithSettings(
            Media.GoProPayloads.GlobalSettings("HERO7 Black"),
            Media.GoProPayloads.Hero7("Camera", 0, "210714100004.000", 9999, (0, 0, 0)),
            Media.GoProPayloads.Hero7("Camera", 3, "210714100005.000", 150, (48.8584, 2.2945, 35)),
            Media.GoProPayloads.Hero13(48.8584, 2.2945, 35, new DateTime(2024, 1, 1), 1.2, 3));
        Assert.NotNull(GoProTelemetry.Read(new MemoryStream(clip))!.Latitude);
        Assert.Equal("HERO7 Black", GoProTelemetry.Read(new MemoryStream(clip))!.Camera);
        Gen.Select(Gen.Int[0, 4], Gen.Int[0, int.MaxValue], Gen.Byte).Array[1, 8]
            .Select(mutations => Mutate(clip, mutations))
            .Sample(bytes => KeepIfFailing(bytes, ".mp4", () => _ = GoProTelemetry.Read(new MemoryStream(bytes))), iter: Math.Max(100, Iterations), threads: 1);
    }

    [Fact]
    public void GoogleTakeoutMetadata_OfMutatedDocuments_ReturnsValuesOrAWarning_NeverThrows()
    {
        var document = System.Text.Encoding.UTF8.GetBytes(Media.TakeoutDocuments.Of("IMG_0001.JPG", new DateTime(2019, 7, 15, 9, 3, 30), 48.8584, 2.2945, "Tour Eiffel", favorited: true));
        Assert.NotNull(GoogleTakeoutMetadata.Read(document).Latitude);
        Gen.Select(Gen.Int[0, 4], Gen.Int[0, int.MaxValue], Gen.Byte).Array[1, 8]
            .Select(mutations => Mutate(document, mutations))
            .Sample(bytes => KeepIfFailing(bytes, ".json", () => Assert.NotNull(GoogleTakeoutMetadata.Read(bytes))), iter: Math.Max(100, Iterations), threads: 1);
    }

    [Fact]
    public void MovieExif_OfMutatedCameraMovies_NeverThrows()
    {
        // A movie box holding the EOS M50 CR3's box of EXIF (after its 24-byte ftyp and the moov header), as Canon's MP4s
        // do; ones whose user data holds Canon's older model name, Nikon's records, DJI's model, a Fujifilm compact's box.
        var cr3 = File.ReadAllBytes(Path.Combine(PhotosFolder(), "raw", "exiftool_Canon_M50.cr3"));
        var exif = cr3.AsSpan(32, System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(cr3.AsSpan(32))).ToArray();
        byte[] ftyp = Box("ftyp", [.. "isom"u8, 0, 0, 0, 0]);
        byte[] canon = [.. ftyp, .. Box("mdat", new byte[64]), .. Box("moov", exif)];
        var records = Media.NikonRecords.Of(
            (0x01, 2, Media.NikonRecords.Ascii("NIKON")), (0x13, 4, [0, 0, 1, 211]), (0x12, 2, Media.NikonRecords.Ascii("2023:07:14 18:05:09")),
            (0x02000024, 7, [0, 60, 1, 0]), (0x01200001, 2, Media.NikonRecords.Ascii("N")), (0x01200002, 5, Media.NikonRecords.Degrees(48, 51, 30.24)),
            (0x01200003, 2, Media.NikonRecords.Ascii("E")), (0x01200004, 5, Media.NikonRecords.Degrees(2, 17, 40.2)),
            (0x02, 2, Media.NikonRecords.Ascii("NIKON Z 6")));
        byte[] canonMov = [.. ftyp, .. Box("moov", Box("udta", Box("CNMN", "Canon EOS 7D"u8.ToArray())))];
        byte[] nikon = [.. ftyp, .. Box("moov", Box("udta", Box("NCDT", Box("NCTG", records))))];
        byte[] dji = [.. ftyp, .. Box("moov", Box("udta", Box("\u00A9mdl", "FC300X"u8.ToArray())))];
        byte[] fujiTags = [.. "FUJIFILM DIGITAL CAMERA\0"u8, .. "FinePix F31fd"u8, .. new byte[67]];
        byte[] fuji = [.. ftyp, .. Box("moov", Box("udta", Box("TAGS", fujiTags)))];
        byte[][] clips = [canon, canonMov, nikon, dji, fuji];
        Assert.Equal(["Canon EOS M50", "Canon EOS 7D", "NIKON Z 6", "FC300X", "FinePix F31fd"], clips.Select(c => WithFile(c, MovieExif.Read)!.Model));
        Assert.Equal((TimeSpan.FromHours(2), 48.8584), (WithFile(nikon, MovieExif.Read)!.TakenAtOffset, Math.Round(WithFile(nikon, MovieExif.Read)!.Latitude!.Value, 4)));
        Gen.Select(Gen.Int[0, clips.Length - 1], Gen.Select(Gen.Int[0, 4], Gen.Int[0, int.MaxValue], Gen.Byte).Array[1, 8])
            .Select((clip, mutations) => Mutate(clips[clip], mutations))
            .Sample(bytes => KeepIfFailing(bytes, ".mp4", () => WithFile(bytes, MovieExif.Read)), iter: Math.Max(100, Iterations / 10), threads: 1);
    }

    [Fact]
    public void SonyClipMetadata_InMutatedMp4s_NeverThrows()
    {
        var xml = System.Text.Encoding.UTF8.GetBytes(Media.SonyClipMetadataTests.ClipXml);
        byte[] clip = [.. Box("ftyp", [.. "XAVC"u8, 0, 0, 0, 0]), .. FullBox("meta", FullBox("xml ", xml)), .. Box("mdat", new byte[64])];
        Assert.NotNull(SonyClipMetadata.ReadEmbedded(new MemoryStream(clip))!.TakenAt);
        Gen.Select(Gen.Int[0, 4], Gen.Int[0, int.MaxValue], Gen.Byte).Array[1, 8]
            .Select(mutations => Mutate(clip, mutations))
            .Sample(bytes => KeepIfFailing(bytes, ".mp4", () => _ = SonyClipMetadata.ReadEmbedded(new MemoryStream(bytes))), iter: Math.Max(100, Iterations / 10), threads: 1);
    }

    [Fact]
    public void SubtitleTelemetry_OfMutatedRecords_NeverThrows()
    {
        var record = System.Text.Encoding.UTF8.GetBytes(Media.FlightRecords.Mini);
        Assert.NotNull(SubtitleTelemetry.Read(record).Latitude);
        Gen.Select(Gen.Int[0, 4], Gen.Int[0, int.MaxValue], Gen.Byte).Array[1, 8]
            .Select(mutations => Mutate(record, mutations))
            .Sample(bytes => KeepIfFailing(bytes, ".srt", () => Assert.NotNull(SubtitleTelemetry.Read(bytes))), iter: Math.Max(100, Iterations), threads: 1);
    }

    [Fact]
    public void GpsTrack_OfMutatedTracks_ReturnsPointsOrAWarning_NeverThrows()
    {
        var track = File.ReadAllBytes(Path.Combine(PhotosFolder(), "iptc_xmp", "FurnaceCreekInn.gpx"));
        Assert.Equal(42, GpsTrack.Read(new MemoryStream(track)).Segments[0].Count);
        Gen.Select(Gen.Int[0, 4], Gen.Int[0, int.MaxValue], Gen.Byte).Array[1, 8]
            .Select(mutations => Mutate(track, mutations))
            .Sample(bytes => KeepIfFailing(bytes, ".gpx", () => Assert.All(GpsTrack.Read(new MemoryStream(bytes)).Segments, s => Assert.NotEmpty(s))), iter: Math.Max(100, Iterations / 10), threads: 1);
    }

    private static T WithFile<T>(byte[] bytes, Func<string, T> read)
    {
        var path = Path.Combine(Path.GetTempPath(), $"pixhaven-fuzz-{Guid.NewGuid():N}.bin");
        File.WriteAllBytes(path, bytes);
        try
        {
            return read(path);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void SidecarReader_OfMutatedXmp_NeverThrows()
    {
        var xmp = Seeds.Where(s => s.Length > 0 && System.Text.Encoding.UTF8.GetString(s).Contains("x:xmpmeta", StringComparison.Ordinal)).ToArray();
        Assert.NotEmpty(xmp);
        var folder = Directory.CreateTempSubdirectory("pixhaven-fuzz-").FullName;
        try
        {
            Gen.Select(Gen.Int[0, xmp.Length - 1], Gen.Select(Gen.Int[0, 4], Gen.Int[0, int.MaxValue], Gen.Byte).Array[0, 8], (seed, m) => Mutate(xmp[seed], m))
                .Sample(bytes =>
                {
                    var path = Path.Combine(folder, "sidecar.xmp");
                    File.WriteAllBytes(path, bytes);
                    KeepIfFailing(bytes, ".xmp", () => Assert.NotNull(SidecarReader.Read(path)));
                }, iter: Iterations, threads: 1);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void QueryParser_OfFilterShapedText_ThrowsOnlyQueryErrors_InsideTheText()
    {
        // Pieces of the language, so most inputs get past the first token: names, separators, quotes, ranges, negation.
        var names = SearchFilter.All.SelectMany(f => f.Names).ToArray();
        var piece = Gen.Frequency(
            (4, Gen.OneOf(names).Select(name => name + ":")),
            (4, Gen.String[Gen.Char["abz019.,-*|\"\\: éß\t\0"], 0, 8]),
            (1, Gen.OneOf("-", "|", "\"", " ", "2019-2021", "100-400", "true", "false", "de", "*")));
        piece.Array[0, 12].Select(string.Concat).Sample(text =>
        {
            try
            {
                SearchQueryParser.Parse(text);
            }
            catch (SearchQueryException e)
            {
                Assert.InRange(e.Position, 0, text.Length);
            }
        }, iter: Iterations * 10);
    }

    [Theory]
    [InlineData("dht_marker_inside_dht.jpg")] // MetadataExtractor.MetadataException escaped the reader
    public void MetadataReader_OfFuzzFindings_Warns(string name)
    {
        var result = Reader.Read(Path.Combine(RegressionFolder, name));
        Assert.NotEmpty(result.Warnings);
    }

    [Theory]
    [InlineData("rdf_text_node.xmp")] // InvalidCastException from XmpCore escaped the sidecar reader
    public void SidecarReader_OfFuzzFindings_Warns(string name)
    {
        var result = SidecarReader.Read(Path.Combine(RegressionFolder, name));
        Assert.Equal("sidecar could not be read: malformed content (InvalidCastException in the parser)", Assert.Single(result.Warnings));
    }

    private static string RegressionFolder => Path.Combine(PhotosFolder(), "broken", "fuzz");

    /// <summary>With PIXHAVEN_FUZZ_SAVE set, failing inputs are written there, to become files in broken/fuzz.</summary>
    private static void KeepIfFailing(byte[] bytes, string extension, Action action)
    {
        try
        {
            action();
        }
        catch when (Environment.GetEnvironmentVariable("PIXHAVEN_FUZZ_SAVE") is { Length: > 0 } folder)
        {
            Directory.CreateDirectory(folder);
            File.WriteAllBytes(Path.Combine(folder, $"{bytes.Length:D8}-{Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes))[..8]}{extension}"), bytes);
            throw;
        }
    }

    private static byte[] Header(byte[] file) => file[..Math.Min(file.Length, MediaTypeDetector.HeaderLength)];

    private static byte[] Mutate(byte[] seed, (int Kind, int Position, byte Value)[] mutations)
    {
        var bytes = new List<byte>(seed);
        foreach (var (kind, position, value) in mutations)
        {
            if (bytes.Count == 0)
            {
                break;
            }

            var at = position % bytes.Count;
            switch (kind)
            {
                case 0: bytes[at] ^= (byte)(1 << (value % 8)); break;
                case 1: bytes[at] = (byte)(value % 4 switch { 0 => 0x00, 1 => 0xFF, 2 => 0x7F, _ => 0x80 }); break;
                case 2: bytes.RemoveRange(at, bytes.Count - at); break;
                case 3: bytes.InsertRange(at, bytes.GetRange(at, Math.Min(value + 1, bytes.Count - at))); break;
                default: bytes.InsertRange(at, Enumerable.Repeat(value, value % 16 + 1)); break;
            }
        }

        return [.. bytes];
    }

    internal static string PhotosFolder()
    {
        var folder = AppContext.BaseDirectory;
        while (folder is not null && !Directory.Exists(Path.Combine(folder, "tests", "data", "photos")))
        {
            folder = Path.GetDirectoryName(folder);
        }

        return Path.Combine(folder ?? throw new DirectoryNotFoundException("tests/data/photos"), "tests", "data", "photos");
    }

    private static byte[][] LoadSeeds()
    {
        return Directory.EnumerateFiles(PhotosFolder(), "*", SearchOption.AllDirectories)
            .Where(f => !f.EndsWith(".json", StringComparison.Ordinal) && !f.EndsWith(".md", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}fuzz{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(f =>
            {
                using var stream = File.OpenRead(f);
                var buffer = new byte[Math.Min(stream.Length, 256 * 1024)];
                stream.ReadExactly(buffer);
                return buffer;
            })
            .ToArray();
    }
}
