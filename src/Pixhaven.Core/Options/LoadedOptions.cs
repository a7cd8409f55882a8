namespace Pixhaven.Core.Options;

/// <summary>Bound options together with where each value came from.</summary>
public sealed record LoadedOptions(PixhavenOptions Values, IReadOnlyDictionary<string, OptionSource> Sources, string? ConfigFile);
