using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Pixhaven.Core.Accounts;
using Pixhaven.Core.Model;
using Pixhaven.Tests.Infrastructure;

namespace Pixhaven.Tests.Organizing;

/// <summary>
/// With writable originals, deleting for good moves files into storage/trash, byte for byte, and never unlinks an
/// original whose copy is not safe; WebDAV /originals takes uploads and sends deleted or replaced files there too.
/// </summary>
public sealed class TrashTests : IAsyncLifetime
{
    private const string Stacked = "sidecar/IMG_5910.jpg";
    private const string Sidecar = "sidecar/IMG_5910.xmp";

    private TestLibrary _library = null!;
    private LibraryServer _server = null!;

    public async Task InitializeAsync()
    {
        _library = await TestLibrary.CreateAsync([TestPhotos.CanonJpeg, TestPhotos.GpsJpeg, Stacked, Sidecar],
            new Dictionary<string, string> { ["originals-writable"] = "true" });
        await _library.IndexAsync();
        _server = await LibraryServer.StartAsync(_library);
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        await _library.DisposeAsync();
    }

    private string TrashRoot => _library.Options.Values.TrashPath;

    private async Task<HttpResponseMessage> Batch(string action, params string[] uids) =>
        await _server.Http.PostAsJsonAsync($"/api/v1/batch/photos/{action}", new { photos = uids });

    /// <summary>Where a file of originals ended up in the trash (one batch folder per delete).</summary>
    private string? InTrash(string relative) =>
        Directory.Exists(TrashRoot) ? Directory.GetDirectories(TrashRoot).Select(b => Path.Combine(b, relative)).FirstOrDefault(File.Exists) : null;

    [Fact]
    public async Task Delete_MovesEveryFileOfTheStackToTheTrash_ByteForByte_AndTheNextIndexLeavesThemOut()
    {
        var uid = await _library.UidOf(Stacked);
        using (var live = await Batch("delete", uid))
        {
            Assert.Equal(HttpStatusCode.BadRequest, live.StatusCode); // archive first
        }

        Assert.Equal(HttpStatusCode.OK, (await Batch("archive", uid)).StatusCode);
        using (var deleted = await Batch("delete", uid))
        {
            Assert.Equal(HttpStatusCode.OK, deleted.StatusCode);
        }

        foreach (var relative in new[] { Stacked, Sidecar })
        {
            Assert.False(File.Exists(_library.OriginalPath(relative)), $"{relative} is still in originals");
            var trashed = InTrash(relative);
            Assert.True(trashed is not null, $"{relative} is not in the trash");
            Assert.Equal(await File.ReadAllBytesAsync(TestPhotos.PathOf(relative)), await File.ReadAllBytesAsync(trashed));
        }

        Assert.Empty(Directory.GetFiles(TrashRoot, ".*", SearchOption.AllDirectories)); // no temporaries left
        await using (var db = _library.OpenCatalog())
        {
            Assert.False(await db.Files.AnyAsync(f => f.Path == Stacked || f.Path == Sidecar));
            Assert.False(await db.Photos.AnyAsync(p => p.Uid == uid));
        }

        var again = await _library.IndexAsync();
        await using (var db = _library.OpenCatalog())
        {
            Assert.Equal(2, await db.Photos.CountAsync());
            Assert.False(await db.Files.AnyAsync(f => f.Path.StartsWith("sidecar/")), again.ToString());
        }
    }

    [Fact]
    public async Task Delete_KeepsAnOriginalThatChangedSinceIndexing_AndSaysSo()
    {
        var uid = await _library.UidOf(TestPhotos.CanonJpeg);
        var path = _library.OriginalPath(TestPhotos.CanonJpeg);
        await File.AppendAllTextAsync(path, "edited elsewhere");
        var changed = await File.ReadAllBytesAsync(path);

        Assert.Equal(HttpStatusCode.OK, (await Batch("archive", uid)).StatusCode);
        using var response = await Batch("delete", uid);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("changed since it was indexed", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(changed, await File.ReadAllBytesAsync(path));
        Assert.Null(InTrash(TestPhotos.CanonJpeg));
        await using var db = _library.OpenCatalog();
        Assert.NotNull((await db.Photos.SingleAsync(p => p.Uid == uid)).ArchivedAt);
    }

    [Fact]
    public async Task WebDav_Originals_TakeUploads_AndDeletedOrReplacedFilesGoToTheTrash()
    {
        await _server.EnsureUserAsync("sync", "sync password", UserRole.User);
        var token = (await _server.Server.Services.GetRequiredService<SessionService>()
            .CreateAppPasswordAsync("sync", "test", [TokenScopes.WebDav], CancellationToken.None)).Token;
        using var client = _server.NewClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"sync:{token}")));
        var gps = await File.ReadAllBytesAsync(TestPhotos.PathOf(TestPhotos.GpsJpeg));
        var canon = await File.ReadAllBytesAsync(TestPhotos.PathOf(TestPhotos.CanonJpeg));

        using (var folder = await client.SendAsync(new HttpRequestMessage(new HttpMethod("MKCOL"), "/webdav/originals/new")))
        {
            Assert.Equal(HttpStatusCode.Created, folder.StatusCode);
        }

        using (var put = await client.PutAsync("/webdav/originals/new/upload.jpg", new ByteArrayContent(gps)))
        {
            Assert.Equal(HttpStatusCode.Created, put.StatusCode);
        }

        Assert.Equal(gps, await File.ReadAllBytesAsync(_library.OriginalPath("new/upload.jpg")));

        // Replacing an original keeps the old bytes in the trash.
        using (var replace = await client.PutAsync($"/webdav/originals/{TestPhotos.CanonJpeg}", new ByteArrayContent(gps)))
        {
            Assert.Equal(HttpStatusCode.NoContent, replace.StatusCode);
        }

        Assert.Equal(canon, await File.ReadAllBytesAsync(InTrash(TestPhotos.CanonJpeg)!));

        using (var delete = await client.DeleteAsync("/webdav/originals/new"))
        {
            Assert.Equal(HttpStatusCode.NoContent, delete.StatusCode);
        }

        Assert.False(Directory.Exists(_library.OriginalPath("new")));
        Assert.Equal(gps, await File.ReadAllBytesAsync(InTrash("new/upload.jpg")!));
    }
}
