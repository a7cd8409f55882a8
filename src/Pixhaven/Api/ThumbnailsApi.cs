using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;
using Pixhaven.Core.Accounts;
using Pixhaven.Core.Media;
using Pixhaven.Core.Media.Thumbnails;

namespace Pixhaven.Api;

/// <summary>
/// Serves cached thumbnails by content hash, preview token and named size, immutable; never generates unknown variants.
/// No session is needed (so browsers and proxies may cache them), but without the token the URL cannot be guessed.
/// </summary>
public static class ThumbnailsApi
{
    public static RouteGroupBuilder MapThumbnailsApi(this RouteGroupBuilder api)
    {
        api.MapMethods("/t/{hash}/{token}/{size}", [HttpMethods.Get, HttpMethods.Head], GetThumbnail)
            .WithName("GetThumbnail").AllowAnonymous()
            .WithSummary("A thumbnail JPEG by content hash and named size (tile_224, tile_500, fit_360, fit_720, fit_1280, fit_1920, fit_2560)");
        return api;
    }

    public static async Task<Results<PhysicalFileHttpResult, NotFound>> GetThumbnail(
        string hash, string token, string size, ThumbnailStore store, ThumbnailGenerator generator, PreviewTokens previews, HttpContext context)
    {
        if (ThumbnailSize.Find(size) is not { } thumbnailSize || !ContentHasher.IsValidHash(hash)
            || !await previews.IsValidAsync(token, context.RequestAborted))
        {
            return TypedResults.NotFound();
        }

        var path = store.PathFor(hash, thumbnailSize);
        if (!File.Exists(path) && !generator.DeriveMissing(hash, thumbnailSize))
        {
            return TypedResults.NotFound();
        }

        // Content-addressed, and the cache version is part of the tag: the bytes behind this URL never change.
        context.Response.Headers.CacheControl = "public, max-age=31536000, immutable";
        var etag = new EntityTagHeaderValue($"\"{hash}-{thumbnailSize.Name}-v{ThumbnailSize.CacheVersion}\"");
        return TypedResults.PhysicalFile(path, "image/jpeg", entityTag: etag);
    }
}
