using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Pixhaven.Tests.Infrastructure;

namespace Pixhaven.Tests.Api;

/// <summary>The HTTP API over real Kestrel on loopback, against the indexed corpus.</summary>
[Collection(CorpusGroup.Name)]
public partial class ApiTests(CorpusFixture corpus)
{
    private HttpClient Http => corpus.Http;

    [GeneratedRegex(@"^\d{6}-([0-9a-f]{7}|unknown)-Linux-(x86_64|arm64)(-DEBUG)?$")]
    private static partial Regex VersionPattern();

    private async Task<JsonElement> GetJson(string url)
    {
        using var response = await Http.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private async Task<(string Uid, string Hash)> PhotoOf(string path)
    {
        await using var db = corpus.Library.OpenCatalog();
        var file = await db.Files.Include(f => f.Photo).SingleAsync(f => f.Path == path);
        return (file.Photo!.Uid, file.Hash!);
    }

    [Fact]
    public async Task Status_ReportsVersionCountsAndIndexState()
    {
        var status = await GetJson("/api/v1/status");
        Assert.Matches(VersionPattern(), status.GetProperty("version").GetString());
        var counts = status.GetProperty("counts");
        Assert.Equal(corpus.FirstRun.Indexed, counts.GetProperty("indexed").GetInt32() + counts.GetProperty("partial").GetInt32());
        Assert.Equal(corpus.FirstRun.Skipped, counts.GetProperty("skipped").GetInt32());
        Assert.Equal(corpus.FirstRun.Failed, counts.GetProperty("failed").GetInt32());
        Assert.True(counts.GetProperty("photos").GetInt32() > 90);
        Assert.False(status.GetProperty("index").GetProperty("running").GetBoolean());
        Assert.Equal(corpus.FirstRun.Found, status.GetProperty("index").GetProperty("lastRun").GetProperty("found").GetInt32());
    }

    [Fact]
    public async Task Photos_PageThroughEverything_NewestFirst_WithoutRepeats()
    {
        var seen = new List<(string Uid, DateTime TakenAt)>();
        string? after = null;
        var pages = 0;
        do
        {
            var page = await GetJson($"/api/v1/photos?count=7{(after is null ? "" : $"&after={after}")}");
            foreach (var photo in page.GetProperty("photos").EnumerateArray())
            {
                seen.Add((photo.GetProperty("uid").GetString()!, photo.GetProperty("takenAt").GetDateTime()));
                var hash = photo.GetProperty("thumbnailHash");
                Assert.True(hash.ValueKind == JsonValueKind.Null ? photo.GetProperty("type").GetString() == "raw" : Regex.IsMatch(hash.GetString()!, "^[0-9a-f]{32}$"),
                    "every photo has thumbnails, except RAW files of which nothing can be shown");
            }

            after = page.GetProperty("next").GetString();
            pages++;
        }
        while (after is not null && pages < 100);

        var status = await GetJson("/api/v1/status");
        Assert.Equal(status.GetProperty("counts").GetProperty("photos").GetInt32(), seen.Count);
        Assert.Equal(seen.Count, seen.Select(s => s.Uid).Distinct().Count());
        Assert.True(pages > 10);
    }

    [Theory]
    [InlineData("/api/v1/photos?count=0")]
    [InlineData("/api/v1/photos?count=5000")]
    [InlineData("/api/v1/photos?after=not-a-cursor")]
    [InlineData("/api/v1/photos?count=abc")]
    public async Task Photos_BadParameters_Are400(string url)
    {
        using var response = await Http.GetAsync(url);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Photo_HasAllMetadataAndFiles()
    {
        var (uid, hash) = await PhotoOf(TestPhotos.OffsetJpeg);
        var photo = await GetJson($"/api/v1/photos/{uid}");
        Assert.Equal(uid, photo.GetProperty("uid").GetString());
        Assert.Equal("Apple", photo.GetProperty("make").GetString());
        Assert.Equal("iPhone 13 Pro", photo.GetProperty("model").GetString());
        Assert.Equal("Apple iPhone 13 Pro", photo.GetProperty("camera").GetString());
        Assert.StartsWith("iPhone 13 Pro back", photo.GetProperty("lens").GetString(), StringComparison.Ordinal);
        Assert.Matches(@"^[+-]\d\d:\d\d$", photo.GetProperty("takenAtOffset").GetString());
        Assert.Equal(hash, photo.GetProperty("thumbnailHash").GetString());
        var file = photo.GetProperty("files").EnumerateArray().Single();
        Assert.Equal(TestPhotos.OffsetJpeg, file.GetProperty("path").GetString());
        Assert.Equal("image/jpeg", file.GetProperty("mime").GetString());
        Assert.True(file.GetProperty("primary").GetBoolean());
        Assert.Equal("indexed", file.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Photo_Unknown_Is404()
    {
        using var response = await Http.GetAsync("/api/v1/photos/pnotaphoto00000");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Thumbnail_IsAnImmutableJpeg_WithETag_And304()
    {
        var (_, hash) = await PhotoOf(TestPhotos.CanonJpeg);
        // No session needed: thumbnails are cacheable; the preview token in the path is what guards them.
        using var response = await corpus.Served.Anonymous.GetAsync(corpus.Served.ThumbnailPath(hash, "tile_224"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/jpeg", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("public, max-age=31536000, immutable", response.Headers.CacheControl?.ToString());
        var etag = response.Headers.ETag;
        Assert.NotNull(etag);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal([0xFF, 0xD8], bytes[..2]);

        using var conditional = new HttpRequestMessage(HttpMethod.Get, corpus.Served.ThumbnailPath(hash, "tile_224"));
        conditional.Headers.IfNoneMatch.Add(etag);
        using var notModified = await Http.SendAsync(conditional);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
    }

    [Theory]
    [InlineData("tile_999")]
    [InlineData("fit_100")]
    [InlineData("..")]
    [InlineData("TILE_224")]
    public async Task Thumbnail_UnknownSize_Is404_NeverGenerated(string size)
    {
        var (_, hash) = await PhotoOf(TestPhotos.CanonJpeg);
        using var response = await Http.GetAsync(corpus.Served.ThumbnailPath(hash, size));
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Theory]
    [InlineData("00000000000000000000000000000000")]
    [InlineData("..%2F..%2F..%2Fetc%2Fpasswd")]
    [InlineData("ZZZZ")]
    public async Task Thumbnail_UnknownOrHostileHash_Is404(string hash)
    {
        using var response = await Http.GetAsync(corpus.Served.ThumbnailPath(hash, "tile_224"));
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Download_ReturnsTheOriginalBytes()
    {
        var (uid, _) = await PhotoOf(TestPhotos.GpsJpeg);
        using var response = await Http.GetAsync($"/api/v1/photos/{uid}/download");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/jpeg", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        var sha256 = Convert.ToHexStringLower(SHA256.HashData(await response.Content.ReadAsByteArrayAsync()));
        Assert.Equal(TestPhotos.Expected[TestPhotos.GpsJpeg].Text("SHA256"), sha256);

        using var ranged = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/photos/{uid}/download");
        ranged.Headers.Range = new RangeHeaderValue(0, 1);
        using var partial = await Http.SendAsync(ranged);
        Assert.Equal(HttpStatusCode.PartialContent, partial.StatusCode);
        Assert.Equal([0xFF, 0xD8], await partial.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Problems_ListSkippedAndFailedFilesWithReasons()
    {
        var problems = await GetJson("/api/v1/files/problems");
        var byPath = problems.EnumerateArray().ToDictionary(p => p.GetProperty("path").GetString()!);
        Assert.Equal("skipped", byPath["broken/text_file.jpg"].GetProperty("status").GetString());
        Assert.Contains("not a photo", byPath["broken/text_file.jpg"].GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.Equal("failed", byPath["broken/corrupt.png"].GetProperty("status").GetString());
        Assert.DoesNotContain(TestPhotos.CanonJpeg, byPath.Keys);
        // When the file was read, so a client can tell problems of the last run from older ones.
        var readAt = byPath["broken/text_file.jpg"].GetProperty("readAt").GetDateTime();
        Assert.InRange(readAt, corpus.FirstRun.StartedAt, DateTime.UtcNow);
    }

    [Fact]
    public async Task UnknownApiRoute_Is404_ButAppRoutesServeTheWebApp()
    {
        using var api = await Http.GetAsync("/api/v1/nothing-here");
        Assert.Equal(HttpStatusCode.NotFound, api.StatusCode);

        using var root = await Http.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, root.StatusCode);
        Assert.Equal("text/html", root.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<div id=\"app\">", await root.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var deepLink = await Http.GetAsync("/library/some/view");
        Assert.Equal("text/html", deepLink.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("/api/v1/index?force=maybe")]
    [InlineData("/api/v1/import?copy=%00")]
    public async Task MalformedRequest_Is400_NotA500(string url)
    {
        using var response = await Http.PostAsync(url, null);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}
