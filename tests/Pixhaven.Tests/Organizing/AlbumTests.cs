using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Pixhaven.Tests.Infrastructure;

namespace Pixhaven.Tests.Organizing;

/// <summary>Albums over HTTP: create, fill, order, cover, search by album, rename and delete.</summary>
public class AlbumTests : IAsyncLifetime
{
    /// <summary>Where the catalog lives; the embedded SQLite file unless a subclass says otherwise.</summary>
    protected virtual IReadOnlyDictionary<string, string>? CatalogOptions => null;

    private static readonly string[] Files = [TestPhotos.GpsJpeg, TestPhotos.CanonJpeg, TestPhotos.OffsetJpeg, TestPhotos.Rotated];

    private TestLibrary _library = null!;
    private LibraryServer _server = null!;

    private HttpClient Http => _server.Http;
    private List<string> _uids = null!;

    public async Task InitializeAsync()
    {
        _library = await TestLibrary.CreateAsync(Files, CatalogOptions);
        await _library.IndexAsync();
        _server = await LibraryServer.StartAsync(_library);
        await using var db = _library.OpenCatalog();
        var byPath = await db.Files.Include(f => f.Photo).ToDictionaryAsync(f => f.Path, f => f.Photo!.Uid);
        _uids = Files.Select(f => byPath[f]).ToList();
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        await _library.DisposeAsync();
    }

    private static async Task<JsonElement> Json(HttpResponseMessage response, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{(int)response.StatusCode}: {body}");
        return body.Length == 0 ? default : JsonDocument.Parse(body).RootElement.Clone();
    }

    private async Task<List<string>> AlbumPhotos(string album, int count = 1000)
    {
        var result = new List<string>();
        string? after = null;
        do
        {
            var page = await Json(await Http.GetAsync($"/api/v1/albums/{album}/photos?count={count}{(after is null ? "" : $"&after={after}")}"));
            result.AddRange(page.GetProperty("photos").EnumerateArray().Select(p => p.GetProperty("uid").GetString()!));
            after = page.GetProperty("next").GetString();
        }
        while (after is not null);

        return result;
    }

    private async Task<List<string>> Search(string query)
    {
        var page = await Json(await Http.GetAsync($"/api/v1/photos?count=1000&q={Uri.EscapeDataString(query)}"));
        return page.GetProperty("photos").EnumerateArray().Select(p => p.GetProperty("uid").GetString()!).ToList();
    }

    private async Task<string> CreateAlbum(string title)
    {
        var created = await Json(await Http.PostAsJsonAsync("/api/v1/albums", new { title, description = "from a test" }), HttpStatusCode.Created);
        return created.GetProperty("uid").GetString()!;
    }

