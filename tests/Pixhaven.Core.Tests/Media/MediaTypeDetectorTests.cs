using System.Text;
using Pixhaven.Core.Media.Detection;
using Pixhaven.Core.Model;

namespace Pixhaven.Core.Tests.Media;

public class MediaTypeDetectorTests
{
    private static byte[] Bytes(params int[] values) => values.Select(v => (byte)v).ToArray();

    private static byte[] Ftyp(string major, params string[] compatible)
    {
        var body = Encoding.ASCII.GetBytes("ftyp" + major + "\0\0\0\0" + string.Concat(compatible));
        var size = body.Length + 4;
        return [.. Bytes(0, 0, 0, size), .. body];
    }

    [Theory]
    [InlineData(new byte[] { 0xFF, 0xD8, 0xFF, 0xE1 }, "x.nef", "jpeg")]
    [InlineData(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }, "x.jpg", "png")]
    [InlineData(new byte[] { (byte)'G', (byte)'I', (byte)'F', (byte)'8', (byte)'9', (byte)'a' }, "x", "gif")]
    public void Detect_ImagesByContent_IgnoresExtension(byte[] header, string name, string format)
    {
        var type = MediaTypeDetector.Detect(header, name);
        Assert.Equal(MediaType.Image, type.Type);
        Assert.Equal(format, type.Format);
    }

    [Fact]
    public void Detect_RiffWebP_IsImage_RiffAvi_IsVideo()
    {
        Assert.Equal("webp", MediaTypeDetector.Detect(Encoding.ASCII.GetBytes("RIFF\0\0\0\0WEBPVP8 "), "a").Format);
        Assert.Equal(MediaType.Video, MediaTypeDetector.Detect(Encoding.ASCII.GetBytes("RIFF\0\0\0\0AVI LIST"), "a").Type);
    }

    [Fact]
    public void Detect_SonyClipMetadata_IsASidecar()
    {
        var header = Encoding.UTF8.GetBytes("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<NonRealTimeMeta xmlns=\"urn:schemas-professionalDisc:nonRealTimeMeta:ver.2.00\">");
        var type = MediaTypeDetector.Detect(header, "C0001M01.XML");
        Assert.Equal((MediaType.Sidecar, "sony-xml"), (type.Type, type.Format));
        Assert.Equal(MediaType.Unknown, MediaTypeDetector.Detect(Encoding.UTF8.GetBytes("<?xml version=\"1.0\"?><project/>"), "x.xml").Type);
    }

    [Fact]
    public void Detect_ApplePhotosAdjustments_IsASidecar_OtherPropertyListsAreNot()
    {
        const string declaration = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE plist PUBLIC \"-//Apple//DTD PLIST 1.0//EN\" \"http://www.apple.com/DTDs/PropertyList-1.0.dtd\">\n<plist version=\"1.0\">\n<dict>\n\t";
        var type = MediaTypeDetector.Detect(Encoding.UTF8.GetBytes(declaration + "<key>adjustmentBaseVersion</key>\n\t<integer>0</integer>"), "IMG_1234.AAE");
        Assert.Equal((MediaType.Sidecar, "aae"), (type.Type, type.Format));
        Assert.Equal(MediaType.Unknown, MediaTypeDetector.Detect(Encoding.UTF8.GetBytes(declaration + "<key>CFBundleName</key>"), "Info.plist").Type);
    }

    [Theory]
    [InlineData(new byte[] { 0x84, (byte)'w', (byte)'e', (byte)'b', (byte)'m' }, "webm", "video/webm")]
    [InlineData(new byte[] { 0x10, 0, 0, 4, (byte)'w', (byte)'e', (byte)'b', (byte)'m' }, "webm", "video/webm")] // a four-byte size
    [InlineData(new byte[] { 0x88, (byte)'m', (byte)'a', (byte)'t', (byte)'r', (byte)'o', (byte)'s', (byte)'k', (byte)'a' }, "matroska", "video/x-matroska")]
    [InlineData(new byte[] { 0x84, (byte)'w', (byte)'e', (byte)'b' }, "matroska", "video/x-matroska")] // cut short
    public void Detect_Ebml_WebMByItsDocType_ElseMatroska(byte[] docType, string format, string mime)
    {
        // The EBML header as ffmpeg and browsers write it: version elements, then DocType (0x4282) and its versions.
        byte[] header = [0x1A, 0x45, 0xDF, 0xA3, 0xA3, 0x42, 0x86, 0x81, 0x01, 0x42, 0xF7, 0x81, 0x01, 0x42, 0x82, .. docType];
        var type = MediaTypeDetector.Detect(header, "video.mkv");
        Assert.Equal((MediaType.Video, format, mime), (type.Type, type.Format, type.Mime));
    }

    [Theory]
    [InlineData("heic", new[] { "mif1", "heic" }, MediaType.Image, "heif")]
    [InlineData("mif1", new[] { "mif1", "heic" }, MediaType.Image, "heif")]
    [InlineData("avif", new[] { "avif", "mif1" }, MediaType.Image, "avif")]
    [InlineData("mif1", new[] { "avif", "mif1" }, MediaType.Image, "avif")]
    [InlineData("crx ", new[] { "crx " }, MediaType.Raw, "cr3")]
    [InlineData("qt  ", new[] { "qt  " }, MediaType.Video, "mov")]
    [InlineData("isom", new[] { "isom", "mp41" }, MediaType.Video, "mp4")]
    public void Detect_IsoMediaBrands(string major, string[] compatible, MediaType expectedType, string expectedFormat)
    {
        var type = MediaTypeDetector.Detect(Ftyp(major, compatible), "file.bin");
        Assert.Equal(expectedType, type.Type);
        Assert.Equal(expectedFormat, type.Format);
    }

    [Theory]
    [InlineData("photo.tif", MediaType.Image, "tiff")]
    [InlineData("photo.DNG", MediaType.Raw, "dng")]
    [InlineData("photo.nef", MediaType.Raw, "nef")]
    public void Detect_TiffContainer_ExtensionOnlyPromotesToRaw(string name, MediaType expectedType, string expectedFormat)
    {
        var type = MediaTypeDetector.Detect(Bytes('I', 'I', 42, 0, 8, 0, 0, 0), name);
        Assert.Equal(expectedType, type.Type);
        Assert.Equal(expectedFormat, type.Format);
    }

    [Fact]
    public void Detect_VendorTiffMagic_IsRaw()
    {
        Assert.Equal("orf", MediaTypeDetector.Detect(Bytes('I', 'I', 'R', 'O', 8, 0, 0, 0), "x.jpg").Format);
        Assert.Equal("rw2", MediaTypeDetector.Detect(Bytes('I', 'I', 0x55, 0, 8, 0, 0, 0), "x").Format);
        Assert.Equal("cr2", MediaTypeDetector.Detect(Bytes('I', 'I', 42, 0, 16, 0, 0, 0, 'C', 'R', 2, 0), "x").Format);
    }

    [Fact]
    public void Detect_Xmp_InUtf8AndUtf16()
    {
        Assert.Equal(MediaType.Sidecar, MediaTypeDetector.Detect("<?xpacket begin=''?><x:xmpmeta/>"u8, "a.xmp").Type);
        var utf16 = new byte[] { 0xFF, 0xFE }.Concat(Encoding.Unicode.GetBytes("<?xpacket begin=''?>")).ToArray();
        Assert.Equal(MediaType.Sidecar, MediaTypeDetector.Detect(utf16, "a.xmp").Type);
    }

    [Theory]
    [InlineData("")]
    [InlineData("Hello, this is a text file pretending to be a JPEG.")]
    public void Detect_Text_IsUnknown(string content)
    {
        Assert.Equal(MediaType.Unknown, MediaTypeDetector.Detect(Encoding.UTF8.GetBytes(content), "fake.jpg").Type);
    }
}
