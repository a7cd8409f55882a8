using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Pixhaven.Bench;

/// <summary>
/// The server at rest and under load, on a seeded catalog: resident memory when idle, and cached tile_224 thumbnails
/// served per second under wrk (Debian package) on loopback. wrk and the server share the machine's cores.
/// </summary>
public static partial class ServeBenchmark
{
    private const string Hash = "0123456789abcdef0123456789abcdef";

    [GeneratedRegex(@"Requests/sec:\s+([\d.]+)")]
    private static partial Regex RequestsPerSecond();

    public static async Task<int> RunAsync(int photos)
    {
        var root = BenchEnvironment.RepositoryRoot();
        var pixhaven = Path.Combine(root, "src", "Pixhaven", "bin", "Release", "net10.0", "pixhaven.dll");
        var (originals, storage, catalog) = await SearchBenchmark.EnsureCatalogAsync(root, pixhaven, photos);

        // One real thumbnail in the cache, made by libvips from a test photo.
        var tile = Path.Combine(storage, "cache", "thumbnails", Hash[..2], Hash[2..4], $"{Hash}_tile_224.jpg");
        Directory.CreateDirectory(Path.GetDirectoryName(tile)!);
        using (var image = NetVips.Image.Thumbnail(Path.Combine(root, "tests", "data", "photos", "jpeg", "Canon_EOS_5D_Mark_III_K6A7945.JPG"), 224, height: 224,
                   crop: NetVips.Enums.Interesting.Centre))
        {
            image.Jpegsave(tile, q: 85);
        }

        // Start-up on an existing catalog, five times each, the median reported: the build output, whose own and NuGet
        // assemblies are compiled by the JIT at start, and a ReadyToRun publish, compiled ahead as the container's is.
        var startUps = await StartUpsAsync(pixhaven, originals, storage);
        var readyToRun = await PublishReadyToRunAsync(root);
        var readyToRunStartUps = await StartUpsAsync(readyToRun, originals, storage);

        await using var running = await SearchBenchmark.StartServerAsync(pixhaven, originals, storage);
        var (server, http) = (running.Process, running.Http);
        {
            // A user's first look: the first page and the status, then nothing for a while.
            (await http.GetAsync("/api/v1/photos?count=100")).Dispose();
            await Task.Delay(TimeSpan.FromSeconds(15));
            var (idleRss, _) = Memory(server.Id);

            using var session = System.Text.Json.JsonDocument.Parse(await http.GetStringAsync("/api/v1/session"));
            var url = $"{http.BaseAddress}api/v1/t/{Hash}/{session.RootElement.GetProperty("previewToken").GetString()}/tile_224";
            using var wrk = Process.Start(new ProcessStartInfo("wrk", ["-t", "2", "-c", "64", "-d", "20s", "--latency", url]) { RedirectStandardOutput = true })!;
            var output = await wrk.StandardOutput.ReadToEndAsync();
            await wrk.WaitForExitAsync();
            var rate = double.Parse(RequestsPerSecond().Match(output).Groups[1].Value, CultureInfo.InvariantCulture);
            var (loadedRss, peakRss) = Memory(server.Id);

            var report = new StringBuilder();
            report.AppendLine(CultureInfo.InvariantCulture, $"### {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, serving with {photos:N0} photos in the catalog, {BenchEnvironment.Machine()}");
            report.AppendLine();
            report.AppendLine("| measure | value | target |");
            report.AppendLine("|---|---|---|");
            report.AppendLine(CultureInfo.InvariantCulture,
                $"| start to first HTTP 200 on the existing catalog, ReadyToRun publish ({Describe(readyToRunStartUps)}) | {Median(readyToRunStartUps):0} ms | at most 1,000 ms: {(Median(readyToRunStartUps) <= 1000 ? "met" : "**missed**")} |");
            report.AppendLine(CultureInfo.InvariantCulture,
                $"| the same, build output compiled by the JIT ({Describe(startUps)}) | {Median(startUps):0} ms | |");
            report.AppendLine(CultureInfo.InvariantCulture, $"| idle RSS after the first page and 15 s | {idleRss / 1024} MB | at most 150 MB: {(idleRss / 1024 <= 150 ? "met" : "**missed**")} |");
            report.AppendLine(CultureInfo.InvariantCulture, $"| cached tile_224, wrk -t2 -c64 -d20s on loopback | {rate:N0} requests/s | at least 5,000: {(rate >= 5000 ? "met" : "**missed**")} |");
            report.AppendLine(CultureInfo.InvariantCulture, $"| RSS after the load (peak) | {loadedRss / 1024} MB ({peakRss / 1024} MB) | |");
            report.AppendLine();
            report.AppendLine("wrk and the server share the cores of the machine.");
            Console.WriteLine(output);
            await BenchEnvironment.PublishAsync(root, report);
            return 0;
        }

    }

    private static async Task<List<TimeSpan>> StartUpsAsync(string pixhaven, string originals, string storage)
    {
        var startUps = new List<TimeSpan>();
        for (var i = 0; i < 5; i++)
        {
            await using var probe = await SearchBenchmark.StartServerAsync(pixhaven, originals, storage);
            startUps.Add(probe.StartUp);
        }

        return startUps;
    }

    private static double Median(List<TimeSpan> times) => times.Order().ElementAt(times.Count / 2).TotalMilliseconds;

    private static string Describe(List<TimeSpan> times) => $"median of {times.Count}: {string.Join(", ", times.Select(s => $"{s.TotalMilliseconds:0} ms"))}";

    /// <summary>A framework-dependent ReadyToRun publish of the server, the way the container image compiles it.</summary>
    private static async Task<string> PublishReadyToRunAsync(string root)
    {
        var output = Path.Combine(root, "bench", ".corpus", "publish-r2r");
        using var publish = Process.Start(new ProcessStartInfo("dotnet",
            ["publish", Path.Combine(root, "src", "Pixhaven", "Pixhaven.csproj"), "-c", "Release", "-r", "linux-x64", "--self-contained", "false",
             "-p:PublishReadyToRun=true", "-p:PixhavenSkipWeb=true", "-o", output, "-nologo", "-v", "quiet"]))!;
        await publish.WaitForExitAsync();
        if (publish.ExitCode != 0)
        {
            throw new InvalidOperationException($"dotnet publish failed with exit code {publish.ExitCode}");
        }

        return Path.Combine(output, "pixhaven.dll");
    }

    /// <summary>Resident and peak resident memory of a process, in KB.</summary>
    private static (long Rss, long Peak) Memory(int pid)
    {
        long Field(string name) => long.Parse(File.ReadLines($"/proc/{pid}/status").First(l => l.StartsWith(name, StringComparison.Ordinal))
            .Split(':')[1].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
        return (Field("VmRSS"), Field("VmHWM"));
    }
}
