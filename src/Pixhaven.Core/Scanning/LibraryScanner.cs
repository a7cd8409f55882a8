using System.IO.Enumeration;
using Microsoft.Extensions.Logging;

namespace Pixhaven.Core.Scanning;

/// <summary>
/// Walks the originals folder and stats each file; reads no content. Hidden files and folders, NAS system folders,
/// and links that lead outside the folder are left out, so a hostile symlink cannot pull other files into the library.
/// </summary>
public sealed class LibraryScanner(ILogger<LibraryScanner> logger)
{
    private static readonly HashSet<string> IgnoredFolders = new(StringComparer.OrdinalIgnoreCase)
    {
        "@eaDir", "#recycle", "#snapshot", "$RECYCLE.BIN", "System Volume Information", "lost+found",
    };

    public IReadOnlyList<ScannedFile> Scan(string root, IReadOnlyCollection<string> excludedFolders, CancellationToken cancellationToken)
    {
        var fullRoot = Path.TrimEndingDirectorySeparator(Path.GetFullPath(root));
        if (!Directory.Exists(fullRoot))
        {
            throw new DirectoryNotFoundException($"originals folder '{fullRoot}' does not exist");
        }

        var excluded = excludedFolders.Select(f => Path.TrimEndingDirectorySeparator(Path.GetFullPath(f))).ToHashSet(StringComparer.Ordinal);
        var options = new EnumerationOptions
        {
            RecurseSubdirectories = true,
            IgnoreInaccessible = true,
            AttributesToSkip = FileAttributes.System,
            ReturnSpecialDirectories = false,
        };
        var files = new FileSystemEnumerable<ScannedFile?>(fullRoot, (ref FileSystemEntry entry) => ToScannedFile(ref entry, fullRoot), options)
        {
            ShouldIncludePredicate = (ref FileSystemEntry entry) => !entry.IsDirectory && !entry.FileName.StartsWith('.'),
            ShouldRecursePredicate = (ref FileSystemEntry entry) =>
                !entry.FileName.StartsWith('.') && !IgnoredFolders.Contains(entry.FileName.ToString())
                && (entry.Attributes & FileAttributes.ReparsePoint) == 0
                && !excluded.Contains(entry.ToFullPath()),
        };

        var result = new List<ScannedFile>();
        foreach (var file in files)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (file is not null)
            {
                result.Add(file);
            }
        }

        result.Sort((a, b) => string.CompareOrdinal(a.RelativePath, b.RelativePath));
        return result;
    }

    private ScannedFile? ToScannedFile(ref FileSystemEntry entry, string root)
    {
        var fullPath = entry.ToFullPath();
        var relative = Path.GetRelativePath(root, fullPath).Replace('\\', '/');
        if ((entry.Attributes & FileAttributes.ReparsePoint) == 0)
        {
            return new ScannedFile(relative, fullPath, entry.Length, entry.LastWriteTimeUtc.UtcDateTime);
        }

        // A symlinked file is followed only when it resolves to a regular file inside the originals folder.
        var info = new FileInfo(fullPath);
        var target = info.ResolveLinkTarget(returnFinalTarget: true);
        if (target is not FileInfo { Exists: true } targetFile
            || !Path.GetFullPath(targetFile.FullName).StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            logger.LogWarning("Skipping {Path}: link leads outside the originals folder or nowhere", relative);
            return null;
        }

        return new ScannedFile(relative, fullPath, targetFile.Length, targetFile.LastWriteTimeUtc);
    }
}
