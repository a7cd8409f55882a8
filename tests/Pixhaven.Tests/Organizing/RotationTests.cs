using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using NetVips;
using Pixhaven.Core.Media.Thumbnails;
using Pixhaven.Tests.Infrastructure;

namespace Pixhaven.Tests.Organizing;

/// <summary>
/// Turning a photo that lies on its side: its thumbnails, size and face boxes turn, the turn survives re-indexing,
/// turning back restores the content's own thumbnails, and the original is never touched.
/// </summary>
public class RotationTests : IAsyncLifetime
{
    /// <summary>Where the catalog lives; the embedded SQLite file unless a subclass says otherwise.</summary>
    protected virtual IReadOnlyDictionary<string, string>? CatalogOptions => null;

    // Lightroom marked a face in this one's sidecar.
    private const string WithFace = "sidecar/IMG_5910.jpg";
    private const string Raw = "raw/Canon_PowerShot_S40_CRW_0113.CRW";
    private const string Video = "video/with-gps.mp4";
    private const string NothingToShow = "raw/Sony_ILCE-7M3.ARW"; // metadata only, no picture left in it

    private TestLibrary? _library;
    private LibraryServer? _server;
    private HttpClient Http => _server!.Http;
    private TestLibrary Library => _library!;

    public Task InitializeAsync() => Task.CompletedTask;

