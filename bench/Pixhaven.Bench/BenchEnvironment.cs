namespace Pixhaven.Bench;

/// <summary>Where the repository is and what machine the benchmark runs on, for the reports.</summary>
internal static class BenchEnvironment
{
    public static string Machine()
    {
        var model = File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':')[1].Trim() ?? "unknown CPU";
        var memory = File.ReadLines("/proc/meminfo").First().Split(':')[1].Trim();
        return $"{Environment.ProcessorCount} cores ({model}), {memory} RAM";
    }

    /// <summary>Prints a benchmark's report and appends it to docs/performance.md, where the measured numbers are kept.</summary>
    public static async Task PublishAsync(string repositoryRoot, System.Text.StringBuilder report)
    {
        Console.WriteLine(report);
        await File.AppendAllTextAsync(Path.Combine(repositoryRoot, "docs", "performance.md"), Environment.NewLine + report);
    }

    public static string RepositoryRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "Pixhaven.slnx")))
        {
            folder = folder.Parent;
        }

        return folder?.FullName ?? throw new InvalidOperationException("run from inside the repository");
    }
}
