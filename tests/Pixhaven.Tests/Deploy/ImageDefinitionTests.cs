using Pixhaven.Core.Options;
using Pixhaven.Tests.Infrastructure;
using YamlDotNet.RepresentationModel;

namespace Pixhaven.Tests.Deploy;

/// <summary>
/// The Dockerfile, compose.yaml and the image job of the workflow, checked against the app's real options, port and
/// commands. The image itself is built and run by deploy/image/check.sh (see docs/image.md).
/// </summary>
public class ImageDefinitionTests
{
    private static readonly string Root = TestPhotos.RepositoryRoot;
    private static readonly string[] Dockerfile = File.ReadAllLines(Path.Combine(Root, "Dockerfile"));
    private static readonly HashSet<string> OptionVariables = OptionDefinitions.All.Select(o => o.EnvironmentVariable).ToHashSet(StringComparer.Ordinal);

    private static string[] Instructions(string keyword) =>
        Dockerfile.Where(l => l.StartsWith(keyword + " ", StringComparison.Ordinal)).Select(l => l[(keyword.Length + 1)..].Trim()).ToArray();

    [Fact]
    public void Dockerfile_IsMultiStage_WithNodeSdkFfmpegAndSlimRuntime()
    {
        var stages = Instructions("FROM");
        Assert.Equal(4, stages.Length);
        Assert.StartsWith("node:", stages[0], StringComparison.Ordinal);
        Assert.StartsWith("mcr.microsoft.com/dotnet/sdk:", stages[1], StringComparison.Ordinal);
        // ffmpeg is built on the runtime's own base, so that its binaries match the runtime's C library.
        Assert.StartsWith("mcr.microsoft.com/dotnet/runtime-deps:", stages[2], StringComparison.Ordinal);
        Assert.EndsWith(" AS ffmpeg", stages[2], StringComparison.Ordinal);
        Assert.Equal(stages[2].Split(' ')[0], stages[3]);
        // The runtime takes that slim build, not the distribution's ffmpeg package with its hundreds of megabytes.
        var runtime = string.Join('\n', Dockerfile.SkipWhile(l => l != "FROM " + stages[3]));
        Assert.Contains("COPY --from=ffmpeg /opt/ffmpeg/bin/ /usr/local/bin/", runtime, StringComparison.Ordinal);
        Assert.DoesNotMatch(@"apt-get install[^\n]* ffmpeg", runtime);
        Assert.True(File.Exists(Path.Combine(Root, "deploy", "image", "build-ffmpeg.sh")));
        // Package restores come before the sources, so a code change re-uses them.
        var text = string.Join('\n', Dockerfile);
        Assert.True(text.IndexOf("npm ci", StringComparison.Ordinal) < text.IndexOf("COPY web/ ./", StringComparison.Ordinal));
        Assert.True(text.IndexOf("dotnet restore", StringComparison.Ordinal) < text.IndexOf("COPY src/ src/", StringComparison.Ordinal));
    }

    [Fact]
    public void Dockerfile_RunsAsNonRoot_ExposesThePort_ChecksHealth_AndUsesRealOptions()
    {
        var user = Assert.Single(Instructions("USER"));
        Assert.DoesNotMatch(@"^(root|0)(:|$)", user);
        Assert.Equal([new PixhavenOptions().HttpPort.ToString(System.Globalization.CultureInfo.InvariantCulture)], Instructions("EXPOSE"));
        Assert.Contains("pixhaven\", \"status\"", Assert.Single(Instructions("HEALTHCHECK")), StringComparison.Ordinal);
        Assert.Equal("[\"start\"]", Assert.Single(Instructions("CMD")));
        Assert.Contains("org.opencontainers.image.version=\"${PIXHAVEN_VERSION}\"", string.Join('\n', Dockerfile), StringComparison.Ordinal);

        var environment = Dockerfile.SkipWhile(l => !l.StartsWith("ENV PIXHAVEN_", StringComparison.Ordinal))
            .TakeWhile(l => l.StartsWith("ENV ", StringComparison.Ordinal) || l.StartsWith("    ", StringComparison.Ordinal))
            .Select(l => l.Replace("ENV ", "", StringComparison.Ordinal).Trim().TrimEnd('\\').Trim())
            .Select(l => l.Split('=')).ToDictionary(p => p[0], p => p[1]);
        Assert.All(environment.Keys, k => Assert.Contains(k, OptionVariables));
        var volumes = Assert.Single(Instructions("VOLUME"));
        foreach (var folder in new[] { "PIXHAVEN_ORIGINALS_PATH", "PIXHAVEN_IMPORT_PATH", "PIXHAVEN_STORAGE_PATH" })
        {
            Assert.Contains($"\"{environment[folder]}\"", volumes, StringComparison.Ordinal);
        }

        Assert.Equal("0.0.0.0", environment["PIXHAVEN_HTTP_HOST"]);
    }

