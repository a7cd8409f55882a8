using System.Security.Claims;

namespace Pixhaven.Security;

/// <summary>The claims our authentication handler puts on a request, and how to read them back.</summary>
public static class SessionClaims
{
    public const string Session = "pixhaven:session";
    public const string Scopes = "pixhaven:scopes";
    public const string Csrf = "pixhaven:csrf";

    /// <summary>How the request proved who it is: cookie, bearer, basic or public.</summary>
    public const string Via = "pixhaven:via";

    public static string? UserUid(this ClaimsPrincipal user) => user.FindFirstValue(ClaimTypes.NameIdentifier);

    public static string? SessionUid(this ClaimsPrincipal user) => user.FindFirstValue(Session);
}
