using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Pixhaven.Api;
using Pixhaven.Core.Catalog;
using Pixhaven.Core.Indexing;
using Pixhaven.Core.Jobs;
using Pixhaven.Core.Options;

namespace Pixhaven.Hosting;

/// <summary>Builds the web server: API, thumbnails, downloads and the web app, over the shared Core services.</summary>
public static class PixhavenServer
{
    public static async Task<WebApplication> BuildAsync(LoadedOptions loaded, CancellationToken cancellationToken = default)
    {
        var options = loaded.Values;
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            ContentRootPath = AppContext.BaseDirectory,
            WebRootPath = Path.Combine(AppContext.BaseDirectory, "wwwroot"),
        });
        builder.Logging.SetMinimumLevel(LogLevels.Parse(options.LogLevel));
        builder.Logging.AddFilter("Microsoft.EntityFrameworkCore", LogLevel.Warning);
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        builder.WebHost.UseKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = 64 * 1024);
        builder.WebHost.UseUrls($"http://{FormatHost(options.HttpHost)}:{options.HttpPort}");
        builder.Services.AddPixhaven(loaded);
        builder.Services.ConfigureHttpJsonOptions(json =>
        {
            json.SerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
            json.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
            json.SerializerOptions.DefaultIgnoreCondition = JsonIgnoreCondition.Never;
            // Numbers are numbers: the OpenAPI document (and the client generated from it) then says so too.
            json.SerializerOptions.NumberHandling = JsonNumberHandling.Strict;
            // Reflection-based metadata for our own types: the trimmed single-file build turns the default off, and
            // partial trimming keeps our assemblies whole, so this is safe there too.
            json.SerializerOptions.TypeInfoResolverChain.Add(new System.Text.Json.Serialization.Metadata.DefaultJsonTypeInfoResolver());
        });
        builder.Services.AddProblemDetails();
        builder.Services.AddOpenApi(OpenApiDocument.Name, OpenApiDocument.Configure);

        var app = builder.Build();
        await CatalogMigrator.MigrateAsync(app.Services.GetRequiredService<IDbContextFactory<CatalogDbContext>>(),
            app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Pixhaven.Catalog"), cancellationToken);

        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseDefaultFiles();
        app.UseStaticFiles();

        var api = app.MapGroup("/api/v1");
        api.MapStatusApi();
        api.MapPhotosApi();
        api.MapThumbnailsApi();
        api.MapLibraryApi();
        api.MapOrganizeApi();
        api.MapAlbumsApi();
        api.MapBrowseApi();
        app.MapOpenApi("/api/v1/openapi.json");
        api.MapFallback(() => TypedResults.NotFound());

        // The web app routes in the browser: unknown non-API paths serve index.html.
        app.MapFallbackToFile("index.html");

        if (options.IndexOnStart)
        {
            app.Lifetime.ApplicationStarted.Register(() =>
                app.Services.GetRequiredService<IndexJob>().TryStart(new IndexRequest(), app.Lifetime.ApplicationStopping));
        }

        return app;
    }

    private static string FormatHost(string host) => host.Contains(':', StringComparison.Ordinal) && !host.StartsWith('[') ? $"[{host}]" : host;
}