    [Fact]
    public async Task Album_FillOrderCoverSearchRenameDelete()
    {
        var album = await CreateAlbum("Summer 2023");
        var added = await Json(await Http.PostAsJsonAsync($"/api/v1/albums/{album}/photos", new { photos = new[] { _uids[2], _uids[0], _uids[1], _uids[0], "pmissing" } }));
        Assert.Equal(3, added.GetProperty("count").GetInt32());
        Assert.Equal([_uids[2], _uids[0], _uids[1]], await AlbumPhotos(album));
        Assert.Equal([_uids[2], _uids[0], _uids[1]], await AlbumPhotos(album, count: 1)); // paged one by one

        var summary = await Json(await Http.GetAsync($"/api/v1/albums/{album}"));
        Assert.Equal(3, summary.GetProperty("count").GetInt32());
        Assert.Equal(_uids[2], summary.GetProperty("coverUid").GetString()); // the first photo until a cover is chosen

        await Json(await Http.PutAsJsonAsync($"/api/v1/albums/{album}/order", new { photos = new[] { _uids[1], _uids[2] } }), HttpStatusCode.NoContent);
        Assert.Equal([_uids[1], _uids[2], _uids[0]], await AlbumPhotos(album));
        foreach (var (uid, index) in new[] { (_uids[1], 0), (_uids[2], 1), (_uids[0], 2) })
        {
            Assert.Equal(index, (await Json(await Http.GetAsync($"/api/v1/albums/{album}/photos/{uid}/position"))).GetProperty("index").GetInt32());
        }

        Assert.Equal(HttpStatusCode.NotFound, (await Http.GetAsync($"/api/v1/albums/{album}/photos/{_uids[3]}/position")).StatusCode);

        var covered = await Json(await Http.PatchAsJsonAsync($"/api/v1/albums/{album}", new { cover = _uids[0], title = "Summer '23" }));
        Assert.Equal(_uids[0], covered.GetProperty("coverUid").GetString());
        Assert.Equal("Summer '23", covered.GetProperty("title").GetString());
        var notInAlbum = await Json(await Http.PatchAsJsonAsync($"/api/v1/albums/{album}", new { cover = _uids[3] }), HttpStatusCode.BadRequest);
        Assert.Contains("not in this album", notInAlbum.GetProperty("error").GetString());

        Assert.Equal(_uids.Take(3).Order(), (await Search($"album:{album}")).Order());
        Assert.Equal(_uids.Take(3).Order(), (await Search("album:\"summer '23\"")).Order());
        Assert.Equal([_uids[3]], await Search($"-album:{album}"));
        var details = await Json(await Http.GetAsync($"/api/v1/photos/{_uids[0]}"));
        Assert.Equal(album, details.GetProperty("albums")[0].GetProperty("uid").GetString());

        using var remove = new HttpRequestMessage(HttpMethod.Delete, $"/api/v1/albums/{album}/photos") { Content = JsonContent.Create(new { photos = new[] { _uids[2] } }) };
        Assert.Equal(1, (await Json(await Http.SendAsync(remove))).GetProperty("count").GetInt32());
        Assert.Equal([_uids[1], _uids[0]], await AlbumPhotos(album));

        Assert.Equal(HttpStatusCode.NoContent, (await Http.DeleteAsync($"/api/v1/albums/{album}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Http.GetAsync($"/api/v1/albums/{album}")).StatusCode);
        Assert.Equal(4, (await Search("")).Count); // the photos stay
    }

    [Fact]
    public async Task Albums_ListedByTitle_WithCountsAndFacets()
    {
        var b = await CreateAlbum("Beta");
        var a = await CreateAlbum("Alpha");
        await Json(await Http.PostAsJsonAsync($"/api/v1/albums/{a}/photos", new { photos = _uids }));
        var list = (await Json(await Http.GetAsync("/api/v1/albums"))).EnumerateArray().ToList();
        Assert.Equal(["Alpha", "Beta"], list.Select(x => x.GetProperty("title").GetString()));
        Assert.Equal([4, 0], list.Select(x => x.GetProperty("count").GetInt32()));
        Assert.Equal(JsonValueKind.Null, list[1].GetProperty("coverUid").ValueKind);

        var facets = await Json(await Http.GetAsync("/api/v1/photos/facets"));
        var album = Assert.Single(facets.GetProperty("albums").EnumerateArray());
        Assert.Equal((a, 4), (album.GetProperty("value").GetString(), album.GetProperty("count").GetInt32()));
        Assert.NotEqual(a, b);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public async Task Album_WithoutTitle_Is400(string title) =>
        await Json(await Http.PostAsJsonAsync("/api/v1/albums", new { title }), HttpStatusCode.BadRequest);

    [Fact]
    public async Task Album_Unknown_Is404Everywhere()
    {
        Assert.Equal(HttpStatusCode.NotFound, (await Http.GetAsync("/api/v1/albums/anothere/photos")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Http.GetAsync($"/api/v1/albums/anothere/photos/{_uids[0]}/position")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Http.PostAsJsonAsync("/api/v1/albums/anothere/photos", new { photos = _uids })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Http.PatchAsJsonAsync("/api/v1/albums/anothere", new { title = "x" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Http.DeleteAsync("/api/v1/albums/anothere")).StatusCode);
    }
}
