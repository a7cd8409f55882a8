using System.CommandLine;
using Pixhaven.Core.Catalog;
using Pixhaven.Core.Indexing;
using Pixhaven.Hosting;
using Spectre.Console;

namespace Pixhaven.Cli;

/// <summary><c>pixhaven cleanup</c>: removes from storage the cached files the catalog no longer refers to.</summary>
public static class CleanupCommand
{
    public static Command Create(GlobalOptions globalOptions)
    {
        var dryRun = new Option<bool>("--dry-run", "-n") { Description = "Only count what would be removed" };
        var command = new Command("cleanup", "Remove thumbnails, video transcodes and scratch files that no photo uses any more (never originals)");
        command.Options.Add(dryRun);
        command.SetAction((result, token) => PixhavenCli.Guard(async () =>
        {
            var loaded = globalOptions.Load(result);
            await using var services = await CliHost.CreateAsync(loaded, LogLevel.Error, token);
            var console = AnsiConsole.Console;
            var dry = result.GetValue(dryRun);
            var cleanup = services.GetRequiredService<CacheCleanup>();
            CleanupResult? outcome = null;
            if (console.Profile.Capabilities.Interactive)
            {
                await console.Status().StartAsync("Reading the catalog", async context =>
                    outcome = await cleanup.RunAsync(dry, new SynchronousProgress<string>(what => context.Status($"Looking through {what}")), token));
            }
            else
            {
                outcome = await cleanup.RunAsync(dry, new SynchronousProgress<string>(what => console.WriteLine($"  looking through {what}")), token);
            }

            console.MarkupLineVisible(
                $"[bold]{(dry ? "Would remove" : "Removed")}[/] {outcome!.Files} files, {outcome.Bytes / 1024.0 / 1024.0:0.0} MB: {outcome.Thumbnails} thumbnails, {outcome.Videos} video transcodes, {outcome.MotionVideos} motion photo videos, {outcome.Scratch} scratch files");
            return 0;
        }));
        return command;
    }
}
