using System.CommandLine;
using Pixhaven.Core.Indexing;
using Pixhaven.Core.Media.Previews;
using Pixhaven.Core.Model;
using Pixhaven.Hosting;
using Spectre.Console;

namespace Pixhaven.Cli;

/// <summary><c>pixhaven index</c>: indexes the originals folder with a progress bar and ends with a summary.</summary>
public static class IndexCommand
{
    public static Command Create(GlobalOptions globalOptions)
    {
        var force = new Option<bool>("--force", "-f") { Description = "Re-read every file, even unchanged ones" };
        var command = new Command("index", "Index the originals folder: new, changed, moved and deleted files");
        command.Options.Add(force);
        command.SetAction((result, token) => PixhavenCli.Guard(async () =>
        {
            var loaded = globalOptions.Load(result);
            // Per-file problems are listed in the summary; the log shows only what went wrong with the run itself.
            await using var services = await CliHost.CreateAsync(loaded, LogLevel.Error, token);
            var indexer = services.GetRequiredService<Indexer>();
            var console = AnsiConsole.Console;
            console.MarkupLineVisible($"Indexing [bold]{loaded.Values.OriginalsFullPath}[/] with {loaded.Values.EffectiveWorkers} workers");
            if (loaded.Values.DarktableCli.Length > 0 && !services.GetRequiredService<RawPreviewRenderer>().Converters.Contains("darktable-cli"))
            {
                console.MarkupLineVisible($"[yellow]darktable-cli is configured as '{loaded.Values.DarktableCli}' but not found: RAW files are rendered without it[/]");
            }

            var result2 = await CliProgress.RunAsync(console, progress => indexer.IndexAsync(new IndexRequest(result.GetValue(force)), progress, token));
            PrintSummary(console, result2);
            return result2.Failed > 0 ? 1 : 0;
        }));
        return command;
    }

    private static void PrintSummary(IAnsiConsole console, IndexResult result)
    {
        console.MarkupLineVisible(
            $"[bold]Done[/] in {result.Duration.TotalSeconds:0.0}s: {result.Found} files found, [green]{result.Indexed} indexed[/], {result.Unchanged} unchanged, {result.Moved} moved, {result.Duplicates} duplicates, {result.Missing} missing, [yellow]{result.Skipped} skipped[/], [red]{result.Failed} failed[/]");
        if (result.PlacedByTracks > 0)
        {
            console.MarkupLineVisible($"{result.PlacedByTracks} photos were placed (or moved, or unplaced) by GPS tracks.");
        }

        PrintTakeoutAlbums(console, result.Albums, "");

        if (result.ReadAgain > 0)
        {
            console.MarkupLineVisible($"{result.ReadAgain} unchanged files were read again, because an older version of Pixhaven had read them.");
        }

        foreach (var group in result.Problems.GroupBy(p => p.Status))
        {
            // The list is every file with a problem in the library, so a run that read nothing still shows them; the
            // heading says which were left over, as the counts line above counts this run only.
            var earlier = group.Count(p => p.ReadAt < result.StartedAt);
            var leftOver = earlier == 0 ? "" : earlier == group.Count() ? ", unchanged since an earlier run" : $", {earlier} of them unchanged since an earlier run";
            console.MarkupLineVisible($"[bold]{Describe(group.Key)}[/] ({group.Count()}{leftOver}):");
            foreach (var problem in group)
            {
                console.MarkupLineVisible($"  {problem.Path}: {problem.Reason}");
            }
        }
    }

    /// <summary>The Google Takeout albums an index run or an import made or filled, a line each.</summary>
    internal static void PrintTakeoutAlbums(IAnsiConsole console, IReadOnlyList<(string Title, int Added)> albums, string indent)
    {
        foreach (var (title, added) in albums)
        {
            console.MarkupLineVisible($"{indent}Album [bold]{title}[/] from Google Takeout: {added} {(added == 1 ? "photo" : "photos")} added");
        }
    }

    private static string Describe(FileStatus status) => status switch
    {
        FileStatus.Partial => "Indexed with problems",
        FileStatus.Skipped => "Skipped",
        FileStatus.Failed => "Failed",
        _ => status.ToString(),
    };
}
