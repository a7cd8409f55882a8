using System.Security.Cryptography;
using Pixhaven.Core.Media.Previews;
using Pixhaven.Core.Tests.Fuzzing;

namespace Pixhaven.Core.Tests.Media;

/// <summary>The metadata links that libheif before 1.18 refuses are found, and only those are changed, in a copy.</summary>
public sealed class HeifMetadataLinksTests : IDisposable
{
    private const string IosHdrHeic = "dates/iphone15pro_subsec_timezone.heic";
    private readonly string _folder = Directory.CreateTempSubdirectory("pixhaven-heif-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static string Photo(string relative) => Path.Combine(FuzzTests.PhotosFolder(), relative);

    [Fact]
    public void IosHdrHeic_HasOneExifLink_ToThePictureAndItsGainMap()
    {
        var links = HeifMetadataLinks.Find(Photo(IosHdrHeic));

        // iref entry "cdsc 65 -> 49, 67": the Exif item describes the primary grid and the 'tmap' gain map.
        var link = Assert.Single(links);
        var bytes = File.ReadAllBytes(Photo(IosHdrHeic));
        Assert.Equal("cdsc"u8.ToArray(), bytes[(int)link..(int)(link + 4)]);
        Assert.Equal(new byte[] { 0, 65, 0, 2, 0, 49, 0, 67 }, bytes[(int)(link + 4)..(int)(link + 12)]);
    }

    [Theory]
    [InlineData("heic/Apple_iPhone_13_Pro_IMG_8565.HEIC")]
    [InlineData("heic/Apple_iPhone_7_IMG_2682.heic")]
    [InlineData("heic/Samsung_SM-G975F.heic")]
    [InlineData("heic/Sony_ILCE-7CM2_right_top.HIF")]
    [InlineData("avif/Apple_iPhone_12_Pro_exif.avif")]
    [InlineData("livephoto/IMG_3589.HEIC")]
    [InlineData("jpeg/Canon_EOS_REBEL_T3i.jpg")]
    [InlineData("broken/zero_bytes.jpg")]
    [InlineData("broken/heif_bad_iinf.heif")]
    public void FilesThatOlderLibheifOpens_HaveNone(string relative) => Assert.Empty(HeifMetadataLinks.Find(Photo(relative)));

    [Fact]
    public void Copy_DiffersOnlyInTheLinkType_AndTheOriginalIsUntouched()
    {
        var original = Photo(IosHdrHeic);
        var hashBefore = SHA256.HashData(File.ReadAllBytes(original));
        var links = HeifMetadataLinks.Find(original);
        var copy = Path.Combine(_folder, "copy.heic");

        HeifMetadataLinks.WriteCopy(original, copy, links);

        var source = File.ReadAllBytes(original);
        var written = File.ReadAllBytes(copy);
        Assert.Equal(source.Length, written.Length);
        var changed = Enumerable.Range(0, source.Length).Where(i => source[i] != written[i]).ToList();
        Assert.Equal(Enumerable.Range((int)links[0], 4), changed);
        Assert.Empty(HeifMetadataLinks.Find(copy));
        Assert.Equal(hashBefore, SHA256.HashData(File.ReadAllBytes(original)));
    }
}
