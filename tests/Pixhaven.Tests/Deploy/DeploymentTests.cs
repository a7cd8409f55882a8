using k8s;
using k8s.Models;
using Pixhaven.Core.Options;
using Pixhaven.Tests.Infrastructure;
using YamlDotNet.RepresentationModel;

namespace Pixhaven.Tests.Deploy;

/// <summary>The Kubernetes manifests and the CI workflow, checked against the application's real options and commands.</summary>
public class DeploymentTests
{
    private static readonly string Root = TestPhotos.RepositoryRoot;

    private static List<object> LoadManifests()
    {
        var folder = Path.Combine(Root, "deploy", "kubernetes");
        var kustomization = new YamlStream();
        kustomization.Load(new StringReader(File.ReadAllText(Path.Combine(folder, "kustomization.yaml"))));
        var resources = ((YamlSequenceNode)((YamlMappingNode)kustomization.Documents[0].RootNode).Children[new YamlScalarNode("resources")])
            .Select(n => ((YamlScalarNode)n).Value!).ToList();
        Assert.Equal(Directory.GetFiles(folder, "*.yaml").Length - 1, resources.Count);
        return resources.SelectMany(r => KubernetesYaml.LoadAllFromString(File.ReadAllText(Path.Combine(folder, r)))).ToList();
    }

    [Fact]
    public void Manifests_UseTheAppsRealPortProbesVolumesAndOptions()
    {
        var objects = LoadManifests();
        var config = objects.OfType<V1ConfigMap>().Single();
        var statefulSet = objects.OfType<V1StatefulSet>().Single();
        var service = objects.OfType<V1Service>().Single();
        var claims = objects.OfType<V1PersistentVolumeClaim>().Select(c => c.Metadata.Name).ToHashSet();

        // Every variable is an option the program knows.
        var variables = OptionDefinitions.All.Select(d => d.EnvironmentVariable).ToHashSet();
        Assert.All(config.Data.Keys, key => Assert.Contains(key, variables));

        var container = statefulSet.Spec.Template.Spec.Containers.Single();
        var port = container.Ports.Single();
        Assert.Equal(int.Parse(config.Data["PIXHAVEN_HTTP_PORT"], System.Globalization.CultureInfo.InvariantCulture), port.ContainerPort);
        Assert.Equal("0.0.0.0", config.Data["PIXHAVEN_HTTP_HOST"]);
        foreach (var probe in new[] { container.StartupProbe, container.ReadinessProbe, container.LivenessProbe })
        {
            Assert.Equal("/api/v1/status", probe.HttpGet.Path);
            Assert.Equal(port.Name, probe.HttpGet.Port.Value);
        }

        // The configured folders are mounted volumes backed by claims that exist.
        var mounts = container.VolumeMounts.ToDictionary(m => m.MountPath, m => m.Name);
        var volumes = statefulSet.Spec.Template.Spec.Volumes.ToDictionary(v => v.Name, v => v.PersistentVolumeClaim.ClaimName);
        foreach (var variable in new[] { "PIXHAVEN_ORIGINALS_PATH", "PIXHAVEN_STORAGE_PATH", "PIXHAVEN_IMPORT_PATH" })
        {
            Assert.True(mounts.TryGetValue(config.Data[variable], out var volume), $"{variable} is not a mounted folder");
            Assert.Contains(volumes[volume], claims);
        }

        Assert.Equal(1, statefulSet.Spec.Replicas); // SQLite: one writer
        Assert.Equal(port.Name, service.Spec.Ports.Single().TargetPort.Value);
        Assert.Equal(statefulSet.Spec.Selector.MatchLabels, service.Spec.Selector);
    }

