using System.Text;
using Microsoft.EntityFrameworkCore;
using Pixhaven.Core.Model;
using Pixhaven.Tests.Infrastructure;

namespace Pixhaven.Tests.Indexing;

/// <summary>Camera cards copied as they are: their videos are indexed; the index structures, thumbnails and proxies around them are neither photos nor problems.</summary>
public sealed class CameraCardTests
{
    [Fact]
    public async Task AnAvchdCard_GivesItsClips_AndNoProblemForItsPlaylistsOrClipInformation()
    {
        await using var library = await TestLibrary.CreateAsync([TestPhotos.CanonJpeg]);
        string Card(string path)
        {
            var full = library.OriginalPath(Path.Combine("card/PRIVATE/AVCHD", path));
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            return full;
        }

        // Each structure starts with its type and version, as the AVCHD format writes them.
        var structures = new Dictionary<string, string>
        {
            ["BDMV/INDEX.BDM"] = "INDX0100", ["BDMV/MOVIEOBJ.BDM"] = "MOBJ0100", ["BDMV/PLAYLIST/00000.MPL"] = "MPLS0100",
            ["BDMV/CLIPINF/00000.CPI"] = "HDMV0100", ["BDMV/BACKUP/INDEX.BDM"] = "INDX0100", ["BDMV/BACKUP/CLIPINF/00000.CPI"] = "HDMV0100",
            ["AVCHDTN/THUMB.TDT"] = "TDT", ["AVCHDTN/THUMB.TID"] = "TID",
        };
        foreach (var (path, magic) in structures)
        {
            await File.WriteAllBytesAsync(Card(path), [.. Encoding.ASCII.GetBytes(magic), .. new byte[120]]);
        }

        await VideoClips.MakeAsync(Card("BDMV/STREAM/00000.MTS"), "-c:v", "libx264", "-f", "mpegts");
        // Folders of the user's own with the same names, outside a card's BDMV: indexed as any other.
        foreach (var (corpusFile, path) in new[] { ("jpeg/Canon_EOS_7D.jpg", "BACKUP/IMG_0001.jpg"), ("jpeg/Nikon_D1X.jpg", "card/PLAYLIST/DSC_0001.jpg") })
        {
            Directory.CreateDirectory(Path.GetDirectoryName(library.OriginalPath(path))!);
            File.Copy(TestPhotos.PathOf(corpusFile), library.OriginalPath(path));
        }

        var result = await library.IndexAsync();

        Assert.Empty(result.Problems);
        await using var db = library.OpenCatalog();
        var paths = await db.Files.Select(f => f.Path).ToListAsync();
        Assert.Equal(["BACKUP/IMG_0001.jpg", "card/PLAYLIST/DSC_0001.jpg", "card/PRIVATE/AVCHD/BDMV/STREAM/00000.MTS", TestPhotos.CanonJpeg],
            paths.Order(StringComparer.Ordinal));
        Assert.Equal(MediaType.Video, (await db.Files.SingleAsync(f => f.Path.EndsWith(".MTS"))).Type);
    }

    [Fact]
    public async Task ASonyCard_GivesItsClipsWithTheirMetadata_NotTheCamerasThumbnailsProxiesOrIndexes()
    {
        await using var library = await TestLibrary.CreateAsync([]);
        string Card(string path)
        {
            var full = library.OriginalPath(Path.Combine("sony", path));
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            return full;
        }

        await VideoClips.MakeAsync(Card("PRIVATE/M4ROOT/CLIP/C0001.MP4"), "-c:v", "libx264", "-metadata", "creation_time=2023-10-19T16:13:48Z");
        await File.WriteAllTextAsync(Card("PRIVATE/M4ROOT/CLIP/C0001M01.XML"),
            """<?xml version="1.0" encoding="UTF-8"?><NonRealTimeMeta><CreationDate value="2023-10-19T16:13:48+02:00"/></NonRealTimeMeta>""");
        // The camera's own thumbnail and proxy of that clip, and the card's index: Pixhaven makes its own thumbnails.
        File.Copy(TestPhotos.PathOf("jpeg/Canon_EOS_7D.jpg"), Card("PRIVATE/M4ROOT/THMBNL/C0001T01.JPG"));
        await VideoClips.MakeAsync(Card("PRIVATE/M4ROOT/SUB/C0001S03.MP4"), "-c:v", "libx264", "-s", "160x120");
        await File.WriteAllTextAsync(Card("PRIVATE/M4ROOT/MEDIAPRO.XML"), """<?xml version="1.0" encoding="UTF-8"?><MediaProfile xmlns="http://xmlns.sony.net/pro/metadata/mediaprofile"/>""");
        await File.WriteAllBytesAsync(Card("PRIVATE/M4ROOT/STATUS.BIN"), new byte[64]);
        await File.WriteAllBytesAsync(Card("DCIM/CANONMSC/M0100.CTG"), new byte[64]);

        var result = await library.IndexAsync();

        Assert.Empty(result.Problems);
        await using var db = library.OpenCatalog();
        var files = await db.Files.OrderBy(f => f.Path).ToListAsync();
        Assert.Equal(["sony/PRIVATE/M4ROOT/CLIP/C0001.MP4", "sony/PRIVATE/M4ROOT/CLIP/C0001M01.XML"], files.Select(f => f.Path));
        Assert.Single(await db.Photos.ToListAsync());
    }
}
