namespace Pixhaven.Core.Media;

/// <summary>
/// Scratch files under <c>storage/cache/tmp</c>. The only place Pixhaven deletes files, and it refuses any path
/// outside that folder, so no mistake here can touch an original.
/// </summary>
public sealed class TemporaryFiles(string root)
{
    public string Root { get; } = Path.GetFullPath(root);

    public string NewPath(string extension)
    {
        Directory.CreateDirectory(Root);
        return Path.Combine(Root, $"{Guid.NewGuid():N}{extension}");
    }

    /// <summary>A new, empty scratch folder, for a tool that writes files of its own.</summary>
    public string NewDirectory() => Directory.CreateDirectory(NewPath("")).FullName;

    public void Delete(string path)
    {
#pragma warning disable RS0030 // The one sanctioned delete: scratch files, guarded by Inside.
        File.Delete(Inside(path));
#pragma warning restore RS0030
    }

    /// <summary>Deletes a folder from <see cref="NewDirectory"/> with everything in it.</summary>
    public void DeleteDirectory(string path)
    {
        var full = Inside(path);
        if (Directory.Exists(full))
        {
            Directory.Delete(full, recursive: true);
        }
    }

    private string Inside(string path)
    {
        var full = Path.GetFullPath(path);
        return full.StartsWith(Root + Path.DirectorySeparatorChar, StringComparison.Ordinal)
            ? full
            : throw new InvalidOperationException($"refusing to delete '{full}': not a temporary file");
    }
}