    [Fact]
    public void PostgresOverlay_PointsTheAppAtItsServer_WithTheConnectionStringFromTheSecret()
    {
        var folder = Path.Combine(Root, "deploy", "kubernetes", "postgres");
        var kustomization = new YamlStream();
        kustomization.Load(new StringReader(File.ReadAllText(Path.Combine(folder, "kustomization.yaml"))));
        var root = (YamlMappingNode)kustomization.Documents[0].RootNode;
        var resources = ((YamlSequenceNode)root.Children[new YamlScalarNode("resources")]).Select(n => ((YamlScalarNode)n).Value!).ToList();
        var patches = ((YamlSequenceNode)root.Children[new YamlScalarNode("patches")])
            .Select(n => ((YamlScalarNode)((YamlMappingNode)n).Children[new YamlScalarNode("path")]).Value!).ToList();
        Assert.Contains("../", resources);
        var objects = resources.Where(r => r != "../").Concat(patches)
            .SelectMany(r => KubernetesYaml.LoadAllFromString(File.ReadAllText(Path.Combine(folder, r)))).ToList();
        Assert.Equal(Directory.GetFiles(folder, "*.yaml").Length - 1, resources.Count - 1 + patches.Count);

        // The patches name objects of the base, and set only real options.
        var baseObjects = LoadManifests();
        var options = objects.OfType<V1ConfigMap>().Single();
        Assert.Equal(baseObjects.OfType<V1ConfigMap>().Single().Metadata.Name, options.Metadata.Name);
        Assert.Equal("postgres", options.Data["PIXHAVEN_DATABASE_DRIVER"]);
        var variables = OptionDefinitions.All.Select(d => d.EnvironmentVariable).ToHashSet();
        Assert.All(options.Data.Keys, key => Assert.Contains(key, variables));
        var app = objects.OfType<V1StatefulSet>().Single(s => s.Metadata.Name == baseObjects.OfType<V1StatefulSet>().Single().Metadata.Name);
        var container = app.Spec.Template.Spec.Containers.Single();
        Assert.Equal(baseObjects.OfType<V1StatefulSet>().Single().Spec.Template.Spec.Containers.Single().Name, container.Name);

        // The connection string comes from the Secret and reaches the PostgreSQL Service with the server's own credentials.
        var secret = objects.OfType<V1Secret>().Single();
        var reference = container.Env.Single(e => e.Name == "PIXHAVEN_DATABASE_DSN").ValueFrom.SecretKeyRef;
        Assert.Equal(secret.Metadata.Name, reference.Name);
        var dsn = new Npgsql.NpgsqlConnectionStringBuilder(secret.StringData[reference.Key]);
        var service = objects.OfType<V1Service>().Single();
        Assert.Equal(service.Metadata.Name, dsn.Host);
        Assert.Equal(service.Spec.Ports.Single().Port, dsn.Port);
        Assert.Equal(secret.StringData["POSTGRES_DB"], dsn.Database);
        Assert.Equal(secret.StringData["POSTGRES_USER"], dsn.Username);
        Assert.Equal(secret.StringData["POSTGRES_PASSWORD"], dsn.Password);
        var server = objects.OfType<V1StatefulSet>().Single(s => s.Metadata.Name != app.Metadata.Name);
        Assert.Equal(service.Spec.Selector, server.Spec.Selector.MatchLabels);
        Assert.Equal(secret.Metadata.Name, server.Spec.Template.Spec.Containers.Single().EnvFrom.Single().SecretRef.Name);
    }

    [Fact]
    public void Workflow_RunsTheReadmesTestCommand_AndBuildsTheBinaries()
    {
        var readme = File.ReadAllText(Path.Combine(Root, "README.md"));
        var quickStart = readme[readme.IndexOf("```sh", StringComparison.Ordinal)..];
        var testCommand = quickStart.Split('\n').Skip(1).Select(l => l.Split('#')[0].Trim()).First(l => l.Contains("test", StringComparison.Ordinal));

        var workflow = new YamlStream();
        workflow.Load(new StringReader(File.ReadAllText(Path.Combine(Root, ".github", "workflows", "ci.yml"))));
        var root = (YamlMappingNode)workflow.Documents[0].RootNode;
        var jobs = (YamlMappingNode)root.Children[new YamlScalarNode("jobs")];
        string[] Runs(string job) => ((YamlSequenceNode)((YamlMappingNode)jobs.Children[new YamlScalarNode(job)]).Children[new YamlScalarNode("steps")])
            .Cast<YamlMappingNode>()
            .Where(s => s.Children.ContainsKey(new YamlScalarNode("run")))
            .Select(s => ((YamlScalarNode)s.Children[new YamlScalarNode("run")]).Value!.Trim())
            .ToArray();

        Assert.Contains(testCommand, Runs("test"));
        Assert.Contains("deploy/binaries.sh", Runs("binaries"));
        Assert.True(root.Children.ContainsKey(new YamlScalarNode("on")));
        Assert.True(File.Exists(Path.Combine(Root, testCommand.TrimStart('.', '/'))), $"{testCommand} does not exist");
    }
}
