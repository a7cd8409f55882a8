using System.Text.Json;

namespace Pixhaven.Core.Options;

/// <summary>
/// The options an admin may change while the server runs, from the web app's settings. Each change is checked as the
/// option's flag would be, takes effect at once, and is kept in storage/settings.json, which the next start reads after
/// the config file; an option set by an environment variable or a flag stays as the administrator of the machine set it.
/// </summary>
public sealed class RuntimeSettings(LoadedOptions loaded)
{
    public const string FileName = "settings.json";

    /// <summary>Options read at every use, so a new value needs no restart.</summary>
    public static readonly IReadOnlyList<string> Names = ["upload-max-mb", "import-after-upload", "map-tile-url", "sidecar-write", "session-idle", "session-max-age"];

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    private readonly Lock _gate = new();
    private readonly HashSet<string> _changed = new(StringComparer.Ordinal);

    public sealed record Setting(string Name, string Value, string Description, string Source, bool Locked);

    public IReadOnlyList<Setting> List()
    {
        lock (_gate)
        {
            return Names.Select(name =>
            {
                var definition = OptionDefinitions.Find(name)!;
                var source = _changed.Contains(name) ? OptionSource.Settings : loaded.Sources[name];
                return new Setting(name, definition.Read(loaded.Values), definition.Description, source.ToString().ToLowerInvariant(), IsLocked(source));
            }).ToList();
        }
    }

    /// <summary>Applies and keeps a new value; refuses unknown or locked options and invalid values with the reason.</summary>
    public void Set(string name, string value)
    {
        if (!Names.Contains(name) || OptionDefinitions.Find(name) is not { } definition)
        {
            throw new OptionsException($"'{name}' cannot be changed at run time; these can: {string.Join(", ", Names)}");
        }

        lock (_gate)
        {
            if (!_changed.Contains(name) && IsLocked(loaded.Sources[name]))
            {
                throw new OptionsException($"{name} is set by {(loaded.Sources[name] == OptionSource.Flag ? definition.Flag : definition.EnvironmentVariable)} on the server; change it there");
            }

            definition.Apply(loaded.Values, value);
            _changed.Add(name);
            var saved = Read(loaded.Values.StorageFullPath);
            saved[name] = definition.Read(loaded.Values);
            var path = Path.Combine(loaded.Values.StorageFullPath, FileName);
            Directory.CreateDirectory(loaded.Values.StorageFullPath);
            File.WriteAllText(path + ".new", JsonSerializer.Serialize(saved, Indented));
            File.Move(path + ".new", path, overwrite: true);
        }
    }

    /// <summary>The saved values of a storage folder, for the options loader; an unreadable file is reported, never ignored.</summary>
    public static Dictionary<string, string> Read(string storage)
    {
        var path = Path.Combine(storage, FileName);
        if (!File.Exists(path))
        {
            return new Dictionary<string, string>(StringComparer.Ordinal);
        }

        try
        {
            return JsonSerializer.Deserialize<Dictionary<string, string>>(File.ReadAllText(path)) ?? new Dictionary<string, string>(StringComparer.Ordinal);
        }
        catch (JsonException e)
        {
            throw new OptionsException($"{path}: {e.Message}");
        }
    }

    private static bool IsLocked(OptionSource source) => source is OptionSource.Environment or OptionSource.Flag;
}
