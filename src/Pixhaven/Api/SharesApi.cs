using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Pixhaven.Core.Media.Thumbnails;
using Pixhaven.Core.Media.Video;
using Pixhaven.Core.Options;
using Pixhaven.Core.Organizing;
using Pixhaven.Core.Scanning;
using Pixhaven.Core.Sharing;
using Pixhaven.Security;

namespace Pixhaven.Api;

/// <summary>
/// Share links: owners make, list and revoke them (organise level); guests open them under <c>/api/v1/s/{token}</c>,
/// where every answer comes from the link's own photos and nothing else.
/// </summary>
public static class SharesApi
{
    public static RouteGroupBuilder MapSharesApi(this RouteGroupBuilder api)
    {
        api.MapPost("/shares", Create).WithName("CreateShare")
            .WithSummary("Share an album or a selection: a random link, optional password and expiry, view-only unless download is allowed. The token is shown once");
        api.MapGet("/shares", List).WithName("ListShares").RequireAuthorization(AuthPolicies.Organize).WithSummary("Every share link with its visit count");
        api.MapDelete("/shares/{uid}", Revoke).WithName("RevokeShare").WithSummary("Revoke a share link: it stops working at once");

        api.MapGet("/s/{token}", Open).AllowAnonymous().Produces<ShareInfo>().WithName("OpenShare").WithSummary("What a share link holds; counts a visit. 410 once expired");
        var guest = api.MapGroup("/s/{token}").AllowAnonymous();
        guest.MapPost("/unlock", Unlock).WithName("UnlockShare").WithSummary("Give a password-protected link's password; sets a cookie for this link");
        guest.MapGet("/photos", Photos).Produces<SharedPhotoPage>().WithName("ListSharedPhotos").WithSummary("The link's photos, paged");
        guest.MapMethods("/photos/{uid}/t/{size}", [HttpMethods.Get, HttpMethods.Head], Thumbnail).WithName("GetSharedThumbnail")
            .WithSummary("A thumbnail of one of the link's photos");
        guest.MapMethods("/photos/{uid}/download", [HttpMethods.Get, HttpMethods.Head], Download).WithName("DownloadShared")
            .WithSummary("The original of one of the link's photos, when the link allows downloads");
        guest.MapMethods("/photos/{uid}/video", [HttpMethods.Get, HttpMethods.Head], Video).WithName("PlaySharedVideo")
            .WithSummary("One of the link's videos as the browser plays it (watching is viewing: view-only links play them too)");
        guest.MapGet("/photos/{uid}/video/progress", VideoProgress).WithName("SharedVideoProgress")
            .WithSummary("Whether one of the link's videos is being transcoded for browsers, and the share done");
        guest.MapMethods("/photos/{uid}/animation", [HttpMethods.Get, HttpMethods.Head], Animation).WithName("PlaySharedAnimation")
            .WithSummary("One of the link's animated GIFs or WebPs as it is");
        return api;
    }

    public sealed record ShareCreated(string Token, string Url, ShareSummary Share);

    public sealed record UnlockRequest(string? Password);

    public static async Task<Results<Created<ShareCreated>, BadRequest<ApiError>>> Create(
        ShareRequest request, ClaimsPrincipal user, ShareService shares, HttpContext context, CancellationToken cancellationToken)
    {
        try
        {
            var (token, summary) = await shares.CreateAsync(request, user.UserUid() is "public" ? null : user.UserUid(), cancellationToken);
            var url = $"{context.Request.Scheme}://{context.Request.Host}/s/{token}";
            return TypedResults.Created($"/api/v1/shares/{summary.Uid}", new ShareCreated(token, url, summary));
        }
        catch (Exception e) when (e is OrganizeException or Core.Accounts.AccountException)
        {
            return TypedResults.BadRequest(new ApiError(e.Message));
        }
    }

    public static async Task<Ok<List<ShareSummary>>> List(ShareService shares, CancellationToken cancellationToken) =>
        TypedResults.Ok(await shares.ListAsync(cancellationToken));

    public static async Task<Results<NoContent, NotFound>> Revoke(string uid, ShareService shares, CancellationToken cancellationToken) =>
        await shares.RevokeAsync(uid, cancellationToken) ? TypedResults.NoContent() : TypedResults.NotFound();

    public static async Task<IResult> Open(string token, ShareService shares, HttpContext context, CancellationToken cancellationToken)
    {
        var (link, refusal) = await AdmitAsync(token, shares, context, requireUnlock: false, cancellationToken);
        return link is null ? refusal! : TypedResults.Ok(await shares.VisitAsync(link, cancellationToken));
    }

    public static async Task<IResult> Unlock(string token, UnlockRequest request, ShareService shares, HttpContext context, CancellationToken cancellationToken)
    {
        var (link, refusal) = await AdmitAsync(token, shares, context, requireUnlock: false, cancellationToken);
        if (link is null)
        {
            return refusal!;
        }

        var (unlocked, wait) = shares.Unlock(link, request.Password ?? "", ThrottledAnswers.Address(context));
        if (wait is { } retry)
        {
            return ThrottledAnswers.TooManyAttempts(context, retry, "wrong passwords");
        }

        if (!unlocked)
        {
            return TypedResults.Json(new ApiError("wrong password"), statusCode: StatusCodes.Status401Unauthorized);
        }

        context.Response.Cookies.Append(CookieName(link.Uid), ShareService.UnlockKey(link), new CookieOptions
        {
            HttpOnly = true, SameSite = SameSiteMode.Strict, Secure = context.Request.IsHttps, Path = "/api/v1/s/", IsEssential = true,
            Expires = link.ExpiresAt,
        });
        return TypedResults.NoContent();
    }

