using Microsoft.AspNetCore.Http.HttpResults;
using Pixhaven.Core.Options;
using Pixhaven.Security;

namespace Pixhaven.Api;

/// <summary>The options an admin may change while the server runs (see <see cref="RuntimeSettings"/>).</summary>
public static class SettingsApi
{
    public static RouteGroupBuilder MapSettingsApi(this RouteGroupBuilder api)
    {
        var admin = api.MapGroup("").RequireAuthorization(AuthPolicies.Admin);
        admin.MapGet("/settings", List).WithName("ListSettings")
            .WithSummary("Options that can change at run time: value, description, where the value comes from, and whether the server's own configuration locks it");
        admin.MapPatch("/settings", Change).WithName("ChangeSettings")
            .WithSummary("Change options at run time, e.g. {\"upload-max-mb\": \"2000\"}; each value is checked as its flag would be, and kept for the next start");
        return api;
    }

    public static Ok<IReadOnlyList<RuntimeSettings.Setting>> List(RuntimeSettings settings) => TypedResults.Ok(settings.List());

    public static Results<Ok<IReadOnlyList<RuntimeSettings.Setting>>, BadRequest<ApiError>> Change(Dictionary<string, string> values, RuntimeSettings settings)
    {
        try
        {
            foreach (var (name, value) in values)
            {
                settings.Set(name, value);
            }

            return TypedResults.Ok(settings.List());
        }
        catch (OptionsException e)
        {
            return TypedResults.BadRequest(new ApiError(e.Message));
        }
    }
}
