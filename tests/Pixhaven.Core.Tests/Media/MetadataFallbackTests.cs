using MetadataExtractor;
using MetadataExtractor.Formats.Exif;
using MetadataExtractor.Formats.Jpeg;
using MetadataExtractor.Formats.Png;
using Pixhaven.Core.Media.Metadata;
using Pixhaven.Core.Tests.Fuzzing;

namespace Pixhaven.Core.Tests.Media;

/// <summary>
/// Values MetadataExtractor leaves out, read from the file's own structures: a FLIR camera's capture time, the lens in a
/// Canon maker note that an editor moved, the size of a HEIF whose item list is damaged, the GPS clock's time, a PNG's dates, and the
/// ISO and exposure of cameras that keep them outside EXIF's own fields.
/// </summary>
public sealed class MetadataFallbackTests
{
    private static readonly EmbeddedMetadataReader Reader = new();

    private static string Photo(string relative) => Path.Combine(FuzzTests.PhotosFolder(), relative);

    internal static List<byte[]> App1Payloads(string relative) =>
        JpegSegmentReader.ReadSegments(Photo(relative), [JpegSegmentType.App1]).Select(s => s.Bytes).ToList();

    [Fact]
    public void FlirJpeg_TakesTheCaptureTimeFromTheCameraInfoRecord()
    {
        var metadata = Reader.Read(Photo("jpeg/FLIR_iPhone_device.jpg"));

        // exiftool: FLIR DateTimeOriginal 2021:05:16 12:27:36.107-07:00; the file's EXIF has no date at all.
        Assert.Equal(new DateTime(2021, 5, 16, 12, 27, 36, 107), metadata.TakenAt);
        Assert.Equal(TimeSpan.FromHours(-7), metadata.TakenAtOffset);
    }

    [Fact]
    public void FlirRecord_WithAPieceMissing_GivesNoDate()
    {
        var segments = App1Payloads("jpeg/FLIR_iPhone_device.jpg");
        Assert.NotNull(FlirCameraInfo.TakenAt(segments));

        var flirPieces = segments.Where(s => FlirCameraInfo.IsFlirSegment(s)).ToList();
        Assert.Equal(5, flirPieces.Count);
        Assert.Null(FlirCameraInfo.TakenAt(segments.Except([flirPieces[1]])));
        Assert.Null(FlirCameraInfo.TakenAt(segments.Except([flirPieces[0]])));
        Assert.Null(FlirCameraInfo.TakenAt(segments.Where(s => !FlirCameraInfo.IsFlirSegment(s))));
    }

    [Fact]
    public void CanonMakerNote_MovedByAnEditor_IsReadAtItsRepairedOffsets()
    {
        var exif = App1Payloads("jpeg/Canon_EOS_REBEL_T3i.jpg").First(s => s.AsSpan().StartsWith("Exif\0\0"u8));

        // The EXIF was rewritten big-endian and the maker note moved 164 bytes without its offsets being corrected
        // (exiftool: "Adjusted MakerNotes base by -164").
        Assert.Equal("EF-S18-55mm f/3.5-5.6 IS II", ExifMakerNote.FromExifSegment(exif)?.Ascii(0x0095));
        Assert.Equal("EF-S18-55mm f/3.5-5.6 IS II", Reader.Read(Photo("jpeg/Canon_EOS_REBEL_T3i.jpg")).Lens);
    }

    [Fact]
    public void CanonMakerNote_InItsPlace_IsReadAsWritten()
    {
        var exif = App1Payloads("jpeg/Canon_EOS_5D_Mark_III_K6A7945.JPG").First(s => s.AsSpan().StartsWith("Exif\0\0"u8));

        Assert.Equal("EF28-135mm f/3.5-5.6 IS USM", ExifMakerNote.FromExifSegment(exif)?.Ascii(0x0095));
        Assert.Null(ExifMakerNote.FromExifSegment(exif)?.Ascii(0x0001)); // camera settings: numbers, not text
    }

    [Fact]
    public void CanonMakerNote_CutShort_IsNotRead()
    {
        var exif = App1Payloads("jpeg/Canon_EOS_REBEL_T3i.jpg").First(s => s.AsSpan().StartsWith("Exif\0\0"u8));

        Assert.Null(ExifMakerNote.FromExifSegment(exif[..1000]));
        Assert.Null(ExifMakerNote.FromExifSegment(exif[..12]));
        Assert.Null(ExifMakerNote.FromExifSegment([.. "Exif\0\0XX"u8, .. exif[8..]]));
    }

