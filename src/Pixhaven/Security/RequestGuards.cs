using System.Security.Claims;
using Pixhaven.Core.Options;

namespace Pixhaven.Security;

/// <summary>
/// Checks every request before it reaches an endpoint: security headers on every answer; writes refused in read-only
/// mode; cross-site writes refused; a cookie-authenticated write must carry the session's CSRF token.
/// </summary>
public static class RequestGuards
{
    public const string CsrfHeader = "X-CSRF-Token";

    /// <summary>Scripts only from our own files (the web app has no inline script); styles may be inline (Svelte sets them).</summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; media-src 'self' blob:; " +
        "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>Sign-in and sign-out stay possible in read-only mode.</summary>
    private static readonly PathString SessionPath = "/api/v1/session";

    /// <summary>The policy, with the map's tile server (when one is configured) as another source of images.</summary>
    public static string ContentSecurityPolicyFor(PixhavenOptions options) =>
        options.MapTileUrl.Length == 0
            ? ContentSecurityPolicy
            : ContentSecurityPolicy.Replace("img-src 'self' data: blob:;", $"img-src 'self' data: blob: {TileOrigin(options.MapTileUrl)};", StringComparison.Ordinal);

    /// <summary>The scheme and host of a tile URL template; a placeholder in the host ({s}.tile...) becomes a wildcard.</summary>
    private static string TileOrigin(string template)
    {
        var start = template.IndexOf("://", StringComparison.Ordinal) + 3;
        var end = template.IndexOf('/', start) is var slash and >= 0 ? slash : template.Length;
        var host = template[start..end];
        if (host.Contains('{', StringComparison.Ordinal))
        {
            host = host.IndexOf('.', StringComparison.Ordinal) is var dot and >= 0 ? "*" + host[dot..] : "*";
        }

        return $"{template[..(start - 3)]}://{host}";
    }

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app, PixhavenOptions options)
    {
        // The tile server may change at run time (the admin's settings): the policy follows it.
        var policy = (Tiles: options.MapTileUrl, Value: ContentSecurityPolicyFor(options));
        return app.Use((context, next) =>
    {
        if (!ReferenceEquals(policy.Tiles, options.MapTileUrl))
        {
            policy = (options.MapTileUrl, ContentSecurityPolicyFor(options));
        }

        var headers = context.Response.Headers;
        headers.ContentSecurityPolicy = policy.Value;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "same-origin";
        headers["Cross-Origin-Opener-Policy"] = "same-origin";
        headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), interest-cohort=()";
        return next(context);
    });
    }

    /// <summary>Runs after authentication, so it knows how the caller signed in.</summary>
    public static IApplicationBuilder UseWriteGuards(this IApplicationBuilder app, PixhavenOptions options) => app.Use(async (context, next) =>
    {
        var request = context.Request;
        if (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || HttpMethods.IsOptions(request.Method)
            || request.Method == "PROPFIND")
        {
            await next(context);
            return;
        }

        if (options.ReadOnly && !request.Path.StartsWithSegments(SessionPath) && !IsShareUnlock(request.Path) && !request.Path.Equals(ZipPath))
        {
            await Refuse(context, "the server is read-only: nothing can be changed from the web");
            return;
        }

        if (IsCrossSite(request))
        {
            await Refuse(context, "a write from another site is refused");
            return;
        }

        if (context.User.FindFirstValue(SessionClaims.Via) == "cookie"
            && !Core.Accounts.Secrets.EqualInConstantTime(request.Headers[CsrfHeader].ToString(), context.User.FindFirstValue(SessionClaims.Csrf)))
        {
            await Refuse(context, $"a write needs the {CsrfHeader} header of the session (GET /api/v1/session)");
            return;
        }

        await next(context);
    });

    /// <summary>Preparing a ZIP download reads the library and changes nothing.</summary>
    private static readonly PathString ZipPath = "/api/v1/batch/photos/zip";

    /// <summary>A guest giving a share link's password changes nothing.</summary>
    private static bool IsShareUnlock(PathString path) =>
        path.StartsWithSegments("/api/v1/s") && path.Value!.EndsWith("/unlock", StringComparison.Ordinal);

    /// <summary>Browsers say where a request comes from; another origin writing to us is an attack, not a feature.</summary>
    private static bool IsCrossSite(HttpRequest request)
    {
        if (request.Headers["Sec-Fetch-Site"].ToString() is "cross-site")
        {
            return true;
        }

        var origin = request.Headers.Origin.ToString();
        return origin.Length > 0 && (!Uri.TryCreate(origin, UriKind.Absolute, out var uri)
            || !string.Equals(uri.Authority, request.Host.Value, StringComparison.OrdinalIgnoreCase));
    }

    private static Task Refuse(HttpContext context, string message)
    {
        context.Response.StatusCode = StatusCodes.Status403Forbidden;
        return context.Response.WriteAsJsonAsync(new { error = message });
    }
}
