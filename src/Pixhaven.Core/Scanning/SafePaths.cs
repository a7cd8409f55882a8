namespace Pixhaven.Core.Scanning;

/// <summary>
/// Resolves a relative path from the catalog or a request inside a root folder, or refuses it: absolute paths, NUL
/// characters, <c>..</c> that climbs out, and symlinks (of the file or of any folder on the way) whose real target
/// lies outside the root all give null.
/// </summary>
public static class SafePaths
{
    /// <summary>As the kernel's limit on links followed while resolving one path.</summary>
    private const int MaximumLinks = 40;

    /// <summary>An existing file inside the root; checked at the moment of use, as a file may have been swapped for a link since.</summary>
    public static string? ResolveFile(string root, string relative) =>
        relative.Length > 0 && ResolveEntry(root, relative) is { } path && File.Exists(path) ? path : null;

    /// <summary>
    /// Resolves a path that may not exist yet (a new upload or folder) inside the root: the same lexical checks, and the
    /// real path of its nearest existing ancestor must lie inside the root's real path.
    /// </summary>
    public static string? ResolveEntry(string root, string relative)
    {
        if (relative.Contains('\0', StringComparison.Ordinal) || Path.IsPathRooted(relative))
        {
            return null;
        }

        var prefix = Path.TrimEndingDirectorySeparator(Path.GetFullPath(root)) + Path.DirectorySeparatorChar;
        var path = Path.TrimEndingDirectorySeparator(Path.GetFullPath(Path.Combine(prefix, relative)));
        if (path + Path.DirectorySeparatorChar != prefix && !path.StartsWith(prefix, StringComparison.Ordinal))
        {
            return null;
        }

        var existing = path;
        while (!File.Exists(existing) && !Directory.Exists(existing) && new FileInfo(existing).LinkTarget is null)
        {
            existing = Path.GetDirectoryName(existing);
            if (existing is null || existing.Length + 1 < prefix.Length)
            {
                return null;
            }
        }

        var realRoot = RealPath(prefix);
        var real = RealPath(existing);
        return realRoot is not null && real is not null
            && (real + Path.DirectorySeparatorChar).StartsWith(Path.TrimEndingDirectorySeparator(realRoot) + Path.DirectorySeparatorChar, StringComparison.Ordinal)
            ? path
            : null;
    }

    /// <summary>The path with every link on the way followed, like realpath(3); null for a loop of links.</summary>
    private static string? RealPath(string path)
    {
        var pending = new Stack<string>(Path.GetFullPath(path).Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries).Reverse());
        var current = Path.GetPathRoot(Path.GetFullPath(path)) ?? "/";
        var links = 0;
        while (pending.TryPop(out var part))
        {
            var next = Path.GetFullPath(Path.Combine(current, part));
            var target = new FileInfo(next).LinkTarget;
            if (target is null)
            {
                current = next;
                continue;
            }

            if (++links > MaximumLinks)
            {
                return null;
            }

            // Resolve the target's own parts too: it may climb with .. or pass through other links.
            var absolute = Path.IsPathRooted(target) ? target : Path.Combine(current, target);
            foreach (var piece in absolute.Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries).Reverse())
            {
                pending.Push(piece);
            }

            current = Path.GetPathRoot(absolute) ?? "/";
        }

        return current;
    }
}
