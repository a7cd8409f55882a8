using System.Diagnostics;
using System.Text.Json;
using System.Text.RegularExpressions;
using Pixhaven.Tests.Infrastructure;

namespace Pixhaven.Tests.Cli;

/// <summary>The self-contained linux-x64 binary from deploy/binaries.sh starts on an empty folder and answers.</summary>
public sealed partial class BinaryTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("pixhaven-binary-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [GeneratedRegex(@"Now listening on: (http://[^\s]+)")]
    private static partial Regex Listening();

    private static async Task<(int ExitCode, string Output)> Run(string program, string workingDirectory, params string[] arguments)
    {
        var start = new ProcessStartInfo(program, arguments) { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output + await errors);
    }

    [Fact]
    public async Task LinuxBinary_StartsOnAnEmptyFolder_AndReportsItsVersion()
    {
        var root = TestPhotos.RepositoryRoot;
        var (built, log) = await Run("bash", root, "deploy/binaries.sh", "linux-x64");
        Assert.True(built == 0, log);
        var binary = Path.Combine(root, "artifacts", "binaries", "linux-x64", "pixhaven");
        Assert.True(new FileInfo(binary).Length <= 60L * 1024 * 1024, $"binary is {new FileInfo(binary).Length / 1024 / 1024} MB, over the 60 MB budget");
        Assert.True(File.Exists(Path.Combine(root, "artifacts", "binaries", "pixhaven-linux-x64.tar.gz")));
        Assert.Contains("pixhaven-linux-x64.tar.gz", await File.ReadAllTextAsync(Path.Combine(root, "artifacts", "binaries", "SHA256SUMS")), StringComparison.Ordinal);

        var (_, commit) = await Run("git", root, "rev-parse", "--short=7", "HEAD");
        var start = new ProcessStartInfo(binary, ["start", "--port", "0"])
        {
            WorkingDirectory = _folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment = { ["DOTNET_ROOT"] = "/nonexistent" }, // prove it needs no installed runtime
        };
        using var server = Process.Start(start)!;
        try
        {
            string? address = null;
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            while (address is null && await server.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
            {
                address = Listening().Match(line) is { Success: true } m ? m.Groups[1].Value : null;
            }

            Assert.NotNull(address);
            using var http = new HttpClient { BaseAddress = new Uri(address) };
            using var response = await http.GetAsync("/api/v1/status");
            Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
            var version = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("version").GetString();
            Assert.Matches($@"^\d{{6}}-{commit.Trim()}-Linux-x86_64$", version);
            Assert.True(Directory.Exists(Path.Combine(_folder, "originals")) && File.Exists(Path.Combine(_folder, "storage", "index.db")));
        }
        finally
        {
            server.Kill(entireProcessTree: true);
            await server.WaitForExitAsync();
        }
    }
}