    private static Dictionary<string, YamlMappingNode> ComposeServices(string file)
    {
        var yaml = new YamlStream();
        yaml.Load(new StringReader(File.ReadAllText(Path.Combine(Root, file))));
        var services = (YamlMappingNode)((YamlMappingNode)yaml.Documents[0].RootNode).Children[new YamlScalarNode("services")];
        return services.Children.ToDictionary(s => ((YamlScalarNode)s.Key).Value!, s => (YamlMappingNode)s.Value);
    }

    private static Dictionary<string, string> Environment(YamlMappingNode service) =>
        ((YamlMappingNode)service.Children[new YamlScalarNode("environment")]).Children
            .ToDictionary(e => ((YamlScalarNode)e.Key).Value!, e => ((YamlScalarNode)e.Value).Value!);

    [Theory]
    [InlineData("compose.yaml")]
    [InlineData("compose.postgres.yaml")]
    public void Compose_MountsOriginalsReadOnly_AndSetsOnlyRealOptions(string file)
    {
        var service = ComposeServices(file)["pixhaven"];
        YamlNode Get(string key) => service.Children[new YamlScalarNode(key)];

        Assert.All(Environment(service).Keys, k => Assert.Contains(k, OptionVariables));
        var volumes = ((YamlSequenceNode)Get("volumes")).Select(v => ((YamlScalarNode)v).Value!).ToList();
        Assert.Contains(volumes, v => v.EndsWith(":/originals:ro", StringComparison.Ordinal));
        Assert.Contains(volumes, v => v.EndsWith(":/storage", StringComparison.Ordinal));
        Assert.Contains("2342:2342", ((YamlSequenceNode)Get("ports")).Select(p => ((YamlScalarNode)p).Value));
        Assert.Matches(@"^\d+:\d+$", ((YamlScalarNode)Get("user")).Value);
    }

    [Fact]
    public void ComposePostgres_ConnectsToItsOwnServer_WithTheSamePassword_OnceItIsHealthy()
    {
        var services = ComposeServices("compose.postgres.yaml");
        var app = Environment(services["pixhaven"]);
        var database = Environment(services["postgres"]);
        Assert.Equal("postgres", app["PIXHAVEN_DATABASE_DRIVER"]);

        var dsn = new Npgsql.NpgsqlConnectionStringBuilder(app["PIXHAVEN_DATABASE_DSN"]);
        Assert.Equal("postgres", dsn.Host);
        Assert.Equal(database["POSTGRES_DB"], dsn.Database);
        Assert.Equal(database["POSTGRES_USER"], dsn.Username);
        Assert.Equal(database["POSTGRES_PASSWORD"], dsn.Password); // the same variable, which compose requires to be set
        Assert.StartsWith("${POSTGRES_PASSWORD:?", dsn.Password, StringComparison.Ordinal);

        var dependsOn = (YamlMappingNode)services["pixhaven"].Children[new YamlScalarNode("depends_on")];
        Assert.Equal("service_healthy", ((YamlScalarNode)((YamlMappingNode)dependsOn.Children[new YamlScalarNode("postgres")]).Children[new YamlScalarNode("condition")]).Value);
        Assert.True(services["postgres"].Children.ContainsKey(new YamlScalarNode("healthcheck")));
    }

    [Fact]
    public void Workflow_PushesTheImageTaggedWithTheVersionAndLatest()
    {
        var workflow = File.ReadAllText(Path.Combine(Root, ".github", "workflows", "ci.yml"));
        var yaml = new YamlStream();
        yaml.Load(new StringReader(workflow));
        var jobs = (YamlMappingNode)((YamlMappingNode)yaml.Documents[0].RootNode).Children[new YamlScalarNode("jobs")];
        var image = (YamlMappingNode)jobs.Children[new YamlScalarNode("image")];
        Assert.Equal("test", ((YamlScalarNode)image.Children[new YamlScalarNode("needs")]).Value);
        var text = string.Join('\n', ((YamlSequenceNode)image.Children[new YamlScalarNode("steps")]).Select(s => s.ToString()));
        Assert.Contains("pixhaven:${{ steps.version.outputs.value }}", workflow, StringComparison.Ordinal);
        Assert.Contains("pixhaven:latest", workflow, StringComparison.Ordinal);
        Assert.Contains("file: Dockerfile", workflow, StringComparison.Ordinal);
        Assert.Contains("docker/build-push-action", text, StringComparison.Ordinal);
    }
}
