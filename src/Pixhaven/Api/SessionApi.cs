using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Pixhaven.Core.Accounts;
using Pixhaven.Core.Model;
using Pixhaven.Core.Options;
using Pixhaven.Security;

namespace Pixhaven.Api;

/// <summary>Signing in and out, the current session, one's sessions and app passwords, and the first admin's setup.</summary>
public static class SessionApi
{
    public static RouteGroupBuilder MapSessionApi(this RouteGroupBuilder api)
    {
        api.MapPost("/session", SignIn).WithName("SignIn").AllowAnonymous()
            .WithSummary("Sign in with name and password; sets the session cookie. 429 with Retry-After after repeated failures");
        api.MapGet("/session", Current).WithName("GetSession").RequireAuthorization(AuthPolicies.View)
            .WithSummary("Who is signed in, the CSRF token for writes and the preview token for media URLs");
        api.MapDelete("/session", SignOut).WithName("SignOut").RequireAuthorization(AuthPolicies.View).WithSummary("Sign out: ends this session");
        api.MapGet("/sessions", List).WithName("ListSessions").RequireAuthorization(AuthPolicies.Account)
            .WithSummary("One's browser sessions and app passwords");
        api.MapDelete("/sessions/{uid}", Revoke).WithName("RevokeSession").RequireAuthorization(AuthPolicies.Account)
            .WithSummary("End one of one's sessions or app passwords");
        api.MapPost("/app-passwords", CreateAppPassword).WithName("CreateAppPassword").RequireAuthorization(AuthPolicies.Account)
            .WithSummary("A token for clients and scripts (bearer, or basic with any user name), limited to scopes: all, read, webdav. Shown once");
        api.MapPost("/setup", Setup).WithName("Setup").AllowAnonymous()
            .WithSummary("Create the first admin with the one-time token from the server log");
        return api;
    }

    public sealed record SignInRequest(string? Name, string? Password);

    /// <param name="MapTileUrl">The map's tile server, or null for the offline outlines.</param>
    public sealed record SessionInfo(UserSummaryInfo User, string CsrfToken, string PreviewToken, string DownloadToken, string AuthMode, bool ReadOnly, string? MapTileUrl);

    public sealed record UserSummaryInfo(string Uid, string Name, UserRole Role);

    public sealed record AppPasswordRequest(string? Name, IReadOnlyList<string>? Scopes);

    public sealed record AppPasswordCreated(string Token, SessionSummary Session);

    public sealed record SetupRequest(string? Token, string? Name, string? Password);

    public static async Task<Results<Ok<SessionInfo>, UnauthorizedHttpResult, JsonHttpResult<ApiError>>> SignIn(
        SignInRequest request, SessionService sessions, PreviewTokens previews, DownloadTokens downloads, PixhavenOptions options, HttpContext context,
        CancellationToken cancellationToken)
    {
        var result = await sessions.SignInAsync(request.Name ?? "", request.Password ?? "", ThrottledAnswers.Address(context), context.Request.Headers.UserAgent, cancellationToken);
        if (result.RetryAfter is { } wait)
        {
            return ThrottledAnswers.TooManyAttempts(context, wait, "failed sign-ins");
        }

        if (result.Token is not { } token || result.Session is not { } session)
        {
            return TypedResults.Json(new ApiError("wrong name or password"), statusCode: StatusCodes.Status401Unauthorized);
        }

        context.Response.Cookies.Append(SessionAuthenticationHandler.CookieName, token, new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Strict,
            Secure = context.Request.IsHttps,
            Path = "/",
            MaxAge = TimeSpan.FromHours(options.SessionMaxAgeHours),
            IsEssential = true,
        });
        return TypedResults.Ok(new SessionInfo(new UserSummaryInfo(session.UserUid, session.UserName, session.Role), session.CsrfToken,
            await previews.CurrentAsync(cancellationToken), await downloads.CurrentAsync(cancellationToken), options.AuthMode, options.ReadOnly,
            NullIfEmpty(options.MapTileUrl)));
    }

    private static string? NullIfEmpty(string value) => value.Length == 0 ? null : value;

    public static async Task<Ok<SessionInfo>> Current(
        ClaimsPrincipal user, PreviewTokens previews, DownloadTokens downloads, PixhavenOptions options, CancellationToken cancellationToken) =>
        TypedResults.Ok(new SessionInfo(
            new UserSummaryInfo(user.UserUid()!, user.Identity!.Name!, Enum.Parse<UserRole>(user.FindFirstValue(ClaimTypes.Role)!)),
            user.FindFirstValue(SessionClaims.Csrf)!, await previews.CurrentAsync(cancellationToken), await downloads.CurrentAsync(cancellationToken),
            options.AuthMode, options.ReadOnly, NullIfEmpty(options.MapTileUrl)));

    public static async Task<NoContent> SignOut(ClaimsPrincipal user, SessionService sessions, HttpContext context, CancellationToken cancellationToken)
    {
        if (user.SessionUid() is { } session && user.UserUid() is { } userUid)
        {
            await sessions.RevokeAsync(userUid, session, cancellationToken);
        }

        context.Response.Cookies.Delete(SessionAuthenticationHandler.CookieName, new CookieOptions { Path = "/" });
        return TypedResults.NoContent();
    }

    public static async Task<Ok<List<SessionSummary>>> List(ClaimsPrincipal user, SessionService sessions, CancellationToken cancellationToken) =>
        TypedResults.Ok(await sessions.ListAsync(user.UserUid()!, user.SessionUid(), cancellationToken));

    public static async Task<Results<NoContent, NotFound>> Revoke(string uid, ClaimsPrincipal user, SessionService sessions, CancellationToken cancellationToken) =>
        await sessions.RevokeAsync(user.UserUid()!, uid, cancellationToken) ? TypedResults.NoContent() : TypedResults.NotFound();

    public static async Task<Results<Created<AppPasswordCreated>, BadRequest<ApiError>>> CreateAppPassword(
        AppPasswordRequest request, ClaimsPrincipal user, SessionService sessions, CancellationToken cancellationToken)
    {
        try
        {
            var (token, summary) = await sessions.CreateAppPasswordAsync(user.Identity!.Name!, request.Name ?? "", request.Scopes ?? [], cancellationToken);
            return TypedResults.Created($"/api/v1/sessions/{summary.Uid}", new AppPasswordCreated(token, summary));
        }
        catch (AccountException e)
        {
            return TypedResults.BadRequest(new ApiError(e.Message));
        }
    }

    public static async Task<Results<Created<UserSummary>, BadRequest<ApiError>>> Setup(SetupRequest request, FirstAdmin firstAdmin, CancellationToken cancellationToken)
    {
        try
        {
            var admin = await firstAdmin.CompleteAsync(request.Token ?? "", request.Name ?? FirstAdmin.AdminName, request.Password ?? "", cancellationToken);
            return TypedResults.Created($"/api/v1/users/{admin.Name}", admin);
        }
        catch (AccountException e)
        {
            return TypedResults.BadRequest(new ApiError(e.Message));
        }
    }
}
