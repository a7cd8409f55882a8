using Microsoft.AspNetCore.Http.HttpResults;
using Pixhaven.Core.Accounts;
using Pixhaven.Core.Model;
using Pixhaven.Security;

namespace Pixhaven.Api;

/// <summary>Admin only: users and their roles, and rotating the preview token. The same operations as <c>pixhaven users</c>.</summary>
public static class UsersApi
{
    public static RouteGroupBuilder MapUsersApi(this RouteGroupBuilder api)
    {
        var admin = api.MapGroup("").RequireAuthorization(AuthPolicies.Admin);
        admin.MapGet("/users", List).WithName("ListUsers").WithSummary("Every user with role");
        admin.MapPost("/users", Add).WithName("AddUser").WithSummary("Add a user with a password and a role (admin, user, viewer)");
        admin.MapPatch("/users/{name}", Update).WithName("UpdateUser").WithSummary("Change a user's role or password; a new password ends their sessions");
        admin.MapDelete("/users/{name}", Remove).WithName("RemoveUser").WithSummary("Remove a user and their sessions");
        admin.MapPost("/preview-token", RotatePreviewToken).WithName("RotatePreviewToken")
            .WithSummary("Make new preview and download tokens: every thumbnail and download URL handed out before stops working");
        return api;
    }

    public sealed record UserRequest(string? Name, string? Password, UserRole? Role);

    public sealed record PreviewTokenResponse(string PreviewToken, string DownloadToken);

    public static async Task<Ok<List<UserSummary>>> List(UserService users, CancellationToken cancellationToken) =>
        TypedResults.Ok(await users.ListAsync(cancellationToken));

    public static async Task<Results<Created<UserSummary>, BadRequest<ApiError>>> Add(UserRequest request, UserService users, CancellationToken cancellationToken)
    {
        try
        {
            var user = await users.AddAsync(request.Name ?? "", request.Password ?? "", request.Role ?? UserRole.User, cancellationToken);
            return TypedResults.Created($"/api/v1/users/{user.Name}", user);
        }
        catch (AccountException e)
        {
            return TypedResults.BadRequest(new ApiError(e.Message));
        }
    }

    public static async Task<Results<NoContent, BadRequest<ApiError>>> Update(string name, UserRequest request, UserService users, CancellationToken cancellationToken)
    {
        try
        {
            if (request.Role is { } role)
            {
                await users.SetRoleAsync(name, role, cancellationToken);
            }

            if (request.Password is { } password)
            {
                await users.SetPasswordAsync(name, password, cancellationToken);
            }

            return TypedResults.NoContent();
        }
        catch (AccountException e)
        {
            return TypedResults.BadRequest(new ApiError(e.Message));
        }
    }

    public static async Task<Results<NoContent, BadRequest<ApiError>>> Remove(string name, UserService users, CancellationToken cancellationToken)
    {
        try
        {
            await users.RemoveAsync(name, cancellationToken);
            return TypedResults.NoContent();
        }
        catch (AccountException e)
        {
            return TypedResults.BadRequest(new ApiError(e.Message));
        }
    }

    public static async Task<Ok<PreviewTokenResponse>> RotatePreviewToken(PreviewTokens previews, DownloadTokens downloads, CancellationToken cancellationToken) =>
        TypedResults.Ok(new PreviewTokenResponse(await previews.RotateAsync(cancellationToken), await downloads.RotateAsync(cancellationToken)));
}
