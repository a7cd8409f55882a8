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

    public void Delete(string path)
    {
        var full = Path.GetFullPath(path);
        if (!full.StartsWith(Root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"refusing to delete '{full}': not a temporary file");
        }

#pragma warning disable RS0030 // The one sanctioned delete: scratch files, guarded above.
        File.Delete(full);
#pragma warning restore RS0030
    }
}