    [Fact]
    public void HeifWithADamagedItemList_HasThePrimaryImagesSize()
    {
        // MetadataExtractor and libvips both refuse the file (an 'infe' box claiming 2 GB); exiftool reads 1440x960.
        Assert.Equal((1440, 960), HeifPrimaryImage.Size(Photo("broken/heif_bad_iinf.heif")));
        Assert.Equal((1440, 960), (Reader.Read(Photo("broken/heif_bad_iinf.heif")) is var m ? (m.Width, m.Height) : default));
    }

    [Fact]
    public void HeifPrimaryImage_IsRotatedByItsOwnIrot_NotAnotherItems()
    {
        // iPhone 15 Pro: the primary grid item is 4032x3024 with irot 3 (270 degrees anticlockwise), so it shows
        // 3024x4032, as its EXIF orientation 6 says; a later item (the gain map's) carries irot 0.
        Assert.Equal((3024, 4032), HeifPrimaryImage.Size(Photo("dates/iphone15pro_subsec_timezone.heic")));
    }

    [Fact]
    public void HeifPrimaryImage_OfOtherFiles_IsNull()
    {
        Assert.Null(HeifPrimaryImage.Size(Photo("jpeg/Canon_EOS_REBEL_T3i.jpg")));
        Assert.Null(HeifPrimaryImage.Size(Photo("broken/zero_bytes.jpg")));
    }

    private static GpsDirectory GpsClock()
    {
        var gps = new GpsDirectory();
        gps.Set(GpsDirectory.TagDateStamp, "2019:05:12");
        gps.Set(GpsDirectory.TagTimeStamp, new[] { new Rational(14, 1), new Rational(30, 1), new Rational(11, 1) });
        return gps;
    }

    [Fact]
    public void TheGpsClockAlone_IsATrueUtcInstant()
    {
        var metadata = EmbeddedMetadataReader.Interpret([GpsClock()]);

        Assert.Equal((new DateTime(2019, 5, 12, 14, 30, 11), TimeSpan.Zero), (metadata.TakenAt, metadata.TakenAtOffset));
        Assert.True(metadata is { TakenAtIsUtc: true, TakenAtIsTrueUtc: true });
    }

    [Fact]
    public void TheCamerasClock_OutranksTheGpsClock_AndIsItsLocalTime()
    {
        var exif = new ExifSubIfdDirectory();
        exif.Set(ExifDirectoryBase.TagDateTimeOriginal, "2019:05:12 16:30:11");

        var metadata = EmbeddedMetadataReader.Interpret([exif, GpsClock()]);

        Assert.Equal(new DateTime(2019, 5, 12, 16, 30, 11), metadata.TakenAt);
        Assert.False(metadata.TakenAtIsUtc);
    }

    [Fact]
    public void Png_TakesItsCreationTimeText_AsTheLocalTimeItNames()
    {
        // exiftool: PNG:CreationTime 2007:02:13 06:34:38 (Wolfram Mathematica's tEXt chunk); no EXIF, no tIME.
        var metadata = Reader.Read(Photo("png/density_plot.png"));

        Assert.Equal((new DateTime(2007, 2, 13, 6, 34, 38), (TimeSpan?)null, false), (metadata.TakenAt, metadata.TakenAtOffset, metadata.TakenAtIsUtc));
    }

    [Fact]
    public void Png_KeepsItsTimeOfLastChange_AsNoCaptureDate()
    {
        // exiftool: PNG:ModifyDate 2020:05:20 19:37:26 (tIME, UTC by the PNG specification): the estimate, not a date taken.
        var metadata = Reader.Read(Photo("png/sampleWithExifData.png"));

        Assert.Equal((null, new DateTime(2020, 5, 20, 19, 37, 26)), (metadata.TakenAt, metadata.ChangedAtUtc));
    }

