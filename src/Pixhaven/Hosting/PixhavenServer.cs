using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.HttpOverrides;
using Pixhaven.Api;
using Pixhaven.Core.Accounts;
using Pixhaven.Security;
using Pixhaven.Core.Catalog;
using Pixhaven.Core.Indexing;
using Pixhaven.Core.Jobs;
using Pixhaven.Core.Options;

namespace Pixhaven.Hosting;

/// <summary>Builds the web server: API, thumbnails, downloads and the web app, over the shared Core services.</summary>
public static class PixhavenServer
{
    /// <summary>The server, with the catalog being prepared: <c>StartAsync</c> returns once it is ready, or throws why it cannot be.</summary>
    public static WebApplication Build(LoadedOptions loaded, CancellationToken cancellationToken = default)
    {
        var options = loaded.Values;
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            ContentRootPath = AppContext.BaseDirectory,
            WebRootPath = Path.Combine(AppContext.BaseDirectory, "wwwroot"),
        });
        builder.Logging.SetMinimumLevel(LogLevels.Parse(options.LogLevel)).AddVisibleConsole();
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
        // A request that breaks a server limit (a body over the size allowed, say) is the client's error, not a 500.
        builder.Services.Configure<ExceptionHandlerOptions>(handler =>
            handler.StatusCodeSelector = e => e is BadHttpRequestException bad ? bad.StatusCode : StatusCodes.Status500InternalServerError);
        builder.Services.AddAuthentication(SessionAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, SessionAuthenticationHandler>(SessionAuthenticationHandler.SchemeName, null);
        builder.Services.AddAuthorization(AuthPolicies.Add);
        builder.Services.AddSingleton<ZipTickets>();
        builder.Services.AddSingleton<WebDav.WebDavPaths>();
        builder.Services.AddSingleton<WebDav.DeadProperties>();
        builder.Services.AddSingleton<WebDav.WebDavEntries>();
        builder.Services.AddSingleton<WebDav.WebDavProperties>();
        builder.Services.AddSingleton<WebDav.WebDavHandler>();
        builder.Services.Configure<ForwardedHeadersOptions>(forwarded => TrustedProxies.Configure(forwarded, options.TrustedProxies));
        builder.Services.AddOpenApi(OpenApiDocument.Name, OpenApiDocument.Configure);

        builder.Services.AddSingleton<CatalogStartup>();
        builder.Services.AddHostedService<CatalogStartup.HostedService>();
        builder.Services.AddHostedService<IndexJobShutdown>();
        builder.Services.AddHostedService<OverviewWarming>();
        // Kestrel and the catalog start side by side; the gate below holds requests until the catalog is ready.
        builder.Services.Configure<HostOptions>(host => host.ServicesStartConcurrently = true);

        var app = builder.Build();
        app.Services.GetRequiredService<CatalogStartup>().Begin(cancellationToken);

        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Pixhaven.Security");
        if (options.PublicMode)
        {
            logger.LogWarning("PUBLIC MODE: no sign-in. Anyone who can reach {Host}:{Port} can see, change and delete everything", options.HttpHost, options.HttpPort);
        }

        app.UseCatalogStartupGate();

        // Only with proxies listed: the middleware trusts every sender when its lists are empty.
        if (options.TrustedProxies.Length > 0)
        {
            app.UseForwardedHeaders();
        }

        app.UseSecurityHeaders(options);
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseDefaultFiles();
        app.UseStaticFiles();
        app.UseAuthentication();
        app.UseWriteGuards(options);
        app.UseAuthorization();
        app.Map(WebDav.WebDavPaths.Prefix, dav => dav.Run(context => context.RequestServices.GetRequiredService<WebDav.WebDavHandler>().HandleAsync(context)));

        var api = app.MapGroup("/api/v1").ProtectByMethod();
        api.MapSessionApi();
        api.MapUsersApi();
        api.MapStatusApi();
        api.MapPhotosApi();
        api.MapThumbnailsApi();
        api.MapLibraryApi();
        api.MapOrganizeApi();
        api.MapZipDownloadApi();
        api.MapUploadsApi();
        api.MapSettingsApi();
        api.MapAlbumsApi();
        api.MapBrowseApi();
        api.MapPeopleApi();
        api.MapSharesApi();
        app.MapOpenApi("/api/v1/openapi.json").AllowAnonymous();
        api.MapFallback(() => TypedResults.NotFound()).AllowAnonymous();

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
