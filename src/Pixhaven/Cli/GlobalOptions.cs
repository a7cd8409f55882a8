using System.CommandLine;
using Pixhaven.Core.Options;

namespace Pixhaven.Cli;

/// <summary>One command-line flag per entry of the option table, available on every verb.</summary>
public sealed class GlobalOptions
{
    private readonly List<(OptionDefinition Definition, Option<string?> Flag)> _flags =
        OptionDefinitions.All.Select(d => (d, new Option<string?>(d.Flag) { Description = $"{d.Description} [{d.EnvironmentVariable}]", Recursive = true })).ToList();

    private readonly Option<string?> _configFile = new("--config-file")
    {
        Description = $"JSON file of options (default ./{OptionsLoader.DefaultConfigFile} when present) [{OptionsLoader.ConfigFileVariable}]",
        Recursive = true,
    };

    public void AddTo(Command command)
    {
        foreach (var (_, flag) in _flags)
        {
            command.Options.Add(flag);
        }

        command.Options.Add(_configFile);
    }

    public LoadedOptions Load(ParseResult result)
    {
        var flags = _flags
            .Select(f => (f.Definition.Name, Value: result.GetValue(f.Flag)))
            .Where(f => f.Value is not null)
            .ToDictionary(f => f.Name, f => f.Value!);
        return OptionsLoader.Load(OptionsLoader.ProcessEnvironment(), flags, result.GetValue(_configFile));
    }
}
