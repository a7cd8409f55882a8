namespace Pixhaven.Core.Options;

/// <summary>One user-visible option: its name, flag, environment variable, description and how to bind it.</summary>
public sealed record OptionDefinition(
    string Name,
    string Flag,
    string Description,
    Func<PixhavenOptions, string> Read,
    Action<PixhavenOptions, string> Apply)
{
    public string EnvironmentVariable => "PIXHAVEN_" + Name.Replace('-', '_').ToUpperInvariant();
}
