using System.CommandLine;
using Pixhaven.Core.Indexing;
using Pixhaven.Hosting;
using Spectre.Console;

namespace Pixhaven.Cli;

/// <summary><c>pixhaven import</c>: moves (or copies) the import folder into originals by date, then indexes.</summary>
public static class ImportCommand
{
    public static Command Create(GlobalOptions globalOptions)
    {
        var copy = new Option<bool>("--copy", "-c") { Description = "Copy files and leave the import folder as it is (default: move)" };
        var command = new Command("import", "Move files from the import folder into originals, renamed by date, then index them");
        command.Options.Add(copy);
        command.SetAction((result, token) => PixhavenCli.Guard(async () =>
        {
            var loaded = globalOptions.Load(result);
            await using var services = await CliHost.CreateAsync(loaded, LogLevel.Error, token);
            var console = AnsiConsole.Console;
            console.MarkupLineVisible($"Importing [bold]{Path.GetFullPath(loaded.Values.ImportPath)}[/] into [bold]{loaded.Values.OriginalsFullPath}[/] ({(result.GetValue(copy) ? "copy" : "move")})");
            var importer = services.GetRequiredService<Importer>();
            var outcome = await CliProgress.RunAsync(console, progress => importer.ImportAsync(new ImportRequest(result.GetValue(copy)), progress, token));
            console.MarkupLineVisible(
                $"[bold]Done[/]: {outcome.Found} files found, [green]{outcome.Imported} imported[/], {outcome.AlreadyInLibrary.Count} already in the library, [red]{outcome.Failed} failed[/]");
            foreach (var (from, to) in outcome.Moves)
            {
                console.MarkupLineVisible($"  {from} -> {to}");
            }

            foreach (var (file, inLibrary) in outcome.AlreadyInLibrary)
            {
                console.MarkupLineVisible($"  {file}: already in the library as {inLibrary}; left in the import folder");
            }

            foreach (var problem in outcome.Problems)
            {
                console.MarkupLineVisible($"  {problem.Path}: {problem.Reason}");
            }

            IndexCommand.PrintTakeoutAlbums(console, outcome.Albums, "  ");

            return outcome.Failed > 0 ? 1 : 0;
        }));
        return command;
    }
}
