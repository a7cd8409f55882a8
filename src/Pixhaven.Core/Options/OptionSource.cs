namespace Pixhaven.Core.Options;

/// <summary>Where an option's value came from; later sources override earlier ones.</summary>
public enum OptionSource
{
    Default,
    File,
    Environment,
    Flag,
}
