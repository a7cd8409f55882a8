using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Pixhaven.Tests.Infrastructure;

namespace Pixhaven.Tests.Api;

/// <summary>
/// The committed api/openapi.json is what the server describes, and it describes every endpoint. After an API change,
/// regenerate it with <c>scripts/openapi.sh</c>.
/// </summary>
[Collection(CorpusGroup.Name)]
public class OpenApiTests(CorpusFixture corpus)
{
    private static string CommittedPath => Path.Combine(TestPhotos.RepositoryRoot, "api", "openapi.json");

    private async Task<JsonNode> Served() => JsonNode.Parse(await corpus.Http.GetStringAsync("/api/v1/openapi.json"))!;

    [Fact]
    public async Task CommittedDocument_MatchesTheServedOne()
    {
        var served = await Served();
        if (Environment.GetEnvironmentVariable("PIXHAVEN_UPDATE_OPENAPI") == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(CommittedPath)!);
            await File.WriteAllTextAsync(CommittedPath, served.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n");
        }

        Assert.True(File.Exists(CommittedPath), "api/openapi.json is missing: run scripts/openapi.sh");
        var committed = JsonNode.Parse(await File.ReadAllTextAsync(CommittedPath))!;
        Assert.True(JsonNode.DeepEquals(committed, served),
            "api/openapi.json differs from what the server describes: run scripts/openapi.sh and commit the result");
    }

    [Fact]
    public async Task Document_DescribesEveryApiEndpoint()
    {
        var paths = (await Served())["paths"]!.AsObject();
        var endpoints = corpus.Server.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Select(e => "/" + e.RoutePattern.RawText!.TrimStart('/'))
            .Where(p => p.StartsWith("/api/v1/", StringComparison.Ordinal) && !p.Contains("{*", StringComparison.Ordinal) && p != "/api/v1/openapi.json")
            .Distinct().ToList();
        Assert.True(endpoints.Count > 20);
        Assert.All(endpoints, e => Assert.True(paths.ContainsKey(e), $"{e} is not in the OpenAPI document"));
        Assert.Equal("Pixhaven API", (await Served())["info"]!["title"]!.GetValue<string>());
    }
}
