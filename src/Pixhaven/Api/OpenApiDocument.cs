using Microsoft.AspNetCore.OpenApi;

namespace Pixhaven.Api;

/// <summary>
/// The OpenAPI description of /api/v1, served at /api/v1/openapi.json and committed as api/openapi.json, from which
/// the web app's types are generated. Its content depends on the code only (no build version), so a drift test works.
/// </summary>
public static class OpenApiDocument
{
    public const string Name = "v1";

    public static void Configure(OpenApiOptions options) => options.AddDocumentTransformer((document, _, _) =>
    {
        document.Info.Title = "Pixhaven API";
        document.Info.Version = "1";
        document.Info.Description = "The HTTP API of Pixhaven, a self-hosted photo library server.";
        document.Servers?.Clear();
        return Task.CompletedTask;
    });
}
