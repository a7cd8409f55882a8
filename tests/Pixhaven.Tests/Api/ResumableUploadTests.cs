using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Pixhaven.Core.Model;
using Pixhaven.Tests.Infrastructure;

namespace Pixhaven.Tests.Api;

/// <summary>Resumable uploads (tus 1.0.0): an upload cut off half-way continues from the byte the server has.</summary>
public sealed class ResumableUploadTests : IAsyncLifetime
{
    private TestLibrary _library = null!;
    private LibraryServer _server = null!;

    public async Task InitializeAsync()
    {
        _library = await TestLibrary.CreateAsync([], new Dictionary<string, string> { ["import-after-upload"] = "0" });
        _server = await LibraryServer.StartAsync(_library);
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        await _library.DisposeAsync();
    }

    private static string Meta(string key, string value) => $"{key} {Convert.ToBase64String(Encoding.UTF8.GetBytes(value))}";

    private async Task<Uri> CreateAsync(HttpClient client, string name, long length, string folder = "batch-1")
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/uploads");
        request.Headers.Add("Tus-Resumable", "1.0.0");
        request.Headers.Add("Upload-Length", length.ToString(System.Globalization.CultureInfo.InvariantCulture));
        request.Headers.Add("Upload-Metadata", $"{Meta("filename", name)},{Meta("folder", folder)}");
        using var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("1.0.0", response.Headers.GetValues("Tus-Resumable").Single());
        return response.Headers.Location!;
    }

    private static async Task<HttpResponseMessage> PatchAsync(HttpClient client, Uri location, long offset, byte[] bytes)
    {
        using var request = new HttpRequestMessage(HttpMethod.Patch, location) { Content = new ByteArrayContent(bytes) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/offset+octet-stream");
        request.Headers.Add("Tus-Resumable", "1.0.0");
        request.Headers.Add("Upload-Offset", offset.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return await client.SendAsync(request);
    }

    private static async Task<long> OffsetAsync(HttpClient client, Uri location)
    {
        using var request = new HttpRequestMessage(HttpMethod.Head, location);
        request.Headers.Add("Tus-Resumable", "1.0.0");
        using var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return long.Parse(response.Headers.GetValues("Upload-Offset").Single(), System.Globalization.CultureInfo.InvariantCulture);
    }

    [Fact]
    public async Task UploadCutOffHalfWay_ResumesFromTheServersOffset_AndLandsInImportWhole()
    {
        var photo = await File.ReadAllBytesAsync(TestPhotos.PathOf(TestPhotos.CanonJpeg));
        var location = await CreateAsync(_server.Http, "IMG_0001.jpg", photo.Length);
        var half = photo.Length / 2;

        using (var first = await PatchAsync(_server.Http, location, 0, photo[..half]))
        {
            Assert.Equal(HttpStatusCode.NoContent, first.StatusCode);
        }

        // Not in the inbox while incomplete: an import never sees half a photo.
        Assert.False(Directory.Exists(Path.Combine(_library.Options.Values.ImportFullPath, "batch-1")) &&
                     Directory.EnumerateFiles(Path.Combine(_library.Options.Values.ImportFullPath, "batch-1")).Any());
        Assert.Equal(half, await OffsetAsync(_server.Http, location));

        using (var stale = await PatchAsync(_server.Http, location, 0, photo))
        {
            Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        }

        using (var rest = await PatchAsync(_server.Http, location, half, photo[half..]))
        {
            Assert.Equal(HttpStatusCode.NoContent, rest.StatusCode);
            Assert.Equal(photo.Length.ToString(System.Globalization.CultureInfo.InvariantCulture), rest.Headers.GetValues("Upload-Offset").Single());
        }

        Assert.Equal(photo, await File.ReadAllBytesAsync(Path.Combine(_library.Options.Values.ImportFullPath, "batch-1", "IMG_0001.jpg")));
        Assert.Equal(HttpStatusCode.NotFound, (await _server.Http.SendAsync(new HttpRequestMessage(HttpMethod.Head, location))).StatusCode);
    }

    [Fact]
    public async Task TextNamedJpg_IsRefusedWhenComplete_AndNothingIsStored()
    {
        var text = Encoding.UTF8.GetBytes("#!/bin/sh\necho not a photo\n");
        var location = await CreateAsync(_server.Http, "evil.jpg", text.Length, "batch-2");
        using var response = await PatchAsync(_server.Http, location, 0, text);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.False(File.Exists(Path.Combine(_library.Options.Values.ImportFullPath, "batch-2", "evil.jpg")));
    }

    [Theory]
    [InlineData("../escape.jpg", "batch")]
    [InlineData("a.jpg", "../../etc")]
    [InlineData("a.jpg", "/tmp")]
    [InlineData("", "batch")]
    public async Task HostileNames_AreRefused(string name, string folder)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/uploads");
        request.Headers.Add("Tus-Resumable", "1.0.0");
        request.Headers.Add("Upload-Length", "10");
        request.Headers.Add("Upload-Metadata", $"{Meta("filename", name)},{Meta("folder", folder)}");
        using var response = await _server.Http.SendAsync(request);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task AnotherUsersUpload_IsNotFound_AndViewersCannotUpload()
    {
        var location = await CreateAsync(_server.Http, "IMG_0002.jpg", 100, "batch-3");
        await _server.EnsureUserAsync("carol", "carol password 1", UserRole.User);
        await _server.EnsureUserAsync("victor", "victor password 1", UserRole.Viewer);
        var carol = await _server.SignInAsync("carol", "carol password 1");
        using (var head = new HttpRequestMessage(HttpMethod.Head, location))
        {
            Assert.Equal(HttpStatusCode.NotFound, (await carol.SendAsync(head)).StatusCode);
        }

        var victor = await _server.SignInAsync("victor", "victor password 1");
        using var create = new HttpRequestMessage(HttpMethod.Post, "/api/v1/uploads");
        create.Headers.Add("Upload-Length", "10");
        create.Headers.Add("Upload-Metadata", Meta("filename", "x.jpg"));
        Assert.Equal(HttpStatusCode.Forbidden, (await victor.SendAsync(create)).StatusCode);
    }
}
