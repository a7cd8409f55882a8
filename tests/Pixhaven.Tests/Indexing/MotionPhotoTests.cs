using System.Net;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Pixhaven.Core.Model;
using Pixhaven.Hosting;
using Pixhaven.Tests.Infrastructure;

namespace Pixhaven.Tests.Indexing;

/// <summary>
/// Samsung and Google motion photos: a video appended to the still. The corpus has none, so the tests build both
/// layouts from a real camera JPEG and a real phone MP4, the way the phones write them.
/// </summary>
public sealed class MotionPhotoTests : IAsyncLifetime
{
    private TestLibrary _library = null!;
    private byte[] _video = [];

    public async Task InitializeAsync()
    {
        _library = await TestLibrary.CreateAsync([]);
        var still = await File.ReadAllBytesAsync(TestPhotos.PathOf(TestPhotos.GpsJpeg));
        _video = await File.ReadAllBytesAsync(TestPhotos.PathOf("video/with-gps.mp4"));

        // Samsung: still, then the "MotionPhoto_Data" marker, then the MP4.
        await File.WriteAllBytesAsync(_library.OriginalPath("samsung.jpg"), [.. still, .. "MotionPhoto_Data"u8, .. _video]);

        // Samsung's HEIC: the MP4 in a top-level "mpvd" box after the picture's boxes, with neither marker nor XMP. A box
        // after it is not part of the video.
        var heic = await File.ReadAllBytesAsync(TestPhotos.PathOf("heic/Samsung_SM-G975F.heic"));
        var size = _video.Length + 8;
        await File.WriteAllBytesAsync(_library.OriginalPath("samsung.heic"),
            [.. heic, (byte)(size >> 24), (byte)(size >> 16), (byte)(size >> 8), (byte)size, .. "mpvd"u8, .. _video, 0, 0, 0, 12, .. "free"u8, 1, 2, 3, 4]);

        // Google (older MVIMG): XMP GCamera:MicroVideo=1 with MicroVideoOffset = the video's length, counted from the end.
        var xmp = $"""<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description xmlns:GCamera="http://ns.google.com/photos/1.0/camera/" GCamera:MicroVideo="1" GCamera:MicroVideoVersion="1" GCamera:MicroVideoOffset="{_video.Length}"/></rdf:RDF></x:xmpmeta>""";
        await File.WriteAllBytesAsync(_library.OriginalPath("MVIMG_20190512_143011.jpg"), [.. WithXmp(still, xmp), .. _video]);
        await _library.IndexAsync();
    }

    public async Task DisposeAsync() => await _library.DisposeAsync();

    /// <summary>Inserts an XMP APP1 segment right after the JPEG's start marker.</summary>
    private static byte[] WithXmp(byte[] jpeg, string xmp)
    {
        var payload = Encoding.UTF8.GetBytes("http://ns.adobe.com/xap/1.0/\0" + xmp);
        var length = payload.Length + 2;
        return [.. jpeg[..2], 0xFF, 0xE1, (byte)(length >> 8), (byte)(length & 0xFF), .. payload, .. jpeg[2..]];
    }

    [Theory]
    [InlineData("samsung.jpg")]
    [InlineData("samsung.heic")]
    [InlineData("MVIMG_20190512_143011.jpg")]
    public async Task MotionPhoto_IsLive_AndItsVideoIsExtractedIntoStorage(string name)
    {
        await using var db = _library.OpenCatalog();
        var file = await db.Files.Include(f => f.Photo).SingleAsync(f => f.Path == name);
        Assert.True(file.EmbeddedVideo);
        Assert.Equal(MediaType.Live, file.Photo!.Type);

        await using var server = await LibraryServer.StartAsync(_library);
        using var response = await server.Http.GetAsync($"/api/v1/photos/{file.Photo.Uid}/video");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(_video, await response.Content.ReadAsByteArrayAsync());
        Assert.Equal(file.Size, new FileInfo(_library.OriginalPath(name)).Length); // the original is untouched
    }

    [Fact]
    public async Task MotionPhoto_WithHevcVideo_IsSentAsItIs_OnlyToBrowsersThatPlayHevc()
    {
        // Samsung phones set to HEVC embed it, as do iPhone Live Photos that Samsung's Smart Switch turned into motion photos.
        var still = await File.ReadAllBytesAsync(TestPhotos.PathOf(TestPhotos.CanonJpeg));
        var hevc = await File.ReadAllBytesAsync(TestPhotos.PathOf("livephoto/IMG_3589.mov"));
        await File.WriteAllBytesAsync(_library.OriginalPath("samsung-hevc.jpg"), [.. still, .. "MotionPhoto_Data"u8, .. hevc]);
        await _library.IndexAsync();
        await using var db = _library.OpenCatalog();
        var uid = (await db.Files.Include(f => f.Photo).SingleAsync(f => f.Path == "samsung-hevc.jpg")).Photo!.Uid;

        await using var server = await LibraryServer.StartAsync(_library);
        using var direct = await server.Http.GetAsync($"/api/v1/photos/{uid}/video?codecs=hevc");
        Assert.Equal(hevc, await direct.Content.ReadAsByteArrayAsync());
        using var transcoded = await server.Http.GetAsync($"/api/v1/photos/{uid}/video");
        Assert.Equal(HttpStatusCode.OK, transcoded.StatusCode);
        Assert.Equal("h264", await VideoCodec.OfAsync(await transcoded.Content.ReadAsByteArrayAsync()));
    }

    [Fact]
    public async Task OrdinaryJpeg_HasNoMotion()
    {
        File.Copy(TestPhotos.PathOf(TestPhotos.CanonJpeg), _library.OriginalPath("plain.jpg"));
        await _library.IndexAsync();
        await using var db = _library.OpenCatalog();
        var file = await db.Files.Include(f => f.Photo).SingleAsync(f => f.Path == "plain.jpg");
        Assert.False(file.EmbeddedVideo);
        Assert.Equal(MediaType.Image, file.Photo!.Type);
    }
}
