namespace Pixhaven.Core.Model;

/// <summary>A value the server keeps across restarts and may change at run time (such as the preview token).</summary>
public sealed class Setting
{
    public required string Key { get; set; }
    public required string Value { get; set; }
}
