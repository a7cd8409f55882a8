using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using Pixhaven.Core.Model;
using Pixhaven.Tests.Infrastructure;

namespace Pixhaven.Tests.Api;

/// <summary>A selection downloaded as one ZIP of its originals.</summary>
public sealed class ZipDownloadTests : IAsyncLifetime
{
    private TestLibrary _library = null!;
    private LibraryServer _server = null!;

    public async Task InitializeAsync()
    {
        _library = await TestLibrary.CreateAsync(["jpeg/Canon_EOS_7D.jpg", "jpeg/Casio_EX-Z3.jpg"]);
        // The same file name in another folder, with other content: both must be in the ZIP.
        var other = Path.Combine(_library.Originals, "2019", "Canon_EOS_7D.jpg");
        Directory.CreateDirectory(Path.GetDirectoryName(other)!);
        File.Copy(TestPhotos.PathOf("jpeg/Apple_iPhone_4.jpg"), other);
        await _library.IndexAsync();
        _server = await LibraryServer.StartAsync(_library);
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        await _library.DisposeAsync();
    }

    private async Task<List<string>> AllUidsAsync()
    {
        var page = await _server.Http.GetFromJsonAsync<JsonElement>("/api/v1/photos?count=100");
        return page.GetProperty("photos").EnumerateArray().Select(p => p.GetProperty("uid").GetString()!).ToList();
    }

    [Fact]
    public async Task Selection_DownloadsAsAZip_OfItsOriginals_ByteForByte()
    {
        var uids = await AllUidsAsync();
        Assert.Equal(3, uids.Count);
        using var prepared = await _server.Http.PostAsJsonAsync("/api/v1/batch/photos/zip", new { photos = uids });
        Assert.Equal(HttpStatusCode.Created, prepared.StatusCode);
        var url = (await prepared.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("url").GetString()!;

        using var download = await _server.Http.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("application/zip", download.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("attachment", download.Content.Headers.ContentDisposition?.ToString());
        using var zip = new ZipArchive(new MemoryStream(await download.Content.ReadAsByteArrayAsync()));
        Assert.Equal(["Canon_EOS_7D (2).jpg", "Canon_EOS_7D.jpg", "Casio_EX-Z3.jpg"], zip.Entries.Select(e => e.FullName).Order().ToList());

        var originals = Directory.EnumerateFiles(_library.Originals, "*", SearchOption.AllDirectories).Select(HashOf).Order().ToList();
        var zipped = zip.Entries.Select(e => { using var s = e.Open(); return Convert.ToHexString(SHA256.HashData(s)); }).Order().ToList();
        Assert.Equal(originals, zipped);
    }

    [Fact]
    public async Task ZipUrl_ServesOnlyTheUserWhoPreparedIt_AndAnUnknownOneIs404()
    {
        await _server.EnsureUserAsync("viewer", "viewer password 1", UserRole.Viewer);
        var viewer = await _server.SignInAsync("viewer", "viewer password 1");
        using var prepared = await viewer.PostAsJsonAsync("/api/v1/batch/photos/zip", new { photos = (await AllUidsAsync()).Take(1) });
        Assert.Equal(HttpStatusCode.Created, prepared.StatusCode);
        var url = (await prepared.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("url").GetString()!;

        Assert.Equal(HttpStatusCode.NotFound, (await _server.Http.GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await _server.Anonymous.GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await viewer.GetAsync("/api/v1/zip/not-a-ticket")).StatusCode);
        using var zip = new ZipArchive(await viewer.GetStreamAsync(url));
        Assert.Single(zip.Entries);
    }

    [Fact]
    public async Task EmptySelection_Is400()
    {
        using var response = await _server.Http.PostAsJsonAsync("/api/v1/batch/photos/zip", new { photos = Array.Empty<string>() });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    private static string HashOf(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexString(SHA256.HashData(stream));
    }
}
