using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Pixhaven.Core.Accounts;
using Pixhaven.Core.Model;

namespace Pixhaven.Security;

/// <summary>
/// The three levels every API endpoint is put at: view (browse and download), organise (change the library) and admin
/// (users and settings). Reads default to view and writes to organise (<see cref="ProtectByMethod"/>).
/// </summary>
public static class AuthPolicies
{
    public const string View = "view";
    public const string Organize = "organize";
    public const string Admin = "admin";

    /// <summary>One's own sessions and app passwords: any role, but not from an app password limited to reading.</summary>
    public const string Account = "account";

    public static void Add(AuthorizationOptions options)
    {
        options.AddPolicy(View, p => p.RequireAuthenticatedUser().RequireAssertion(c => Allows(c.User, UserRole.Viewer, TokenScopes.Read)));
        options.AddPolicy(Organize, p => p.RequireAuthenticatedUser().RequireAssertion(c => Allows(c.User, UserRole.User, TokenScopes.All)));
        options.AddPolicy(Account, p => p.RequireAuthenticatedUser().RequireAssertion(c => Allows(c.User, UserRole.Viewer, TokenScopes.All)));
        options.AddPolicy(Admin, p => p.RequireAuthenticatedUser().RequireAssertion(c => Allows(c.User, UserRole.Admin, TokenScopes.All)));
    }

    /// <summary>
    /// Puts every endpoint of a group that has not chosen its own level at view (GET, HEAD) or organise (anything else),
    /// so a new write endpoint can never be left open by forgetting an attribute.
    /// </summary>
    public static TBuilder ProtectByMethod<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder
    {
        builder.Finally(endpoint =>
        {
            if (endpoint.Metadata.OfType<IAuthorizeData>().Any() || endpoint.Metadata.OfType<IAllowAnonymous>().Any())
            {
                return;
            }

            var methods = endpoint.Metadata.OfType<HttpMethodMetadata>().SelectMany(m => m.HttpMethods).ToList();
            var readOnly = methods.Count > 0 && methods.All(m => HttpMethods.IsGet(m) || HttpMethods.IsHead(m));
            endpoint.Metadata.Add(new AuthorizeAttribute(readOnly ? View : Organize));
        });
        return builder;
    }

    private static bool Allows(ClaimsPrincipal user, UserRole least, string scope) =>
        Enum.TryParse<UserRole>(user.FindFirstValue(ClaimTypes.Role), out var role) && role >= least
        && TokenScopes.Allows(user.FindFirstValue(SessionClaims.Scopes) ?? "", scope);
}