    [Theory]
    [InlineData("Tue, 13 Feb 2007 06:34:38 GMT", "2007-02-13T06:34:38", "00:00:00")] // RFC 1123, as the specification advises
    [InlineData("2007-02-13T07:34:38+01:00", "2007-02-13T07:34:38", "01:00:00")]
    [InlineData("yesterday", null, null)]
    [InlineData("0000:00:00 00:00:00", null, null)]
    public void PngCreationTime_ReadsTheFormsProgramsWrite(string text, string? local, string? offset)
    {
        var chunk = new PngDirectory(PngChunkType.tEXt);
        chunk.Set(PngDirectory.TagTextualData, new List<MetadataExtractor.KeyValuePair> { new("Creation Time", new StringValue(System.Text.Encoding.Latin1.GetBytes(text), System.Text.Encoding.Latin1)) });

        var date = PngDates.CreationTime([chunk]);

        Assert.Equal(local, date?.Local.ToString("s", System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(offset, date?.Offset?.ToString());
    }

    [Theory]
    [InlineData("jpeg/Casio_EX-Z3.jpg", 50)] // Casio's maker note (type 2)
    [InlineData("jpeg/Kodak_DC280_DCP_4385.JPG", 100)] // EXIF's exposure index
    [InlineData("jpeg/Kodak_DX4330.jpg", 200)]
    [InlineData("jpeg/Nikon_D1X.jpg", 200)] // Nikon's maker note
    [InlineData("jpeg/Nikon_D90_DSC_0003.JPG", 159)] // Nikon's ISO info at Lo 0.3 (exiftool: 159)
    [InlineData("jpeg/Canon_PowerShot_S40_IMG_0108.JPG", 50)] // Canon's camera settings
    [InlineData("jpeg/Canon_PowerShot_A85.jpg", 50)] // the same, in a maker note moved by 256 bytes (exiftool's warning)
    [InlineData("raw/Nikon_Z9_HE_cropped.dng", 102400)] // ISOSpeedRatings holds 65535; the recommended exposure index the speed
    public void Iso_ComesFromWhereTheCameraKeptIt(string relative, int iso)
    {
        // exiftool's ISO for each (expected.json); none of them has it in EXIF's ISOSpeedRatings.
        Assert.Equal(iso, Reader.Read(Photo(relative)).Iso);
    }

    [Theory]
    [InlineData("jpeg/Polaroid_PDC640M_POL_0132.JPG", "1")] // 0.992 s, not "1/1"
    [InlineData("jpeg/FujiFilm_FinePixS2Pro.jpg", "1/14")] // 0.0735 s
    [InlineData("jpeg/Sanyo_SR662.jpg", "1/4")]
    [InlineData("jpeg/Casio_EX-Z3.jpg", "2")]
    public void ExposureTime_IsWrittenAsPhotographersWriteIt(string relative, string text) =>
        Assert.Equal(text, Reader.Read(Photo(relative)).ExposureTime);

    [Fact]
    public void ASidecarsExposure_IsReadFromItsXmp()
    {
        // digiKam's sidecar, as exiftool reads it: 9.4 mm, f/9.6, 1/160 s, ISO 80.
        var sidecar = SidecarReader.Read(Photo("sidecar/digikam-example.xmp"));

        Assert.Equal((9.4, 9.6, "1/160", 80), (sidecar.FocalLength, sidecar.FNumber, sidecar.ExposureTime, sidecar.Iso));
    }

    [Theory]
    [InlineData("raw/exiftool_Nikon_D70.nef", "18-70mm f/3.5-4.5")]
    [InlineData("jpeg/Nikon_D90_DSC_0003.JPG", "50mm f/1.8")]
    [InlineData("dates/nikon_d3_createdate_timezone_separate.jpg", "14-24mm f/2.8")]
    public void ALensWithoutAName_IsItsRange_FromNikonsMakerNote(string relative, string lens) =>
        Assert.Equal(lens, Reader.Read(Photo(relative)).Lens); // exiftool's Lens (a Nikon names no LensModel)

    [Fact]
    public void ATiffEpRaw_HasTheExposureItsFirstDirectoryHolds()
    {
        // A Kodak DC50's KDC keeps exposure, f-number and focal length in IFD0, as TIFF/EP does (exiftool: 1/36, 2.5, 37.0 mm).
        var kdc = Reader.Read(Photo("raw/Kodak_DC50_DC0010S.KDC"));

        Assert.Equal((37, 2.5, "1/36"), (kdc.FocalLength, kdc.FNumber, kdc.ExposureTime));
    }

    [Fact]
    public void ACanonCrw_HasItsExposure_FromItsCiffRecords()
    {
        // exiftool: FocalLength 7.09375 mm (227 at 32 units per mm), FNumber 2.9 (99: 3 + 3/32 EV), ExposureTime 1/5 (76:
        // 2 1/3 EV, a third of a stop written as 12/32), CameraISO 50.
        var crw = CiffReader.Read(Photo("raw/Canon_PowerShot_S40_CRW_0113.CRW"));

        Assert.Equal((7.09, 2.9, "1/5", 50), (crw.FocalLength, crw.FNumber, crw.ExposureTime, crw.Iso));
    }
}