    public static async Task<IResult> Photos(string token, int? count, long? after, ShareService shares, HttpContext context, CancellationToken cancellationToken)
    {
        var (link, refusal) = await AdmitAsync(token, shares, context, requireUnlock: true, cancellationToken);
        return link is null ? refusal! : TypedResults.Ok(await shares.PhotosAsync(link, count ?? 100, after ?? -1, cancellationToken));
    }

    public static async Task<IResult> Thumbnail(
        string token, string uid, string size, ShareService shares, ThumbnailStore store, ThumbnailGenerator generator, HttpContext context, CancellationToken cancellationToken)
    {
        var (link, refusal) = await AdmitAsync(token, shares, context, requireUnlock: true, cancellationToken);
        if (link is null)
        {
            return refusal!;
        }

        if (ThumbnailSize.Find(size) is not { } thumbnailSize || await shares.FindPhotoAsync(link, uid, cancellationToken) is not { ThumbnailHash: { } hash }
            || store.PathFor(hash, thumbnailSize) is not { } path || (!File.Exists(path) && !generator.DeriveMissing(hash, thumbnailSize)))
        {
            return TypedResults.NotFound();
        }

        // Per link, and the link can be revoked: browsers may keep it a while, shared caches not at all.
        context.Response.Headers.CacheControl = "private, max-age=3600";
        return TypedResults.PhysicalFile(path, "image/jpeg");
    }

    public static async Task<IResult> Download(string token, string uid, ShareService shares, PixhavenOptions options, HttpContext context, CancellationToken cancellationToken)
    {
        var (link, refusal) = await AdmitAsync(token, shares, context, requireUnlock: true, cancellationToken);
        if (link is null)
        {
            return refusal!;
        }

        if (!link.AllowDownload)
        {
            return TypedResults.Json(new ApiError("this link is view-only"), statusCode: StatusCodes.Status403Forbidden);
        }

        var file = (await shares.FindPhotoAsync(link, uid, cancellationToken))?.Files.FirstOrDefault(f => f.Primary && !f.Missing);
        return file is not null && SafePaths.ResolveFile(options.OriginalsFullPath, file.Path) is { } path
            ? TypedResults.PhysicalFile(path, file.Mime ?? "application/octet-stream", Path.GetFileName(path), enableRangeProcessing: true)
            : TypedResults.NotFound();
    }

    public static async Task<IResult> Video(
        string token, string uid, string? codecs, ShareService shares, PixhavenOptions options, VideoTranscoder transcoder, MotionPhotoExtractor motion,
        HttpContext context, CancellationToken cancellationToken)
    {
        var (link, refusal) = await AdmitAsync(token, shares, context, requireUnlock: true, cancellationToken);
        return link is null ? refusal! : await PhotosApi.VideoOfAsync(await shares.FindPhotoAsync(link, uid, cancellationToken), codecs, options, transcoder, motion, cancellationToken);
    }

    public static async Task<IResult> VideoProgress(string token, string uid, ShareService shares, VideoTranscoder transcoder, HttpContext context, CancellationToken cancellationToken)
    {
        var (link, refusal) = await AdmitAsync(token, shares, context, requireUnlock: true, cancellationToken);
        if (link is null)
        {
            return refusal!;
        }

        return await shares.FindPhotoAsync(link, uid, cancellationToken) is { } photo
            ? TypedResults.Ok(PhotosApi.ConversionOf(photo, transcoder))
            : TypedResults.NotFound();
    }

    public static async Task<IResult> Animation(string token, string uid, ShareService shares, PixhavenOptions options, HttpContext context, CancellationToken cancellationToken)
    {
        var (link, refusal) = await AdmitAsync(token, shares, context, requireUnlock: true, cancellationToken);
        return link is null ? refusal! : PhotosApi.AnimationOf(await shares.FindPhotoAsync(link, uid, cancellationToken), options);
    }

    /// <summary>Unknown or revoked: 404; expired: 410; password not given yet: 401.</summary>
    private static async Task<(Core.Model.ShareLink? Link, IResult? Refusal)> AdmitAsync(
        string token, ShareService shares, HttpContext context, bool requireUnlock, CancellationToken cancellationToken)
    {
        var access = await shares.OpenAsync(token, cancellationToken);
        if (access is null)
        {
            return (null, TypedResults.Json(new ApiError("this link does not exist or was revoked"), statusCode: StatusCodes.Status404NotFound));
        }

        if (access.Expired)
        {
            return (null, TypedResults.Json(new ApiError("this link has expired"), statusCode: StatusCodes.Status410Gone));
        }

        var link = access.Link;
        if (requireUnlock && link.PasswordHash is not null
            && !Core.Accounts.Secrets.EqualInConstantTime(context.Request.Cookies[CookieName(link.Uid)], ShareService.UnlockKey(link)))
        {
            return (null, TypedResults.Json(new ApiError("this link needs its password (POST .../unlock)"), statusCode: StatusCodes.Status401Unauthorized));
        }

        return (link, null);
    }

    private static string CookieName(string shareUid) => "pixhaven_share_" + shareUid;
}
