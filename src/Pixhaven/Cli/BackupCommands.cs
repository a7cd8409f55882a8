using System.CommandLine;
using Pixhaven.Core.Backups;
using Spectre.Console;

namespace Pixhaven.Cli;

/// <summary><c>pixhaven backup</c> and <c>pixhaven restore</c>: catalog, sidecars and settings, safe while the server runs.</summary>
public static class BackupCommands
{
    public static Command Backup(GlobalOptions globalOptions)
    {
        var to = new Option<string?>("--to") { Description = "Folder for the backup (new or empty); default storage/backups/<date-time>" };
        var command = new Command("backup", "Write a consistent copy of the catalog, sidecars and config file; the server may keep running") { to };
        command.SetAction((result, token) => PixhavenCli.Guard(async () =>
        {
            await using var services = await CliHost.CreateAsync(globalOptions.Load(result), LogLevel.Warning, token);
            var backup = services.GetRequiredService<LibraryBackup>();
            var folder = Path.GetFullPath(result.GetValue(to) ?? backup.DefaultFolder());
            try
            {
                var manifest = await backup.CreateAsync(folder, token);
                AnsiConsole.Console.MarkupLineVisible(
                    $"Backed up {manifest.Photos} photos, {manifest.Albums} albums, {manifest.Users} users and {manifest.Sidecars} sidecars to [bold]{folder}[/]");
                return 0;
            }
            catch (BackupException e)
            {
                AnsiConsole.Console.MarkupLineVisible($"[red]{e.Message}[/]");
                return 2;
            }
        }));
        return command;
    }

    public static Command Restore(GlobalOptions globalOptions)
    {
        var from = new Argument<string>("folder") { Description = "A folder written by 'pixhaven backup'" };
        var replace = new Option<bool>("--replace") { Description = "Overwrite a catalog that already holds photos or users" };
        var command = new Command("restore", "Rebuild the library's catalog, sidecars and settings from a backup (stop the server first)") { from, replace };
        command.SetAction((result, token) => PixhavenCli.Guard(async () =>
        {
            await using var services = await CliHost.CreateAsync(globalOptions.Load(result), LogLevel.Warning, token);
            try
            {
                var manifest = await services.GetRequiredService<LibraryBackup>().RestoreAsync(Path.GetFullPath(result.GetValue(from)!), result.GetValue(replace), token);
                AnsiConsole.Console.MarkupLineVisible(
                    $"Restored {manifest.Photos} photos, {manifest.Albums} albums and {manifest.Users} users from {manifest.CreatedAt:yyyy-MM-dd HH:mm} UTC. Run [bold]pixhaven index[/] (or start the server) to make the thumbnails again.");
                return 0;
            }
            catch (BackupException e)
            {
                AnsiConsole.Console.MarkupLineVisible($"[red]{e.Message}[/]");
                return 2;
            }
        }));
        return command;
    }
}
