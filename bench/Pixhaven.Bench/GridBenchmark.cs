using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.Json;
using Microsoft.Playwright;

namespace Pixhaven.Bench;

/// <summary>
/// The web app's photo grid on a large catalog, in Debian's headless Chromium: the time from navigation to the first
/// screen of loaded thumbnails, and frame times while scrolling continuously through the timeline. The reference is the
/// same run on a catalog of 1,000 photos in the same script, so the ratios say what the size of the library costs.
/// Every seeded photo's thumbnail is a hard link to one of a dozen real JPEGs made by libvips, so images load as they would.
/// </summary>
public static partial class GridBenchmark
{
    private const int ReferencePhotos = 1_000;
    private const int Loads = 5;
    private static readonly TimeSpan ScrollFor = TimeSpan.FromSeconds(15);

    public static async Task<int> RunAsync(int photos)
    {
        var root = BenchEnvironment.RepositoryRoot();
        var pixhaven = Path.Combine(root, "src", "Pixhaven", "bin", "Release", "net10.0", "pixhaven.dll");
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"],
        });

        var reference = await MeasureAsync(root, pixhaven, browser, ReferencePhotos);
        var large = await MeasureAsync(root, pixhaven, browser, photos);

        var report = new StringBuilder();
        report.AppendLine(CultureInfo.InvariantCulture, $"### {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, the web grid on {photos:N0} photos (reference: {ReferencePhotos:N0}), {BenchEnvironment.Machine()}");
        report.AppendLine();
        report.AppendLine(CultureInfo.InvariantCulture, $"Chromium headless at 1280×900; first thumbnails: median of {Loads} fresh page loads until the first 12 tiles show a decoded image; scrolling: {ScrollFor.TotalSeconds:0} s of continuous scrolling at 3,000 px/s, new pages loading as they come into reach.");
        report.AppendLine();
        report.AppendLine("| measure | reference | large | large / reference |");
        report.AppendLine("|---|---|---|---|");
        Row("first thumbnails, median ms", reference.FirstThumbnails, large.FirstThumbnails);
        Row("frame time p50, ms", reference.FrameP50, large.FrameP50);
        Row("frame time p95, ms", reference.FrameP95, large.FrameP95);
        Row("frame time p99, ms", reference.FrameP99, large.FrameP99);
        Row("frames over 50 ms, %", reference.SlowFrames, large.SlowFrames);
        report.AppendLine(CultureInfo.InvariantCulture, $"| photos loaded after scrolling | {reference.Loaded:N0} | {large.Loaded:N0} | |");
        report.AppendLine(CultureInfo.InvariantCulture, $"| tiles in the DOM at the end | {reference.TilesInDom:N0} | {large.TilesInDom:N0} | |");
        report.AppendLine();
        var script = GridScriptSize(root);
        report.AppendLine(CultureInfo.InvariantCulture, $"JavaScript of the grid view: {script / 1024.0:0.0} KB gzip (target at most 250 KB: {(script <= 250 * 1024 ? "met" : "**missed**")}); the map loads on its own when Places opens.");
        await BenchEnvironment.PublishAsync(root, report);
        return 0;

        void Row(string name, double small, double big) =>
            report.AppendLine(CultureInfo.InvariantCulture, $"| {name} | {small:0.0} | {big:0.0} | {(small > 0 ? $"{big / small:0.00}x" : "–")} |");
    }

    private sealed record GridMeasures(double FirstThumbnails, double FrameP50, double FrameP95, double FrameP99, double SlowFrames, int Loaded, int TilesInDom);

    private static async Task<GridMeasures> MeasureAsync(string root, string pixhaven, IBrowser browser, int photos)
    {
        var (originals, storage, catalog) = await SearchBenchmark.EnsureCatalogAsync(root, pixhaven, photos);
        LinkThumbnails(root, storage, catalog);
        await using var server = await SearchBenchmark.StartServerAsync(pixhaven, originals, storage);

        // An untimed load first: the browser's and the server's first page are not what a user sees every day.
        await using (var warmUp = await browser.NewContextAsync())
        {
            var page = await warmUp.NewPageAsync();
            await page.GotoAsync(server.Http.BaseAddress!.ToString());
            await page.Locator("[data-testid=grid] img").First.WaitForAsync();
            await page.Mouse.WheelAsync(0, 20_000);
            await page.WaitForTimeoutAsync(2_000);
        }

        var firsts = new List<double>();
        for (var i = 0; i < Loads; i++)
        {
            await using var context = await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
            var page = await context.NewPageAsync();
            await page.GotoAsync(server.Http.BaseAddress!.ToString());
            firsts.Add(await page.EvaluateAsync<double>("""
                () => new Promise((resolve, reject) => {
                  setTimeout(() => reject(new Error('no thumbnails after 60 s')), 60000);
                  const check = () => {
                    const images = [...document.querySelectorAll('[data-testid=grid] img')].slice(0, 12);
                    if (images.length === 12 && images.every((i) => i.complete && i.naturalWidth > 0)) resolve(performance.now());
                    else requestAnimationFrame(check);
                  };
                  check();
                })
                """));
        }

        await using var scrolling = await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
        var grid = await scrolling.NewPageAsync();
        await grid.GotoAsync(server.Http.BaseAddress!.ToString());
        await grid.Locator("[data-testid=grid] img").First.WaitForAsync();
        var frames = await grid.EvaluateAsync<double[]>($$"""
            () => new Promise((resolve) => {
              const deltas = [];
              let last = performance.now();
              const end = last + {{ScrollFor.TotalMilliseconds}};
              const step = (now) => {
                deltas.push(now - last);
                window.scrollBy(0, 3 * (now - last));
                last = now;
                if (now < end) requestAnimationFrame(step); else resolve(deltas);
              };
              requestAnimationFrame(step);
            })
            """);
        var loaded = int.Parse(await grid.GetByTestId("grid-count").GetAttributeAsync("data-loaded") ?? "0", CultureInfo.InvariantCulture);
        var tiles = await grid.Locator("[data-testid=grid] .tile").CountAsync();
        var sorted = frames.Skip(1).Order().ToArray();
        double Percentile(double p) => sorted[Math.Min(sorted.Length - 1, (int)(p * sorted.Length))];
        return new GridMeasures(firsts.Order().ElementAt(firsts.Count / 2), Percentile(0.5), Percentile(0.95), Percentile(0.99),
            100.0 * sorted.Count(f => f > 50) / sorted.Length, loaded, tiles);
    }

    /// <summary>Every photo's grid thumbnails (fit_360, fit_720), as hard links to real JPEGs: the grid loads real images, at no disk cost.</summary>
    private static void LinkThumbnails(string root, string storage, string catalog)
    {
        var marker = Path.Combine(storage, "grid-thumbnails-linked");
        if (File.Exists(marker))
        {
            return;
        }

        // A few different photos, as a file system allows only so many links to one file (ext4: 65,000).
        var sources = Directory.GetFiles(Path.Combine(root, "tests", "data", "photos", "jpeg"), "*.jpg", SearchOption.TopDirectoryOnly)
            .Concat(Directory.GetFiles(Path.Combine(root, "tests", "data", "photos", "jpeg"), "*.JPG", SearchOption.TopDirectoryOnly))
            .Order(StringComparer.Ordinal).Take(12)
            .Select((photo, i) => new[] { 720, 360 }.Select(size =>
            {
                var source = Path.Combine(storage, $"bench-{i}-fit_{size}.jpg");
                using var image = NetVips.Image.Thumbnail(photo, size, height: size);
                image.Jpegsave(source, q: 82);
                return (size, source);
            }).ToArray()).ToArray();

        using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={catalog};Mode=ReadOnly");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT ThumbnailHash FROM photos WHERE ThumbnailHash IS NOT NULL";
        using var reader = command.ExecuteReader();
        for (var n = 0; reader.Read(); n++)
        {
            var hash = reader.GetString(0);
            foreach (var (size, source) in sources[n % sources.Length])
            {
                var target = Path.Combine(storage, "cache", "thumbnails", hash[..2], hash[2..4], $"{hash}_fit_{size}.jpg");
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                if (!File.Exists(target) && Link(source, target) != 0)
                {
                    throw new IOException($"link {target}: errno {System.Runtime.InteropServices.Marshal.GetLastPInvokeError()}");
                }
            }
        }

        File.WriteAllText(marker, "");
    }

    // .NET has no hard-link API; the benchmark runs on Linux.
    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "link", SetLastError = true)]
    private static extern int Link(string existing, string created);

    /// <summary>Gzip size of what index.html loads (the grid view); lazily imported chunks such as the map are not counted.</summary>
    internal static long GridScriptSize(string root)
    {
        var wwwroot = Path.Combine(root, "src", "Pixhaven", "wwwroot");
        var html = File.ReadAllText(Path.Combine(wwwroot, "index.html"));
        var assets = System.Text.RegularExpressions.Regex.Matches(html, "(?:src|href)=\"/(assets/[^\"]+\\.(?:js|css))\"").Select(m => m.Groups[1].Value).Distinct();
        long total = 0;
        foreach (var asset in assets)
        {
            using var output = new MemoryStream();
            using (var gzip = new GZipStream(output, CompressionLevel.SmallestSize, leaveOpen: true))
            {
                gzip.Write(File.ReadAllBytes(Path.Combine(wwwroot, asset)));
            }

            total += output.Length;
        }

        return total;
    }
}
