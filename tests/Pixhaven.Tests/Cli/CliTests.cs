using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Pixhaven.Tests.Infrastructure;

namespace Pixhaven.Tests.Cli;

/// <summary>The <c>pixhaven</c> verbs, run as a separate process in a scratch folder.</summary>
public sealed partial class CliTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("pixhaven-cli-").FullName;

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    [GeneratedRegex(@"^\d{6}-([0-9a-f]{7}|unknown)-Linux-(x86_64|arm64)(-DEBUG)?$")]
    private static partial Regex VersionPattern();

    [Fact]
    public async Task Version_PrintsTheVersionString()
    {
        var result = await CliRunner.RunAsync(_folder, null, "version");
        Assert.Equal(0, result.ExitCode);
        Assert.Matches(VersionPattern(), result.Output.Trim());
    }

    [Fact]
    public async Task Config_ShowsEveryOptionWithItsSource()
    {
        await File.WriteAllTextAsync(Path.Combine(_folder, "pixhaven.json"), """{ "workers": 3 }""");
        var result = await CliRunner.RunAsync(_folder, new Dictionary<string, string> { ["PIXHAVEN_STORAGE_PATH"] = "/data/storage" },
            "config", "--port", "8080");

        Assert.Equal(0, result.ExitCode);
        var lines = result.Output.Split('\n');
        string Row(string option) => lines.Single(l => l.StartsWith(option + " ", StringComparison.Ordinal));
        Assert.Matches(@"^http-port\s+8080\s+flag\s", Row("http-port"));
        Assert.Matches(@"^storage-path\s+/data/storage\s+environment\s", Row("storage-path"));
        Assert.Matches(@"^workers\s+3\s+file\s", Row("workers"));
        Assert.Matches(@"^originals-path\s+\./originals\s+default\s", Row("originals-path"));
        foreach (var option in Core.Options.OptionDefinitions.All)
        {
            Assert.Contains(option.EnvironmentVariable, result.Output, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task InvalidOption_IsAClearErrorWithExitCode2()
    {
        var result = await CliRunner.RunAsync(_folder, new Dictionary<string, string> { ["PIXHAVEN_HTTP_PORT"] = "http" }, "config");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("PIXHAVEN_HTTP_PORT", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Config_PrintsTheDatabasePasswordAsStars()
    {
        var result = await CliRunner.RunAsync(_folder, new Dictionary<string, string>
        {
            ["PIXHAVEN_DATABASE_DRIVER"] = "postgres",
            ["PIXHAVEN_DATABASE_DSN"] = "Host=db;Database=pixhaven;Username=pixhaven;Password=s3cret-Value",
        }, "config");
        Assert.Equal(0, result.ExitCode);
        Assert.DoesNotContain("s3cret-Value", result.Output, StringComparison.Ordinal);
        Assert.Contains("password=********", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Postgres_WithoutAConnectionString_IsAClearErrorWithExitCode2()
    {
        var result = await CliRunner.RunAsync(_folder, new Dictionary<string, string> { ["PIXHAVEN_DATABASE_DRIVER"] = "postgres" }, "search", "cat");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("database-dsn: the postgres driver needs a connection string", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Meta_Json_PrintsTheContract_ForGoodAndBadFiles()
    {
        string[] files = [TestPhotos.OffsetJpeg, TestPhotos.GpsJpeg, TestPhotos.Rotated, "broken/zero_bytes.jpg", "broken/text_file.jpg", "raw/exiftool_Nikon_D70.nef", "heic", "broken/corrupt.png"];
        var result = await CliRunner.RunAsync(_folder, null, ["meta", "--json", .. files.Select(TestPhotos.PathOf)]);

        using var document = JsonDocument.Parse(result.Output);
        var records = document.RootElement.EnumerateArray().ToList();
        Assert.Equal(files.Length, records.Count);
        string[] contract = ["file", "type", "mime", "width", "height", "orientation", "takenAt", "takenAtOffset", "make", "model", "lens", "focalLength",
            "fNumber", "exposureTime", "iso", "lat", "lng", "altitude", "title", "description", "keywords", "faces", "duration", "videoCodec",
            "audioCodec", "frameRate", "error"];
        Assert.All(records, r => Assert.Equal(contract, r.EnumerateObject().Select(p => p.Name)));

        var iphone = records[0];
        var expected = TestPhotos.Expected[TestPhotos.OffsetJpeg];
        Assert.Equal("image", iphone.GetProperty("type").GetString());
        Assert.Equal("image/jpeg", iphone.GetProperty("mime").GetString());
        Assert.Equal(expected.Text("OffsetTimeOriginal"), iphone.GetProperty("takenAtOffset").GetString());
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{3})?$", iphone.GetProperty("takenAt").GetString());
        Assert.Equal((int)expected.Number("ISO")!, iphone.GetProperty("iso").GetInt32());
        Assert.Matches(@"^1/\d+$", iphone.GetProperty("exposureTime").GetString());
        Assert.Equal(JsonValueKind.Null, iphone.GetProperty("error").ValueKind);

        var gps = records[1];
        Assert.Equal(TestPhotos.Expected[TestPhotos.GpsJpeg].Number("GPSLatitude")!.Value, gps.GetProperty("lat").GetDouble(), 5);
        Assert.Equal(TestPhotos.Expected[TestPhotos.GpsJpeg].Number("GPSLongitude")!.Value, gps.GetProperty("lng").GetDouble(), 5);

        var rotated = records[2];
        Assert.Equal(6, rotated.GetProperty("orientation").GetInt32());
        Assert.Equal((int)TestPhotos.Expected[TestPhotos.Rotated].Number("OrientedWidth")!, rotated.GetProperty("width").GetInt32());

        Assert.Contains("empty", records[3].GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Equal("unknown", records[4].GetProperty("type").GetString());
        Assert.Contains("not a photo", records[4].GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Equal("raw", records[5].GetProperty("type").GetString());
        Assert.Equal("NIKON D70", records[5].GetProperty("model").GetString());
        Assert.Equal("a folder, not a file", records[6].GetProperty("error").GetString());
        // What libpng said, not "unable to call VipsForeignLoadPngFile".
        Assert.Equal("image header cannot be read: the image data is invalid (PNG unsigned integer out of range)", records[7].GetProperty("error").GetString());
        Assert.Equal(1, result.ExitCode);
        Assert.False(File.Exists(Path.Combine(_folder, "storage", "index.db")), "meta must not touch any catalog");
    }

    [Fact]
    public async Task Meta_Table_ShowsEveryValueReadably()
    {
        var result = await CliRunner.RunAsync(_folder, new Dictionary<string, string> { ["COLUMNS"] = "200" },
            "meta", TestPhotos.PathOf("sidecar/IMG_5910.jpg"), TestPhotos.PathOf(TestPhotos.CanonJpeg));

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Alvin the Squirrel at 46%, 28% (22% x 28%)", result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("System.", result.Output, StringComparison.Ordinal);
        // A file without faces has no Faces line at all, as with every other value it lacks.
        Assert.Single(result.Output.Split('\n'), line => line.Contains("Faces", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Index_ShowsASummaryWithReasons_AndUsesTheFolderOptions()
    {
        var originals = Path.Combine(_folder, "my photos");
        Directory.CreateDirectory(Path.Combine(originals, "broken"));
        File.Copy(TestPhotos.PathOf(TestPhotos.CanonJpeg), Path.Combine(originals, "canon.jpg"));
        File.Copy(TestPhotos.PathOf("broken/text_file.jpg"), Path.Combine(originals, "broken", "text_file.jpg"));

        var result = await CliRunner.RunAsync(_folder, new Dictionary<string, string> { ["PIXHAVEN_STORAGE_PATH"] = Path.Combine(_folder, "store") },
            "index", "--originals", originals);

        Assert.Equal(0, result.ExitCode);
        Assert.Matches(@"2 files found, 1 indexed, 0 unchanged", result.Output);
        Assert.Contains("broken/text_file.jpg: unsupported content", result.Output, StringComparison.Ordinal);
        Assert.Contains("Skipped (1):", result.Output, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(_folder, "store", "index.db")));

        var again = await CliRunner.RunAsync(_folder, new Dictionary<string, string> { ["PIXHAVEN_STORAGE_PATH"] = Path.Combine(_folder, "store") },
            "index", "--originals", originals);
        Assert.Matches(@"2 files found, 0 indexed, 2 unchanged", again.Output);
        // The second run read nothing, yet the library still holds the skipped file: the list says it is left over.
        Assert.Contains("Skipped (1, unchanged since an earlier run):", again.Output, StringComparison.Ordinal);
        Assert.Contains("broken/text_file.jpg: unsupported content", again.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Index_ShowsControlCharactersOfHostileNames_WithoutSendingThemToTheTerminal()
    {
        // Names can carry escape sequences (recolour, retitle or clear a terminal) and line breaks (forge a log line).
        var originals = Path.Combine(_folder, "originals");
        Directory.CreateDirectory(originals);
        File.Copy(TestPhotos.PathOf("broken/text_file.jpg"), Path.Combine(originals, "red\u001B[31m\nwarn: forged.jpg"));
        File.Copy(TestPhotos.PathOf("broken/text_file.jpg"), Path.Combine(originals, "title\u001B]0;owned\u0007.jpg"));

        var result = await CliRunner.RunAsync(_folder, new Dictionary<string, string> { ["PIXHAVEN_STORAGE_PATH"] = Path.Combine(_folder, "store") },
            "index", "--originals", originals, "--log-level", "warning");

        foreach (var output in new[] { result.Output, result.Errors })
        {
            Assert.DoesNotContain(output, c => c is '\u001B' or '\u0007');
        }

        Assert.Contains(@"red\u001B[31m\nwarn: forged.jpg: unsupported content", result.Output, StringComparison.Ordinal);
        Assert.Contains(@"title\u001B]0;owned\u0007.jpg: unsupported content", result.Output, StringComparison.Ordinal);
        // The log's warning for each is one line, its name written out the same way.
        Assert.Contains(@"warn: Pixhaven.Core.Indexing.Indexer[0] red\u001B[31m\nwarn: forged.jpg: Skipped: unsupported content", result.Errors, StringComparison.Ordinal);
        Assert.DoesNotMatch(@"(?m)^warn: forged", result.Errors);
    }

    [Fact]
    public async Task Index_LogsOnlyWhatWentWrong_UnlessMoreIsAskedFor()
    {
        var originals = Path.Combine(_folder, "originals");
        Directory.CreateDirectory(originals);
        File.Copy(TestPhotos.PathOf(TestPhotos.CanonJpeg), Path.Combine(originals, "canon.jpg"));
        var storage = new Dictionary<string, string> { ["PIXHAVEN_STORAGE_PATH"] = Path.Combine(_folder, "store") };

        var quiet = await CliRunner.RunAsync(_folder, storage, "index", "--originals", originals);
        var told = await CliRunner.RunAsync(_folder, storage, "index", "--originals", originals, "--force", "--log-level", "debug");

        Assert.DoesNotContain("info:", quiet.Errors, StringComparison.Ordinal);
        Assert.Contains($"info: Pixhaven.Core.Indexing.Indexer[0] Found 1 files in {originals}; 1 new or changed", told.Errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BrokenCatalog_StopsWithTheReason_AndNeverStartsOnIt()
    {
        var storage = Path.Combine(_folder, "storage");
        Directory.CreateDirectory(storage);
        await File.WriteAllTextAsync(Path.Combine(storage, "index.db"), "this is not a SQLite database, it is a text file of sufficient length to look like a header");
        var result = await CliRunner.RunAsync(_folder, null, "index");
        Assert.Equal(1, result.ExitCode);
        // The console wraps long lines wherever a word ends.
        var output = Regex.Replace(result.Output, @"\s+", " ");
        Assert.Contains("Cannot open the catalog: updating the catalog schema failed: SQLite Error 26: 'file is not a database'", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_OnANewFolder_LogsTheMigrations_ThenServes()
    {
        using var process = CliRunner.Start(_folder, null, redirectInput: false, "start", "--port", "0", "--index-on-start", "false", "--auth-mode", "public");
        try
        {
            var output = new StringBuilder();
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
            string? url = null;
            while (url is null && await process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
            {
                output.AppendLine(line);
                url = Regex.Match(line, @"listening on (http://[^;, ]+)") is { Success: true } match ? match.Groups[1].Value : null;
            }

            Assert.True(url is not null, output.ToString());
            Assert.Matches(@"Catalog schema updated: applied \d+ migration\(s\)", output.ToString());
            using var http = new HttpClient();
            using var status = await http.GetAsync(new Uri(new Uri(url), "/api/v1/status"));
            Assert.Equal(HttpStatusCode.OK, status.StatusCode);
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }

    [Fact]
    public async Task Start_OnABrokenCatalog_StopsWithTheReason()
    {
        // The web server starts beside the catalog check: a failed check must still stop it, with the reason.
        var storage = Path.Combine(_folder, "storage");
        Directory.CreateDirectory(storage);
        await File.WriteAllTextAsync(Path.Combine(storage, "index.db"), "this is not a SQLite database, it is a text file of sufficient length to look like a header");
        var result = await CliRunner.RunAsync(_folder, null, "start", "--port", "0", "--index-on-start", "false");
        Assert.Equal(1, result.ExitCode);
        var output = Regex.Replace(result.Output, @"\s+", " ");
        Assert.Contains("Cannot open the catalog", output, StringComparison.Ordinal);
        Assert.Contains("not a database", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Index_MissingOriginalsFolder_IsAClearError()
    {
        var result = await CliRunner.RunAsync(_folder, null, "index", "--originals", Path.Combine(_folder, "nope"));
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("does not exist", result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Output + result.Errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Search_ListsMatches_AsTableAndJson_AndPointsAtABadToken()
    {
        var originals = Path.Combine(_folder, "originals");
        Directory.CreateDirectory(originals);
        File.Copy(TestPhotos.PathOf(TestPhotos.CanonJpeg), Path.Combine(originals, "canon.jpg"));
        File.Copy(TestPhotos.PathOf(TestPhotos.GpsJpeg), Path.Combine(originals, "rome.jpg"));
        Assert.Equal(0, (await CliRunner.RunAsync(_folder, null, "index")).ExitCode);

        var json = await CliRunner.RunAsync(_folder, null, "search", "--json", "country:italy");
        Assert.Equal(0, json.ExitCode);
        using var page = System.Text.Json.JsonDocument.Parse(json.Output);
        var photo = Assert.Single(page.RootElement.GetProperty("photos").EnumerateArray());
        Assert.Equal("image", photo.GetProperty("type").GetString());

        var table = await CliRunner.RunAsync(_folder, null, "search", "camera:canon");
        Assert.Equal(0, table.ExitCode);
        Assert.Contains("2023-09-01 17:20", table.Output, StringComparison.Ordinal);
        Assert.Contains("1 photos", table.Output, StringComparison.Ordinal);

        var bad = await CliRunner.RunAsync(_folder, null, "search", "year:2019", "foo:bar");
        Assert.Equal(2, bad.ExitCode);
        Assert.Contains("unknown filter 'foo:'", bad.Output, StringComparison.Ordinal);
        Assert.Contains("year:2019 foo:bar\n            ^", bad.Output.Replace("\r", "", StringComparison.Ordinal), StringComparison.Ordinal);
    }
}
