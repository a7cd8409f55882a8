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
