using Pixhaven.Core.Media;
using Pixhaven.Core.Organizing;

namespace Pixhaven.WebDav;

/// <summary>
/// The file operations behind WebDAV's DELETE, COPY and MOVE in a mount; the handler checks first that the mount is
/// writable and the account may write.
/// </summary>
public sealed class WebDavEntries(Trash trash)
{
    /// <summary>Moves a file or a folder within its mount.</summary>
    public static void Move(WebDavTarget source, WebDavTarget destination)
    {
        if (source.IsCollection)
        {
            Directory.Move(source.FullPath, destination.FullPath);
        }
        else
        {
            File.Move(source.FullPath, destination.FullPath);
        }
    }

    /// <summary>Copies a file, or a folder with (unless shallow) everything in it but links.</summary>
    public static void Copy(string from, string to, bool shallow)
    {
        if (File.Exists(from))
        {
            File.Copy(from, to);
            return;
        }

        Directory.CreateDirectory(to);
        if (shallow)
        {
            return;
        }

        foreach (var entry in new DirectoryInfo(from).EnumerateFileSystemInfos().Where(e => e.LinkTarget is null))
        {
            Copy(entry.FullName, Path.Combine(to, entry.Name), shallow: false);
        }
    }

    /// <summary>
    /// Removes a file or folder. In originals (writable only when the owner allowed it) nothing is unlinked: every
    /// file goes to the trash with a verified copy, then the emptied folders are removed.
    /// </summary>
    public async Task RemoveAsync(WebDavTarget target, CancellationToken cancellationToken)
    {
        if (target.Mount.Name != WebDavPaths.Originals)
        {
            RemoveEntry(target.FullPath);
            return;
        }

        var batch = trash.NewBatchFolder();
        var files = target.IsCollection ? Directory.GetFiles(target.FullPath, "*", SearchOption.AllDirectories) : [target.FullPath];
        foreach (var file in files)
        {
            var relative = Path.GetRelativePath(target.Mount.Root, file).Replace('\\', '/');
            await trash.MoveAsync(relative, await ContentHasher.HashFileAsync(file, cancellationToken), batch, cancellationToken);
        }

        if (target.IsCollection)
        {
            foreach (var folder in Directory.GetDirectories(target.FullPath, "*", SearchOption.AllDirectories).OrderByDescending(f => f.Length))
            {
                Directory.Delete(folder, recursive: false);
            }

            Directory.Delete(target.FullPath, recursive: false);
        }
    }

    private static void RemoveEntry(string path)
    {
        if (Directory.Exists(path) && new DirectoryInfo(path).LinkTarget is null)
        {
            Directory.Delete(path, recursive: true);
        }
        else
        {
            RemoveFile(path);
        }
    }

    /// <summary>Unlinks a file: an upload's own partial file, or an entry outside originals.</summary>
#pragma warning disable RS0030 // WebDAV unlinks no original: RemoveAsync sends those to the trash.
    internal static void RemoveFile(string path) => File.Delete(path);
#pragma warning restore RS0030
}
