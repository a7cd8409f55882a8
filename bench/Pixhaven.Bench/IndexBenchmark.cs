using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace Pixhaven.Bench;

/// <summary>
/// Times, on the same files in one run: the reference vipsthumbnail making the same six sizes, exiftool reading the
/// metadata, and `pixhaven index` (first run and an unchanged re-run). Reports costs per photo and ratios, and appends
/// the result to docs/performance.md.
/// </summary>
public static class IndexBenchmark
{
    private static readonly (string Size, string Crop)[] Sizes =
        [("2560x1600", ""), ("1920x1200", ""), ("1280x1024", ""), ("720x720", ""), ("500x500", "--smartcrop centre"), ("224x224", "--smartcrop centre")];

    /// <param name="withReference">False skips vipsthumbnail and exiftool: for the re-index ratio on a large library,
    /// where the reference alone would take hours.</param>
    public static async Task<int> RunAsync(int photos, int megapixels, bool withReference)
    {
        var root = BenchEnvironment.RepositoryRoot();
        var corpus = BenchCorpus.Ensure(root, photos, megapixels);
        var work = Directory.CreateTempSubdirectory("pixhaven-bench-").FullName;
        try
        {
            var cores = Environment.ProcessorCount;
            var thumbnails = Path.Combine(work, "vips");
            Directory.CreateDirectory(thumbnails);
            var sizeCommands = string.Join("; ", Sizes.Select((s, i) => $"vipsthumbnail \"$f\" -s {s.Size} {s.Crop} -o \"{thumbnails}/$(basename \"$f\" .jpg)_{i}.jpg[Q=85]\""));
            var vips = !withReference ? null : await Measure($"ls {corpus}/*.jpg | xargs -P {cores} -I{{}} sh -c 'f={{}}; {sizeCommands}'");
            // A reference that did not run (vipsthumbnail not installed) would make any ratio look good or bad at will.
            var made = Directory.GetFiles(thumbnails).Length;
            if (vips is not null && made != photos * Sizes.Length)
            {
                throw new InvalidOperationException($"the reference made {made} of {photos * Sizes.Length} thumbnails: is vipsthumbnail (Debian's libvips-tools) installed?");
            }

            var exiftool = !withReference ? null : await Measure($"ls {corpus}/*.jpg | xargs -P {cores} -n 50 exiftool -json -q > /dev/null");

            var pixhaven = Path.Combine(root, "src", "Pixhaven", "bin", "Release", "net10.0", "pixhaven.dll");
            var storage = Path.Combine(work, "storage");
            var first = await Measure($"dotnet {pixhaven} index --originals {corpus} --storage {storage}");
            var second = await Measure($"dotnet {pixhaven} index --originals {corpus} --storage {storage}");
            var catalog = new FileInfo(Path.Combine(storage, "index.db")).Length;

            var report = new StringBuilder();
            var machine = BenchEnvironment.Machine();
            report.AppendLine(CultureInfo.InvariantCulture, $"### {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {photos} JPEGs of {megapixels} MP, {machine}");
            report.AppendLine();
            report.AppendLine("| run | wall s | CPU s | CPU s / photo | photos / s | peak RSS MB |");
            report.AppendLine("|---|---|---|---|---|---|");
            foreach (var (name, m) in new[] { ("vipsthumbnail, 6 sizes (reference)", vips), ("exiftool -json", exiftool), ("pixhaven index, first run", first), ("pixhaven index, unchanged", second) })
            {
                if (m is null)
                {
                    continue;
                }

                report.AppendLine(CultureInfo.InvariantCulture, $"| {name} | {m.Wall:0.00} | {m.Cpu:0.00} | {m.Cpu / photos:0.000} | {photos / m.Wall:0.0} | {m.PeakRssKb / 1024} |");
            }

            report.AppendLine();
            report.AppendLine(vips is null
                ? "- Reference not run (`--no-reference`): this run measures the re-index ratio"
                : string.Create(CultureInfo.InvariantCulture, $"- Pixhaven CPU per photo / vipsthumbnail CPU per photo: **{first.Cpu / vips.Cpu:0.00}x** (target at most 1.5x)"));
            report.AppendLine(CultureInfo.InvariantCulture, $"- Unchanged re-index / first run (wall): **{second.Wall / first.Wall:P1}** (target under 5%); CPU: {second.Cpu / first.Cpu:P1}");
            report.AppendLine(CultureInfo.InvariantCulture, $"- Peak RSS of the first run: {first.PeakRssKb / 1024} MB (target at most 1024 MB); catalog {catalog / 1024} KB");
            report.AppendLine(CultureInfo.InvariantCulture, $"- CPU busy during the first run: {first.Cpu / first.Wall / cores:P0} of {cores} cores");
            await BenchEnvironment.PublishAsync(root, report);
            return 0;
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    internal sealed record Measurement(double Wall, double Cpu, long PeakRssKb);

    /// <summary>Runs a shell command under /usr/bin/time: wall and CPU seconds of the command and all its children.</summary>
    internal static async Task<Measurement> Measure(string command)
    {
        var start = new ProcessStartInfo("/usr/bin/time", ["-f", "BENCH %e %U %S %M", "sh", "-c", command])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        await output;
        var line = errors.Split('\n').Last(l => l.StartsWith("BENCH ", StringComparison.Ordinal)).Split(' ');
        double Number(int i) => double.Parse(line[i], CultureInfo.InvariantCulture);
        return new Measurement(Number(1), Number(2) + Number(3), long.Parse(line[4], CultureInfo.InvariantCulture));
    }
}
