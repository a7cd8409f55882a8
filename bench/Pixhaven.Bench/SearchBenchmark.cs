using System.Buffers.Text;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Microsoft.Data.Sqlite;

namespace Pixhaven.Bench;

/// <summary>
/// Search latency at scale: a catalog of N synthetic photos (cached in bench/.corpus), the real server started on it,
/// and each representative query timed over HTTP on loopback, p50/p95/p99. Appends the table to docs/performance.md.
/// </summary>
public static class SearchBenchmark
{
    private const int Warmup = 5;
    private const int Runs = 40;

    /// <summary>The seeded catalog of <paramref name="photos"/> photos, made once and kept in bench/.corpus.</summary>
    internal static async Task<(string Originals, string Storage, string Catalog)> EnsureCatalogAsync(string root, string pixhaven, int photos)
    {
        var folder = Path.Combine(root, "bench", ".corpus", $"catalog-{photos}");
        var originals = Path.Combine(folder, "originals");
        var storage = Path.Combine(folder, "storage");
        var catalog = Path.Combine(storage, "index.db");
        Directory.CreateDirectory(originals);
        if (!File.Exists(Path.Combine(folder, "seeded")))
        {
            if (Directory.Exists(storage))
            {
                Directory.Delete(storage, recursive: true);
            }

            Console.WriteLine($"Seeding a catalog of {photos} photos (once; kept in {folder})");
            await Run("dotnet", pixhaven, "index", "--originals", originals, "--storage", storage);
            var seeding = Stopwatch.StartNew();
            await SearchCatalogSeeder.SeedAsync(catalog, photos);
            Console.WriteLine($"  seeded in {seeding.Elapsed.TotalSeconds:0} s");
            await File.WriteAllTextAsync(Path.Combine(folder, "seeded"), photos.ToString(CultureInfo.InvariantCulture));
        }

        return (originals, storage, catalog);
    }

