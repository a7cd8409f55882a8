using Pixhaven.Core.Media;

namespace Pixhaven.Core.Tests.Media;

public sealed class VipsErrorsTests
{
    [Fact]
    public void AnotherLoadersLine_IsLeftOut_TheFilesOwnIsTaken()
    {
        const string mixed = "unable to call thumbnail\nVipsJpeg: premature end of JPEG image\nheif: Error while loading plugin: No decoding plugin installed for this compression format (11.2)\n";
        Assert.Equal("VipsJpeg: premature end of JPEG image", VipsErrors.MostSpecificLine(mixed, "jpeg"));
        Assert.Equal("heif: Error while loading plugin: No decoding plugin installed for this compression format (11.2)", VipsErrors.MostSpecificLine(mixed, "heif"));
        Assert.Equal("vipspng: libpng read error", VipsErrors.MostSpecificLine("unable to call thumbnail\nvipspng: libpng read error\n", "png"));
        // Lines of no loader's family stay: they may be this file's.
        Assert.Equal("VipsImage: memory area too small", VipsErrors.MostSpecificLine("unable to call thumbnail\nVipsImage: memory area too small", "jpeg"));
    }

    [Fact]
    public void AnErrorOfOnlyAnotherFilesWords_OrNone_SaysLibvipsGaveNoDetail()
    {
        Assert.Equal("the image data is invalid (libvips gave no detail)", VipsErrors.MostSpecificLine("unable to call thumbnail\nheif: Unsupported feature", "png"));
        Assert.Equal("the image data is invalid (libvips gave no detail)", VipsErrors.MostSpecificLine("unable to call thumbnail\n", "png"));
        // A loader that only warned before it gave up: its warning says what.
        Assert.Equal("the image data is invalid (PNG unsigned integer out of range)",
            VipsErrors.MostSpecificLine("unable to call thumbnail\n", "png", warning: "PNG unsigned integer out of range\n"));
        // Another thread cleared the shared buffer while this one read it (seen in a test run): the torn line is not this file's.
        Assert.Equal("the image data is invalid (PNG unsigned integer out of range)",
            VipsErrors.MostSpecificLine("unable to call thumbnail\n\0tmp/photos/cut.HIF: bad seek to 22444\n", "png", "/photos/corrupt.png",
                "PNG unsigned integer out of range"));
        // Or read it while another thread was writing its line: a path with no message yet is that file's (seen in CI).
        foreach (var torn in new[] { "/tmp/photos/cut.HIF:", "/tmp/photos/cut.HIF", "/tmp/pho" })
        {
            Assert.Equal("the image data is invalid (PNG unsigned integer out of range)",
                VipsErrors.MostSpecificLine($"unable to call thumbnail\n{torn}\n", "png", "/photos/corrupt.png", "PNG unsigned integer out of range"));
        }

        // Or began reading in the middle of another file's line: a line that does not start with its domain is a piece of one.
        foreach (var torn in new[] { "osition 96822)\n (2.100)", "put: Unexpected end of file (2.100)", "file: Extent in iloc box references data outside of file bounds" })
        {
            Assert.Equal("the image data is invalid (PNG unsigned integer out of range)",
                VipsErrors.MostSpecificLine($"unable to call thumbnail\n{torn}\n", "png", "/photos/corrupt.png", "PNG unsigned integer out of range"));
        }
    }

    [Fact]
    public void TheLinesOfLibvipsItself_AndOfTheFilesOwnLoader_AreItsReason()
    {
        Assert.Equal("VipsForeignLoad: file has been truncated", VipsErrors.MostSpecificLine("unable to call thumbnail\nVipsForeignLoad: file has been truncated\n", "png"));
        Assert.Equal("TIFFReadDirectory: Incorrect count for \"StripOffsets\"",
            VipsErrors.MostSpecificLine("unable to call thumbnail\nTIFFReadDirectory: Incorrect count for \"StripOffsets\"\n", "tiff"));
        Assert.Equal("gifload: no frames in GIF", VipsErrors.MostSpecificLine("unable to call thumbnail\ngifload: no frames in GIF\n", "gif"));
        Assert.Equal("the image data is invalid (libvips gave no detail)",
            VipsErrors.MostSpecificLine("unable to call thumbnail\nTIFFReadDirectory: Incorrect count\n", "jpeg"));
    }

    [Fact]
    public void LibheifsCodeOnALineOfItsOwn_StaysWithItsMessage_AndLinesNamingTheFile_AreTakenLast()
    {
        // As libvips reports a HEIC whose item extents point past its end (a cut-off copy).
        const string cut = "unable to call thumbnail\n/photos/IMG_1.heic: bad seek to 880735\n/photos/IMG_1.heic: bad seek to 22444\n"
                           + "heif: Invalid input: Unexpected end of file: Extent in iloc box references data outside of file bounds (points to file position 20300)\n (2.100)\n";
        Assert.Equal("heif: Invalid input: Unexpected end of file: Extent in iloc box references data outside of file bounds (points to file position 20300) (2.100)",
            VipsErrors.MostSpecificLine(cut, "heif"));
        Assert.Equal("bad seek to 22444", VipsErrors.MostSpecificLine("unable to call thumbnail\n/photos/IMG_1.heic: bad seek to 22444\n", "heif", "/photos/IMG_1.heic"));
        // Lines naming another file are that file's, read in parallel (seen in CI: a PNG's reason was a HEIC's "bad seek").
        Assert.Equal("the image data is invalid (PNG unsigned integer out of range)", VipsErrors.MostSpecificLine(
            "unable to call thumbnail\n/photos/IMG_1.heic: bad seek to 4586\nVipsForeignLoad: \"/photos/a.txt\" is not a known file format\n",
            "png", "/photos/corrupt.png", "PNG unsigned integer out of range"));
        Assert.Equal("VipsForeignLoad: \"b.png\" is not a known file format",
            VipsErrors.MostSpecificLine("unable to call thumbnail\nVipsForeignLoad: \"/photos/b.png\" is not a known file format\n", "png", "/photos/b.png"));
    }

    [Fact]
    public void AMissingCodec_IsOnlyAHeifsWant()
    {
        const string heif = "unable to call thumbnail\nheif: libde265 is not available";
        Assert.True(VipsErrors.IsMissingDecoder(heif, "heif"));
        Assert.False(VipsErrors.IsMissingDecoder(heif, "jpeg"));
        Assert.False(VipsErrors.IsMissingDecoder("unable to call thumbnail\nheif: Invalid input", "heif"));
    }
}
