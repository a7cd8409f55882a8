using System.Net;
using Microsoft.Extensions.DependencyInjection;
using NetVips;
using Pixhaven.Core.Media;
using Pixhaven.Core.Media.Thumbnails;
using Pixhaven.Tests.Infrastructure;

namespace Pixhaven.Tests.Api;

/// <summary>A size added after a library was indexed: it is made on first request from a larger cached one.</summary>
public sealed class ThumbnailSizeTests
{
    [Fact]
    public async Task MissingSize_IsMadeFromTheNextLargerThumbnail_OnFirstRequest_AndKept()
    {
        await using var library = await TestLibrary.CreateAsync([TestPhotos.CanonJpeg]);
        await library.IndexAsync();
        await using var server = await LibraryServer.StartAsync(library);
        var store = library.Services.GetRequiredService<ThumbnailStore>();
        var hash = Path.GetFileName(Directory.GetFiles(Path.Combine(library.Storage, "cache", "thumbnails"), "*_fit_360.jpg", SearchOption.AllDirectories).Single())[..^"_fit_360.jpg".Length];
        var fit360 = store.PathFor(hash, ThumbnailSize.Fit360);
        var cache = new TemporaryFiles(store.Root);
        // As an older version left it: no fit_360 on disk.
        cache.Delete(fit360);

        using (var response = await server.Anonymous.GetAsync(server.ThumbnailPath(hash, "fit_360")))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            using var image = Image.NewFromBuffer(await response.Content.ReadAsByteArrayAsync());
            Assert.Equal(360, Math.Max(image.Width, image.Height));
        }

        Assert.True(File.Exists(fit360));
        Assert.Empty(Directory.GetFiles(Path.GetDirectoryName(fit360)!, "*.tmp"));

        // With nothing larger to make it from, it stays missing rather than decoding the original in a request.
        foreach (var size in ThumbnailSize.All.Where(s => !s.Crop))
        {
            cache.Delete(store.PathFor(hash, size));
        }

        using var missing = await server.Anonymous.GetAsync(server.ThumbnailPath(hash, "fit_360"));
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }
}
