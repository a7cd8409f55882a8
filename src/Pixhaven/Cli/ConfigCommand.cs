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
            var rows = OptionDefinitions.All.Select(d => new[]
            {
                d.Name, d.Read(loaded.Values), loaded.Sources[d.Name].ToString().ToLowerInvariant(), d.Flag, d.EnvironmentVariable,
            }).ToList();
            string[] headers = ["Option", "Value", "Source", "Flag", "Environment variable"];
            var console = AnsiConsole.Console;
            if (console.Profile.Capabilities.Interactive)
            {
                var table = new Table().AddColumns(headers);
                rows.ForEach(r => table.AddRow(r.Select(Markup.Escape).ToArray()));
                console.Write(table);
            }
            else
            {
                // Plain columns when piped: nothing wraps, and scripts can split on whitespace.
                var widths = headers.Select((h, i) => rows.Select(r => r[i].Length).Append(h.Length).Max()).ToArray();
                foreach (var row in rows.Prepend(headers))
                {
                    console.Profile.Out.Writer.WriteLine(string.Join("  ", row.Select((cell, i) => cell.PadRight(widths[i]))).TrimEnd());
                }
            }

            console.Profile.Out.Writer.WriteLine($"Config file: {loaded.ConfigFile ?? "(none)"}");
            return Task.FromResult(0);
        }));
        return command;
    }
}