    /// <summary>A library of just these files, indexed, with a server: each test indexes only what it turns.</summary>
    private async Task StartAsync(params string[] files)
    {
        _library = await TestLibrary.CreateAsync(files, CatalogOptions);
        await Library.IndexAsync();
        _server = await LibraryServer.StartAsync(_library);
    }

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }

        if (_library is not null)
        {
            await Library.DisposeAsync();
        }
    }

    private async Task<JsonElement> Details(string uid) => await Json(await Http.GetAsync($"/api/v1/photos/{uid}"));

    private static async Task<JsonElement> Json(HttpResponseMessage response, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    private async Task<JsonElement> Turn(string uid, int degrees) => await Json(await Http.PatchAsJsonAsync($"/api/v1/photos/{uid}", new { rotate = degrees }));

    private static (int, int) Size(JsonElement details) => (details.GetProperty("width").GetInt32(), details.GetProperty("height").GetInt32());

    private static string Key(JsonElement details) => details.GetProperty("thumbnailHash").GetString()!;

    private static List<(double X, double Y, double W, double H)> Faces(JsonElement details) =>
        details.GetProperty("faces").EnumerateArray()
            .Select(f => (f.GetProperty("x").GetDouble(), f.GetProperty("y").GetDouble(), f.GetProperty("width").GetDouble(), f.GetProperty("height").GetDouble()))
            .ToList();

    /// <summary>How far a thumbnail is from the first turned clockwise by the degrees given, and from it turned the other way.</summary>
    private (double Near, double Far) Compare(string uprightKey, string turnedKey, int degrees)
    {
        var store = new ThumbnailStore(Library.Options.Values.ThumbnailCachePath);
        using var upright = Image.NewFromFile(store.PathFor(uprightKey, ThumbnailSize.Fit720));
        using var turned = Image.NewFromFile(store.PathFor(turnedKey, ThumbnailSize.Fit720));
        using var expected = degrees == 90 ? upright.Rot90() : upright.Rot270();
        using var wrong = degrees == 90 ? upright.Rot270() : upright.Rot90();
        Assert.Equal((expected.Width, expected.Height), (turned.Width, turned.Height));
        return ((turned - expected).Abs().Avg(), (turned - wrong).Abs().Avg());
    }

    [Fact]
    public async Task TurningAPhoto_TurnsItsThumbnailsSizeAndFaces_KeepsTheTurnAcrossReindexing_AndTurningBackRestoresIt()
    {
        await StartAsync(WithFace, "sidecar/IMG_5910.xmp");
        var uid = await Library.UidOf(WithFace);
        var original = await File.ReadAllBytesAsync(Library.OriginalPath(WithFace));
        var before = await Details(uid);
        var (width, height) = Size(before);
        var face = Assert.Single(Faces(before));

        var turned = await Turn(uid, 90);
        Assert.Equal((height, width), Size(turned));
        Assert.NotEqual(Key(before), Key(turned));
        var (near, far) = Compare(Key(before), Key(turned), 90);
        Assert.True(near < 8 && far > 3 * near, $"difference to a clockwise turn {near:0.0}, to a counter-clockwise one {far:0.0}");
        // The face box turns with the picture: what was its left edge is its top now.
        var turnedFace = Assert.Single(Faces(turned));
        Assert.Equal((1 - face.Y - face.H, face.X, face.H, face.W), turnedFace, new RoundedBox());
        // The XMP written to storage for other tools says so too: orientation 6 shows the upright file turned right.
        var written = Path.Combine(Library.Options.Values.SidecarPath, WithFace + ".xmp");
        Assert.Contains("<tiff:Orientation>6</tiff:Orientation>", await File.ReadAllTextAsync(written));

        await Library.IndexAsync(force: true);
        var reindexed = await Details(uid);
        Assert.Equal((Key(turned), Size(turned)), (Key(reindexed), Size(reindexed)));
        Assert.Equal(turnedFace, Assert.Single(Faces(reindexed)), new RoundedBox());

        var back = await Turn(uid, -90);
        Assert.Equal((Key(before), (width, height)), (Key(back), Size(back)));
        Assert.Equal(face, Assert.Single(Faces(back)), new RoundedBox());
        Assert.DoesNotContain("Orientation", await File.ReadAllTextAsync(written));
        Assert.Equal(original, await File.ReadAllBytesAsync(Library.OriginalPath(WithFace)));
    }

    [Theory]
    [InlineData(TestPhotos.Rotated)] // a JPEG turned by its EXIF orientation already: turned from the original
    [InlineData(TestPhotos.IphoneHeic)] // turned by its container: turned from its thumbnails
    [InlineData(Raw)] // shown by a converter's rendering: turned from its thumbnails
    public async Task Turns_AddUp_ForEveryKindOfStill(string path)
    {
        await StartAsync(path);
        var uid = await Library.UidOf(path);
        var before = await Details(uid);
        await Turn(uid, 180);
        var turned = await Turn(uid, 90);

        var (width, height) = Size(before);
        Assert.Equal((height, width), Size(turned));
        var (near, far) = Compare(Key(before), Key(turned), 270);
        Assert.True(near < 8 && far > 3 * near, $"difference to a counter-clockwise turn {near:0.0}, to a clockwise one {far:0.0}");
        Assert.Equal(Key(turned), Key(await Details(uid)));

        // A file alone (no sidecar to stack with) keeps its turn when it is read again.
        await Library.IndexAsync(force: true);
        var reindexed = await Details(uid);
        Assert.Equal((Key(turned), Size(turned)), (Key(reindexed), Size(reindexed)));
    }

    [Fact]
    public async Task ACopyTakingOverFromADeletedFile_KeepsThePhotosTurn()
    {
        await StartAsync(TestPhotos.Rotated);
        // Two copies of one photo: it shows the first; turned, then that file deleted, the second takes over.
        var copy = "orientation/older copies/" + Path.GetFileName(TestPhotos.Rotated);
        Directory.CreateDirectory(Path.GetDirectoryName(Library.OriginalPath(copy))!);
        File.Copy(Library.OriginalPath(TestPhotos.Rotated), Library.OriginalPath(copy));
        await Library.IndexAsync();
        var uid = await Library.UidOf(TestPhotos.Rotated);
        Assert.Equal(uid, await Library.UidOf(copy));
        var turned = await Turn(uid, 90);

        File.Delete(Library.OriginalPath(TestPhotos.Rotated));
        await Library.IndexAsync();
        var after = await Details(uid);
        Assert.Equal((Key(turned), Size(turned)), (Key(after), Size(after)));
        Assert.Equal(copy, after.GetProperty("files").EnumerateArray().Single(f => !f.GetProperty("missing").GetBoolean()).GetProperty("path").GetString());
    }

    [Fact]
    public async Task ASelection_IsTurnedInOneEdit_UpToTheLimit()
    {
        await StartAsync(WithFace, "sidecar/IMG_5910.xmp", TestPhotos.Rotated);
        var photos = new[] { await Library.UidOf(WithFace), await Library.UidOf(TestPhotos.Rotated) };
        var before = new List<(int, int)>();
        foreach (var uid in photos)
        {
            before.Add(Size(await Details(uid)));
        }

        using (var turned = await Http.PostAsJsonAsync("/api/v1/batch/photos/edit", new { photos, values = new { rotate = 90 } }))
        {
            Assert.Equal(2, (await Json(turned)).GetProperty("count").GetInt32());
        }

        for (var i = 0; i < photos.Length; i++)
        {
            Assert.Equal((before[i].Item2, before[i].Item1), Size(await Details(photos[i])));
        }

        var tooMany = photos.Concat(Enumerable.Range(0, 199).Select(n => $"p{n:D15}")).ToList();
        using var refused = await Http.PostAsJsonAsync("/api/v1/batch/photos/edit", new { photos = tooMany, values = new { rotate = 90 } });
        Assert.Contains("at most 200", (await Json(refused, HttpStatusCode.BadRequest)).GetProperty("error").GetString());
        Assert.Equal((before[0].Item2, before[0].Item1), Size(await Details(photos[0])));
    }

    [Fact]
    public async Task APhotoWithNothingToShow_StillTurnsItsSize()
    {
        await StartAsync(NothingToShow);
        var uid = await Library.UidOf(NothingToShow);
        var before = await Details(uid);
        Assert.Equal(JsonValueKind.Null, before.GetProperty("thumbnailHash").ValueKind);
        Assert.Equal((4000, 6000), Size(await Turn(uid, 90)));
        Assert.Equal((6000, 4000), Size(await Turn(uid, 270)));
    }

    [Fact]
    public async Task AVideo_OrATurnThatIsNotAQuarter_IsRefused_AndNothingChanges()
    {
        await StartAsync(Video, WithFace, "sidecar/IMG_5910.xmp");
        var video = await Library.UidOf(Video);
        var refused = await Json(await Http.PatchAsJsonAsync($"/api/v1/photos/{video}", new { rotate = 90, title = "turned" }), HttpStatusCode.BadRequest);
        Assert.Contains("only still photos can be turned", refused.GetProperty("error").GetString());
        Assert.NotEqual("turned", (await Details(video)).GetProperty("title").GetString());

        var photo = await Library.UidOf(WithFace);
        var before = await Details(photo);
        var crooked = await Json(await Http.PatchAsJsonAsync($"/api/v1/photos/{photo}", new { rotate = 45 }), HttpStatusCode.BadRequest);
        Assert.Contains("multiple of 90", crooked.GetProperty("error").GetString());
        Assert.Equal((Key(before), Size(before)), (Key(await Details(photo)), Size(await Details(photo))));
    }

    private sealed class RoundedBox : IEqualityComparer<(double, double, double, double)>
    {
        public bool Equals((double, double, double, double) a, (double, double, double, double) b) =>
            Math.Abs(a.Item1 - b.Item1) < 1e-3 && Math.Abs(a.Item2 - b.Item2) < 1e-3 && Math.Abs(a.Item3 - b.Item3) < 1e-3 && Math.Abs(a.Item4 - b.Item4) < 1e-3;

        public int GetHashCode((double, double, double, double) box) => 0;
    }
}
