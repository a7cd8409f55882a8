using System.CommandLine;
using Pixhaven.Core.Options;
using Spectre.Console;

namespace Pixhaven.Cli;

/// <summary>The command line: global options bound from the option table, and one verb per file in this folder.</summary>
public static class PixhavenCli
{
    public static Task<int> RunAsync(string[] args)
    {
        var globalOptions = new GlobalOptions();
        var root = new RootCommand("Pixhaven: a self-hosted photo library server. Without a verb it runs 'start'.");
        globalOptions.AddTo(root);

        var start = StartCommand.Create(globalOptions);
        root.Subcommands.Add(start);
        root.Subcommands.Add(IndexCommand.Create(globalOptions));
        root.Subcommands.Add(ImportCommand.Create(globalOptions));
        root.Subcommands.Add(CleanupCommand.Create(globalOptions));
        root.Subcommands.Add(SearchCommand.Create(globalOptions));
        root.Subcommands.Add(UsersCommand.Create(globalOptions));
        root.Subcommands.Add(BackupCommands.Backup(globalOptions));
        root.Subcommands.Add(BackupCommands.Restore(globalOptions));
        root.Subcommands.Add(MetaCommand.Create());
        root.Subcommands.Add(ConfigCommand.Create(globalOptions));
        root.Subcommands.Add(VersionCommand.Create());
        root.Subcommands.Add(StatusCommand.Create(globalOptions));
        root.SetAction((result, token) => StartCommand.RunAsync(globalOptions, result, token));

        return root.Parse(args).InvokeAsync();
    }

    /// <summary>Runs a verb body, turning option errors into a clear message and exit code 2.</summary>
    public static async Task<int> Guard(Func<Task<int>> body)
    {
        try
        {
            return await body();
        }
        catch (OptionsException e)
        {
            AnsiConsole.Console.MarkupLineVisible($"[red]Invalid option[/] {e.Message}");
            return 2;
        }
        catch (Core.Catalog.CatalogMigrationException e)
        {
            AnsiConsole.Console.MarkupLineVisible($"[red]Cannot open the catalog:[/] {e.Message}");
            return 1;
        }
        catch (DirectoryNotFoundException e)
        {
            AnsiConsole.Console.MarkupLineVisible($"[red]Error:[/] {e.Message}");
            return 2;
        }
    }
}