    /// <summary>Starts <c>pixhaven start</c> on a free port and waits until its status endpoint answers.</summary>
    /// <summary>Measures the time from launching the process to the first 200 of its status, too.</summary>
    internal static async Task<RunningServer> StartServerAsync(string pixhaven, string originals, string storage)
    {
        var port = FreePort();
        var started = Stopwatch.StartNew();
        var server = Process.Start(new ProcessStartInfo("dotnet",
            [pixhaven, "start", "--originals", originals, "--storage", storage, "--port", port.ToString(CultureInfo.InvariantCulture), "--index-on-start", "false", "--log-level", "warning",
             // The benchmarks measure the library, not sign-in: no session to carry around.
             "--auth-mode", "public"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromMinutes(2) };
        while (true)
        {
            try
            {
                using var status = await http.GetAsync("/api/v1/status");
                if (status.IsSuccessStatusCode)
                {
                    return new RunningServer(server, http, started.Elapsed);
                }
            }
            catch (HttpRequestException) when (started.Elapsed < TimeSpan.FromSeconds(60))
            {
                await Task.Delay(10);
            }
        }
    }

    public static async Task<int> RunAsync(int photos)
    {
        var root = BenchEnvironment.RepositoryRoot();
        var pixhaven = Path.Combine(root, "src", "Pixhaven", "bin", "Release", "net10.0", "pixhaven.dll");
        var (originals, storage, catalog) = await EnsureCatalogAsync(root, pixhaven, photos);
        await using var running = await StartServerAsync(pixhaven, originals, storage);
        var http = running.Http;
        {

            var queries = new (string Name, string Url)[]
            {
                ("first page, newest", "/api/v1/photos?count=100"),
                ($"deep page (after {photos / 2:N0} photos)", $"/api/v1/photos?count=100&after={DeepCursor(catalog, photos / 2)}"),
                ($"a photo's position (after {photos / 2:N0})", $"/api/v1/photos/{PhotoAt(catalog, photos / 2).Uid}/position"),
                ("year:2019 country:de", "/api/v1/photos?count=100&q=" + Uri.EscapeDataString("year:2019 country:de")),
                ("free text: beach", "/api/v1/photos?count=100&q=beach"),
                ("label:cat", "/api/v1/photos?count=100&q=label:cat"),
                ("favorite:true", "/api/v1/photos?count=100&q=favorite:true"),
                ("camera:canon iso:800-3200", "/api/v1/photos?count=100&q=" + Uri.EscapeDataString("camera:canon iso:800-3200")),
                ("album page", "/api/v1/albums/a" + 7.ToString("x15", CultureInfo.InvariantCulture) + "/photos?count=100"),
                ("calendar counts", "/api/v1/calendar"),
                ("facets, whole library", "/api/v1/photos/facets"),
                ("facets, year:2019", "/api/v1/photos/facets?q=year:2019"),
                ("map clusters, world", "/api/v1/places/clusters?zoom=2"),
                ("map clusters, Europe zoom 6", "/api/v1/places/clusters?zoom=6&bbox=-10,35,30,60"),
            };

            var report = new StringBuilder();
            report.AppendLine(CultureInfo.InvariantCulture, $"### {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, search on {photos:N0} photos (SQLite), {BenchEnvironment.Machine()}");
            report.AppendLine();
            report.AppendLine(CultureInfo.InvariantCulture, $"Catalog {new FileInfo(catalog).Length / 1024 / 1024} MB; {Runs} timed requests per query after {Warmup} warm-up requests, over HTTP on loopback.");
            report.AppendLine();
            report.AppendLine("The first request of each query is its first since the server started: nothing cached, except the whole-library overviews the server computes ahead once the catalog has settled (a few seconds after start), which the queries before them leave time for. Overviews are cached until the library changes.");
            report.AppendLine();
            report.AppendLine("| query | results | first (cold) ms | p50 ms | p95 ms | p99 ms | target p95 ≤ 50 ms |");
            report.AppendLine("|---|---|---|---|---|---|---|");
            foreach (var (name, url) in queries)
            {
                var times = new List<double>();
                var cold = 0.0;
                var body = "";
                for (var i = 0; i < Warmup + Runs; i++)
                {
                    var watch = Stopwatch.StartNew();
                    using var response = await http.GetAsync(url);
                    body = await response.Content.ReadAsStringAsync();
                    watch.Stop();
                    if (response.StatusCode != HttpStatusCode.OK)
                    {
                        throw new InvalidOperationException($"{url}: {(int)response.StatusCode} {body}");
                    }

                    if (i == 0)
                    {
                        cold = watch.Elapsed.TotalMilliseconds;
                    }

                    if (i >= Warmup)
                    {
                        times.Add(watch.Elapsed.TotalMilliseconds);
                    }
                }

                times.Sort();
                var results = Results(body);
                var p95 = Percentile(times, 0.95);
                report.AppendLine(CultureInfo.InvariantCulture,
                    $"| {name} | {results} | {cold:0.0} | {Percentile(times, 0.5):0.0} | {p95:0.0} | {Percentile(times, 0.99):0.0} | {(p95 <= 50 ? "met" : "**missed**")} |");
                Console.WriteLine($"  {name}: p95 {p95:0.0} ms");
            }

            await ReportAfterAChangeAsync(http, catalog, report);
            await BenchEnvironment.PublishAsync(root, report);
            return 0;
        }

    }

    /// <summary>
    /// A change to the library empties the overview cache, and the server computes the whole-library overviews again
    /// once the catalog settles. Timed here: the first request right after a change (computed then), a minute later,
    /// and right after a write outside the library (which keeps them).
    /// </summary>
    private static async Task ReportAfterAChangeAsync(HttpClient http, string catalog, StringBuilder report)
    {
        report.AppendLine();
        report.AppendLine("After a change (a favourite mark written by another process), the first request of each whole-library overview; "
            + "then right after a write outside the library (a setting, as a session's last-seen time, a sign-in or a share link's visit is):");
        report.AppendLine();
        report.AppendLine("| overview | right after the change ms | a minute later ms | later / right after | right after a write outside the library ms | outside / right after the change |");
        report.AppendLine("|---|---|---|---|---|---|");
        foreach (var (name, url) in new[] { ("facets, whole library", "/api/v1/photos/facets"), ("years alone (the scrubber's)", "/api/v1/photos/years"), ("calendar counts", "/api/v1/calendar"), ("labels", "/api/v1/labels"), ("places", "/api/v1/places") })
        {
            Write(catalog, "UPDATE photos SET Favorite = 1 - Favorite WHERE Id = (SELECT MIN(Id) FROM photos)");
            var rightAfter = await TimeAsync(http, url);
            Write(catalog, "UPDATE photos SET Favorite = 1 - Favorite WHERE Id = (SELECT MIN(Id) FROM photos)");
            await Task.Delay(TimeSpan.FromMinutes(1));
            var later = await TimeAsync(http, url);
            Write(catalog, "INSERT OR REPLACE INTO settings (Key, Value) VALUES ('bench.last-write', datetime('now', 'subsec'))");
            var outside = await TimeAsync(http, url);
            report.AppendLine(CultureInfo.InvariantCulture, $"| {name} | {rightAfter:0.0} | {later:0.0} | {later / rightAfter:0.000} | {outside:0.0} | {outside / rightAfter:0.000} |");
            Console.WriteLine($"  after a change, {name}: {rightAfter:0.0} ms at once, {later:0.0} ms a minute later, {outside:0.0} ms after a write outside the library");
        }
    }

    private static async Task<double> TimeAsync(HttpClient http, string url)
    {
        var watch = Stopwatch.StartNew();
        using var response = await http.GetAsync(url);
        await response.Content.ReadAsStringAsync();
        response.EnsureSuccessStatusCode();
        return watch.Elapsed.TotalMilliseconds;
    }

    /// <summary>A commit by another process, as the CLI or a second server makes.</summary>
    private static void Write(string catalog, string sql)
    {
        using var connection = new SqliteConnection($"Data Source={catalog}");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static string Results(string body)
    {
        using var json = System.Text.Json.JsonDocument.Parse(body);
        var element = json.RootElement;
        return element.ValueKind == System.Text.Json.JsonValueKind.Array ? $"{element.GetArrayLength()} groups"
            : element.TryGetProperty("photos", out var photos) ? $"{photos.GetArrayLength()}"
            : element.TryGetProperty("total", out var total) ? $"{total.GetInt32():N0} counted"
            : element.TryGetProperty("index", out var index) ? $"index {index.GetInt32():N0}"
            : "";
    }

    private static double Percentile(List<double> sorted, double p) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];

    /// <summary>The cursor the API would hand out after <paramref name="offset"/> photos, newest first.</summary>
    private static string DeepCursor(string catalog, int offset)
    {
        var (id, takenAtUtc, _) = PhotoAt(catalog, offset);
        var ticks = DateTime.Parse(takenAtUtc, CultureInfo.InvariantCulture).Ticks;
        return Base64Url.EncodeToString(Encoding.UTF8.GetBytes($"0|{id}|{ticks}"));
    }

    /// <summary>The photo with <paramref name="offset"/> photos before it, newest first.</summary>
    private static (long Id, string TakenAtUtc, string Uid) PhotoAt(string catalog, int offset)
    {
        using var connection = new SqliteConnection($"Data Source={catalog};Mode=ReadOnly");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT Id, TakenAtUtc, Uid FROM photos WHERE Missing = 0 AND ArchivedAt IS NULL AND Private = 0 ORDER BY TakenAtUtc DESC, Id DESC LIMIT 1 OFFSET {offset}";
        using var reader = command.ExecuteReader();
        reader.Read();
        return (reader.GetInt64(0), reader.GetString(1), reader.GetString(2));
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task Run(string file, params string[] arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(file, arguments) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {string.Join(' ', arguments)} failed: {await output}{await errors}");
        }
    }
}
