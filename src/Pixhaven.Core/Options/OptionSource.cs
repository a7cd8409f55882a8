namespace Pixhaven.Core.Options;

/// <summary>Where an option's value came from; later sources override earlier ones.</summary>
public enum OptionSource
{
    Default,
    File,

    /// <summary>Changed in the web app's settings (storage/settings.json); only options not set by environment or flag.</summary>
    Settings,
    Environment,
    Flag,
}
