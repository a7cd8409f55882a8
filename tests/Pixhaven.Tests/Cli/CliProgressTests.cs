using Microsoft.Extensions.DependencyInjection;
using Pixhaven.Cli;
using Pixhaven.Core.Indexing;
using Pixhaven.Tests.Infrastructure;
using Spectre.Console;

namespace Pixhaven.Tests.Cli;

/// <summary>What the index and import verbs show on a terminal while they work: a bar through each phase.</summary>
public sealed class CliProgressTests
{
    [Fact]
    public async Task AnImport_ShowsItsFilesGoingIn_ThenTheIndexOfWhatItBrought()
    {
        await using var library = await TestLibrary.CreateAsync([]);
        var inbox = library.Options.Values.ImportPath;
        Directory.CreateDirectory(inbox);
        foreach (var photo in new[] { TestPhotos.CanonJpeg, TestPhotos.GpsJpeg })
        {
            File.Copy(TestPhotos.PathOf(photo), Path.Combine(inbox, Path.GetFileName(photo)));
        }

        var screen = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.Yes,
            Interactive = InteractionSupport.Yes,
            Out = new AnsiConsoleOutput(screen),
        });
        var reports = new List<IndexProgress>();
        var result = await CliProgress.RunAsync(console, progress => library.Services.GetRequiredService<Importer>().ImportAsync(
            new ImportRequest(Copy: false), new Watched(progress, reports), CancellationToken.None));

        Assert.Equal(2, result.Imported);
        // Both phases reached the bar, and its last frame is the whole run, done.
        Assert.Contains(reports, r => r is { Phase: "importing", Total: 2 });
        Assert.Contains(reports, r => r is { Phase: "indexing", Total: 2 });
        // Each frame after the first starts by moving the cursor back up over the one before.
        var lastFrame = screen.ToString()[Math.Max(0, screen.ToString().LastIndexOf("\e[2A", StringComparison.Ordinal))..];
        Assert.Contains("Done", lastFrame, StringComparison.Ordinal);
        Assert.Contains("100%", lastFrame, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheImportVerb_WithoutATerminal_SaysWhenEachPhaseStarts()
    {
        var folder = Directory.CreateTempSubdirectory("pixhaven-import-cli-").FullName;
        try
        {
            Directory.CreateDirectory(Path.Combine(folder, "import"));
            foreach (var photo in new[] { TestPhotos.CanonJpeg, TestPhotos.GpsJpeg })
            {
                File.Copy(TestPhotos.PathOf(photo), Path.Combine(folder, "import", Path.GetFileName(photo)));
            }

            var result = await CliRunner.RunAsync(folder, null, "import");
            Assert.True(result.ExitCode == 0, result.Output + result.Errors);
            var lines = result.Output.Split('\n').Select(l => l.Trim()).ToList();
            var importing = lines.IndexOf("Importing 0/2");
            Assert.True(importing >= 0, result.Output);
            // Workers report as they take a file: the first of them may already count one done.
            Assert.True(lines.FindIndex(l => l.StartsWith("Indexing ", StringComparison.Ordinal) && l.EndsWith("/2", StringComparison.Ordinal)) > importing, result.Output);
            Assert.Contains("2 imported", result.Output, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>Passes each report on to the bar, and keeps it.</summary>
    private sealed class Watched(IProgress<IndexProgress> bar, List<IndexProgress> reports) : IProgress<IndexProgress>
    {
        public void Report(IndexProgress value)
        {
            bar.Report(value);
            lock (reports)
            {
                reports.Add(value);
            }
        }
    }
}
