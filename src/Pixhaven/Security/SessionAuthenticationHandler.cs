using System.Net.Http.Headers;
using System.Security.Claims;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using Pixhaven.Core.Accounts;
using Pixhaven.Core.Model;
using Pixhaven.Core.Options;

namespace Pixhaven.Security;

/// <summary>
/// Finds the caller from the session cookie, a bearer token or HTTP basic with an app password (for WebDAV clients).
/// In public mode everyone is a signed-in admin.
/// </summary>
public sealed class SessionAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> schemeOptions, ILoggerFactory logger, UrlEncoder encoder,
    SessionService sessions, PixhavenOptions options)
    : AuthenticationHandler<AuthenticationSchemeOptions>(schemeOptions, logger, encoder)
{
    public const string SchemeName = "pixhaven";
    public const string CookieName = "pixhaven_session";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (options.PublicMode)
        {
            return Success(new ActiveSession("public", "public", "public", UserRole.Admin, SessionKind.Browser, TokenScopes.All, ""), "public");
        }

        var (token, via) = ReadToken();
        if (token is null)
        {
            return AuthenticateResult.NoResult();
        }

        var session = await sessions.ValidateAsync(token, Context.RequestAborted);
        if (session is null)
        {
            return AuthenticateResult.Fail("the session has ended or the token is not valid");
        }

        // A browser session's token travels only as a cookie; an app password never as one.
        var cookie = via == "cookie";
        return cookie == (session.Kind == SessionKind.Browser) ? Success(session, via) : AuthenticateResult.Fail("this token cannot be used this way");
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        // Basic only for WebDAV, so browsers do not pop up their own sign-in box over the web app.
        if (Request.PathBase.StartsWithSegments("/webdav") || Request.Path.StartsWithSegments("/webdav"))
        {
            Response.Headers.WWWAuthenticate = "Basic realm=\"Pixhaven\", charset=\"UTF-8\"";
        }

        return Response.WriteAsJsonAsync(new { error = "sign in first" });
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status403Forbidden;
        return Response.WriteAsJsonAsync(new { error = "your account may not do this" });
    }

    private (string? Token, string Via) ReadToken()
    {
        if (AuthenticationHeaderValue.TryParse(Request.Headers.Authorization, out var header) && header.Parameter is { } parameter)
        {
            if (header.Scheme.Equals("Bearer", StringComparison.OrdinalIgnoreCase))
            {
                return (parameter, "bearer");
            }

            if (header.Scheme.Equals("Basic", StringComparison.OrdinalIgnoreCase))
            {
                // user:app-password; the token alone identifies the user, the name is only what clients insist on sending.
                try
                {
                    var decoded = Encoding.UTF8.GetString(Convert.FromBase64String(parameter));
                    var colon = decoded.IndexOf(':', StringComparison.Ordinal);
                    return (colon < 0 ? null : decoded[(colon + 1)..], "basic");
                }
                catch (FormatException)
                {
                    return (null, "basic");
                }
            }
        }

        return Request.Cookies.TryGetValue(CookieName, out var cookie) ? (cookie, "cookie") : (null, "none");
    }

    private AuthenticateResult Success(ActiveSession session, string via)
    {
        var identity = new ClaimsIdentity(
            [
                new Claim(ClaimTypes.NameIdentifier, session.UserUid),
                new Claim(ClaimTypes.Name, session.UserName),
                new Claim(ClaimTypes.Role, session.Role.ToString()),
                new Claim(SessionClaims.Session, session.Uid),
                new Claim(SessionClaims.Scopes, session.Scopes),
                new Claim(SessionClaims.Csrf, session.CsrfToken),
                new Claim(SessionClaims.Via, via),
            ], SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }
}
