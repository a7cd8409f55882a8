namespace Pixhaven.Core.Scanning;

/// <summary>A file found under the originals folder, with the stat data used for change detection.</summary>
/// <param name="NameProblem">Why the file (or, for a path ending in '/', a whole folder) cannot be opened by its name.</param>
public sealed record ScannedFile(string RelativePath, string FullPath, long Size, DateTime ModifiedUtc, string? NameProblem = null)
{
    /// <summary>
    /// The stack this file joins when its own name cannot say so (a sidecar whose name was cut short, as Google Takeout
    /// cuts long ones); null when its name gives its stack.
    /// </summary>
    public string? JoinsStack { get; init; }
}
