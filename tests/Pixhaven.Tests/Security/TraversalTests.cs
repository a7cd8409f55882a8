using System.Net;
using Microsoft.EntityFrameworkCore;
using Pixhaven.Core.Scanning;
using Pixhaven.Tests.Infrastructure;

namespace Pixhaven.Tests.Security;

/// <summary>Every file-serving route and the catalog's paths stay inside their folders, whatever a request or a link says.</summary>
public sealed class TraversalTests : IAsyncLifetime
{
    /// <summary>Plain, encoded, double-encoded, backslash, absolute and NUL forms of climbing out to /etc/passwd.</summary>
    public static TheoryData<string> HostileSegments { get; } =
    [
        "../../../../../../etc/passwd",
        "..%2F..%2F..%2F..%2F..%2F..%2Fetc%2Fpasswd",
        "..%252F..%252F..%252F..%252Fetc%252Fpasswd",
        "%2e%2e%2f%2e%2e%2f%2e%2e%2f%2e%2e%2fetc%2fpasswd",
        "..%5C..%5C..%5C..%5Cetc%5Cpasswd",
        "%2Fetc%2Fpasswd",
        "passwd%00.jpg",
        "....//....//....//etc/passwd",
    ];

    private TestLibrary _library = null!;
    private LibraryServer _server = null!;
    private string _hash = "";
    private string _uid = "";

    public async Task InitializeAsync()
    {
        _library = await TestLibrary.CreateAsync([TestPhotos.CanonJpeg]);
        await _library.IndexAsync();
        _server = await LibraryServer.StartAsync(_library);
        await using var db = _library.OpenCatalog();
        var file = await db.Files.Include(f => f.Photo).FirstAsync();
        (_hash, _uid) = (file.Hash!, file.Photo!.Uid);
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        await _library.DisposeAsync();
    }

    [Theory]
    [MemberData(nameof(HostileSegments))]
    public async Task FileRoutes_NeverServeAFileOutsideTheirFolder(string hostile)
    {
        string[] paths =
        [
            $"/api/v1/t/{hostile}/{_server.PreviewToken}/tile_224",
            $"/api/v1/t/{_hash}/{hostile}/tile_224",
            $"/api/v1/t/{_hash}/{_server.PreviewToken}/{hostile}",
            $"/api/v1/photos/{hostile}/download",
            $"/api/v1/dl/{hostile}/{_server.DownloadToken}",
            $"/api/v1/dl/{_hash}/{hostile}",
            $"/api/v1/photos/{hostile}/video",
            $"/api/v1/photos/{hostile}",
            $"/{hostile}",
            $"/assets/{hostile}",
            $"/api/v1/folders?path={hostile}",
        ];
        foreach (var path in paths)
        {
            using var response = await _server.Http.GetAsync(path);
            var body = await response.Content.ReadAsStringAsync();
            Assert.DoesNotContain("root:x:0:0", body, StringComparison.Ordinal);
            Assert.True(response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.BadRequest
                || (response.StatusCode == HttpStatusCode.OK && (body.Contains("<!doctype html>", StringComparison.OrdinalIgnoreCase) || path.Contains("folders", StringComparison.Ordinal))),
                $"{path} -> {(int)response.StatusCode}");
        }
    }

    [Fact]
    public async Task Download_RefusesAnOriginalSwappedForALinkOutside()
    {
        Assert.Equal(HttpStatusCode.OK, (await _server.Http.GetAsync($"/api/v1/photos/{_uid}/download")).StatusCode);
        var original = _library.OriginalPath(TestPhotos.CanonJpeg);
        var moved = Path.Combine(_library.Root, "elsewhere.jpg");
        File.Move(original, moved);
        File.CreateSymbolicLink(original, "/etc/passwd");
        try
        {
            using var response = await _server.Http.GetAsync($"/api/v1/photos/{_uid}/download");
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.DoesNotContain("root:x:0:0", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(original);
            File.Move(moved, original);
        }
    }

    [Fact]
    public void SafePaths_FollowLinksOfFilesAndFolders_AndKeepToTheRoot()
    {
        var root = Path.Combine(_library.Root, "safe");
        var outside = Path.Combine(_library.Root, "outside");
        Directory.CreateDirectory(Path.Combine(root, "album"));
        Directory.CreateDirectory(outside);
        File.WriteAllText(Path.Combine(root, "album", "a.jpg"), "inside");
        File.WriteAllText(Path.Combine(outside, "secret.jpg"), "outside");
        File.CreateSymbolicLink(Path.Combine(root, "inner-link.jpg"), Path.Combine("album", "a.jpg"));
        File.CreateSymbolicLink(Path.Combine(root, "outer-link.jpg"), Path.Combine(outside, "secret.jpg"));
        Directory.CreateSymbolicLink(Path.Combine(root, "linked-folder"), outside);
        Directory.CreateSymbolicLink(Path.Combine(root, "album", "up"), "..");
        File.CreateSymbolicLink(Path.Combine(root, "loop-a"), Path.Combine(root, "loop-b"));
        File.CreateSymbolicLink(Path.Combine(root, "loop-b"), Path.Combine(root, "loop-a"));

        Assert.NotNull(SafePaths.ResolveFile(root, "album/a.jpg"));
        Assert.NotNull(SafePaths.ResolveFile(root, "inner-link.jpg"));
        Assert.NotNull(SafePaths.ResolveFile(root, "album/up/album/a.jpg"));
        Assert.Null(SafePaths.ResolveFile(root, "outer-link.jpg"));
        Assert.Null(SafePaths.ResolveFile(root, "linked-folder/secret.jpg"));
        Assert.Null(SafePaths.ResolveFile(root, "../outside/secret.jpg"));
        Assert.Null(SafePaths.ResolveFile(root, Path.Combine(outside, "secret.jpg")));
        Assert.Null(SafePaths.ResolveFile(root, "album/a.jpg\0.png"));
        Assert.Null(SafePaths.ResolveFile(root, "loop-a"));
        Assert.Null(SafePaths.ResolveFile(root, "missing.jpg"));
    }
}
