using System.CommandLine;
using Pixhaven.Core.Options;
using Spectre.Console;

namespace Pixhaven.Cli;

/// <summary><c>pixhaven config</c>: every option with its value and where the value came from.</summary>
public static class ConfigCommand
{
    public static Command Create(GlobalOptions globalOptions)
    {
        var command = new Command("config", "Show every option, its value and its source (default, file, environment, flag)");
        command.SetAction((result, _) => PixhavenCli.Guard(() =>
        {
            var loaded = globalOptions.Load(result);
            var table = new Table().AddColumns("Option", "Value", "Source", "Flag", "Environment variable");
            foreach (var definition in OptionDefinitions.All)
            {
                table.AddRow(
                    Markup.Escape(definition.Name),
                    Markup.Escape(definition.Read(loaded.Values)),
                    loaded.Sources[definition.Name].ToString().ToLowerInvariant(),
                    definition.Flag,
                    definition.EnvironmentVariable);
            }

            var console = AnsiConsole.Console;
            console.Write(table);
            console.MarkupLineInterpolated($"Config file: {loaded.ConfigFile ?? "(none)"}");
            return Task.FromResult(0);
        }));
        return command;
    }
}
