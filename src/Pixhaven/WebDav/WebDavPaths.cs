using Pixhaven.Core.Options;
using Pixhaven.Core.Scanning;

namespace Pixhaven.WebDav;

/// <summary>One folder offered over WebDAV: originals (read-only unless originals are writable) or import (read-write).</summary>
public sealed record WebDavMount(string Name, string Root, bool Writable);

/// <summary>A request path resolved to a mount and a real file-system path inside it.</summary>
public sealed record WebDavTarget(WebDavMount Mount, string RelativePath, string FullPath)
{
    public bool IsMountRoot => RelativePath.Length == 0;
    public bool IsFile => File.Exists(FullPath);
    public bool IsCollection => Directory.Exists(FullPath);
    public bool Exists => IsFile || IsCollection;
}

/// <summary>Maps <c>/webdav/{mount}/...</c> paths to files, refusing anything that would leave the mount's folder.</summary>
public sealed class WebDavPaths(PixhavenOptions options)
{
    public const string Prefix = "/webdav";
    public const string Originals = "originals";
    public const string Import = "import";

    public IReadOnlyList<WebDavMount> Mounts { get; } =
    [
        new(Originals, options.OriginalsFullPath, Writable: options.OriginalsWritable),
        new(Import, options.ImportFullPath, Writable: true),
    ];

    /// <summary>
    /// Null when the path names no mount, or when a segment is "..", holds a slash after decoding (%2F, %252F is
    /// decoded once only and stays harmless text), a NUL, or when a link leads outside the mount.
    /// </summary>
    public WebDavTarget? Resolve(string pathAfterPrefix)
    {
        var segments = new List<string>();
        foreach (var raw in pathAfterPrefix.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            var segment = Uri.UnescapeDataString(raw);
            if (segment is "." or ".." || segment.IndexOfAny(['/', '\\', '\0']) >= 0)
            {
                return null;
            }

            segments.Add(segment);
        }

        if (segments.Count == 0 || Mounts.FirstOrDefault(m => m.Name == segments[0]) is not { } mount)
        {
            return null;
        }

        Directory.CreateDirectory(mount.Root);
        var relative = string.Join('/', segments.Skip(1));
        var full = relative.Length == 0 ? Path.TrimEndingDirectorySeparator(mount.Root) : SafePaths.ResolveEntry(mount.Root, relative);
        return full is null ? null : new WebDavTarget(mount, relative, full);
    }

    /// <summary>The href of a target, each segment escaped.</summary>
    public static string Href(WebDavTarget target, bool collection)
    {
        var path = Prefix + "/" + target.Mount.Name + (target.RelativePath.Length == 0 ? "" : "/" + string.Join('/', target.RelativePath.Split('/').Select(Uri.EscapeDataString)));
        return collection ? path + "/" : path;
    }

    public WebDavTarget Child(WebDavTarget parent, string name) =>
        new(parent.Mount, parent.RelativePath.Length == 0 ? name : parent.RelativePath + "/" + name, Path.Combine(parent.FullPath, name));
}
