using System.Globalization;
using System.Text.Json;

namespace Pixhaven.Core.Options;

/// <summary>
/// Binds <see cref="PixhavenOptions"/> in order default &lt; config file &lt; settings changed in the web app &lt;
/// PIXHAVEN_* environment &lt; flag,
/// remembering each value's source. The config file is JSON keyed by option name, e.g. <c>{"http-port": 8080}</c>.
/// </summary>
public static class OptionsLoader
{
    public const string DefaultConfigFile = "pixhaven.json";
    public const string ConfigFileVariable = "PIXHAVEN_CONFIG_FILE";

    public static LoadedOptions Load(
        IReadOnlyDictionary<string, string> environment,
        IReadOnlyDictionary<string, string> flags,
        string? configFile = null)
    {
        var options = new PixhavenOptions();
        var sources = OptionDefinitions.All.ToDictionary(d => d.Name, _ => OptionSource.Default);

        var explicitFile = configFile ?? environment.GetValueOrDefault(ConfigFileVariable);
        var file = explicitFile ?? (File.Exists(DefaultConfigFile) ? DefaultConfigFile : null);
        if (file is not null)
        {
            foreach (var (name, value) in ReadConfigFile(file))
            {
                var definition = OptionDefinitions.Find(name)
                    ?? throw new OptionsException($"{file}: unknown option '{name}' (see 'pixhaven config')");
                Apply(definition, options, value, $"{file}: {definition.Name}");
                sources[definition.Name] = OptionSource.File;
            }
        }

        foreach (var definition in OptionDefinitions.All)
        {
            if (environment.TryGetValue(definition.EnvironmentVariable, out var value) && value.Length > 0)
            {
                Apply(definition, options, value, definition.EnvironmentVariable);
                sources[definition.Name] = OptionSource.Environment;
            }
        }

        foreach (var (name, value) in flags)
        {
            var definition = OptionDefinitions.Find(name) ?? throw new OptionsException($"unknown option '{name}'");
            Apply(definition, options, value, definition.Flag);
            sources[definition.Name] = OptionSource.Flag;
        }

        foreach (var (name, value) in RuntimeSettings.Read(options.StorageFullPath))
        {
            if (RuntimeSettings.Names.Contains(name) && sources.GetValueOrDefault(name) is OptionSource.Default or OptionSource.File)
            {
                Apply(OptionDefinitions.Find(name)!, options, value, $"{RuntimeSettings.FileName}: {name}");
                sources[name] = OptionSource.Settings;
            }
        }

        return new LoadedOptions(options, sources, file);
    }

    /// <summary>The process environment as a dictionary, for <see cref="Load"/>.</summary>
    public static IReadOnlyDictionary<string, string> ProcessEnvironment() =>
        Environment.GetEnvironmentVariables().Cast<System.Collections.DictionaryEntry>()
            .Where(e => e.Key is string key && key.StartsWith("PIXHAVEN_", StringComparison.Ordinal))
            .ToDictionary(e => (string)e.Key, e => e.Value?.ToString() ?? "");

    private static void Apply(OptionDefinition definition, PixhavenOptions options, string value, string origin)
    {
        try
        {
            definition.Apply(options, value);
        }
        catch (OptionsException e)
        {
            throw new OptionsException($"{origin}: {e.Message}");
        }
    }

    private static List<(string Name, string Value)> ReadConfigFile(string path)
    {
        if (!File.Exists(path))
        {
            throw new OptionsException($"config file '{path}' does not exist");
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(File.ReadAllText(path));
        }
        catch (JsonException e)
        {
            throw new OptionsException($"config file '{path}' is not valid JSON: {e.Message}");
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw new OptionsException($"config file '{path}' must hold a JSON object");
            }

            var values = new List<(string Name, string Value)>();
            foreach (var property in document.RootElement.EnumerateObject())
            {
                var value = property.Value.ValueKind switch
                {
                    JsonValueKind.String => property.Value.GetString() ?? "",
                    JsonValueKind.Number => property.Value.GetRawText(),
                    JsonValueKind.True => "true",
                    JsonValueKind.False => "false",
                    _ => throw new OptionsException($"{path}: {property.Name} must be a string, number or boolean"),
                };
                values.Add((property.Name, value.ToString(CultureInfo.InvariantCulture)));
            }

            return values;
        }
    }
}
