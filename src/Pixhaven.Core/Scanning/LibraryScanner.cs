using System.IO.Enumeration;
using Microsoft.Extensions.Logging;

namespace Pixhaven.Core.Scanning;

/// <summary>
/// Walks the originals folder and stats each file; reads no content. Hidden files and folders, NAS system folders and
/// the index structures cameras write around their videos are left out. Links to folders, and links that lead outside
/// the folder, are not followed, so a hostile symlink cannot pull other files into the library; they are listed with
/// that reason, as is a file or folder whose name cannot be opened: nothing is dropped unseen.
/// </summary>
public sealed class LibraryScanner(ILogger<LibraryScanner> logger)
{
    private static readonly HashSet<string> IgnoredFolders = new(StringComparer.OrdinalIgnoreCase)
    {
        "@eaDir", "#recycle", "#snapshot", "$RECYCLE.BIN", "System Volume Information", "lost+found",
    };

    // A camcorder's AVCHD card (and a Blu-ray folder): playlists, clip information, their backups and thumbnails hold no
    // picture, and each was one "unsupported content" problem per clip. Left out only inside BDMV, where they belong, so a
    // user's own "Backup" or "Playlist" folder is still indexed; the videos in BDMV/STREAM are.
    private static readonly HashSet<string> BdmvIndexFolders = new(StringComparer.OrdinalIgnoreCase)
    {
        "CLIPINF", "PLAYLIST", "BACKUP", "AUXDATA", "META", "BDJO", "JAR",
    };

    private static readonly HashSet<string> BdmvIndexFiles = new(StringComparer.OrdinalIgnoreCase)
    {
        "INDEX.BDM", "MOVIEOBJ.BDM", "index.bdmv", "MovieObject.bdmv",
    };

    // A Sony camera's XAVC card: its thumbnails (THMBNL/C0001T01.JPG) and low-resolution proxies (SUB/C0001S03.MP4) of the
    // clips in CLIP, and the card's index files; each was a photo or a problem of its own. Canon's catalog beside DCIM too.
    private static readonly HashSet<string> M4RootIndexFolders = new(StringComparer.OrdinalIgnoreCase) { "THMBNL", "SUB", "GENERAL" };

    private static readonly HashSet<string> M4RootIndexFiles = new(StringComparer.OrdinalIgnoreCase) { "MEDIAPRO.XML", "STATUS.BIN", "CUEUP.XML" };

    private const string RenameHint = "rename it to UTF-8, for example with: convmv -r -f latin1 -t utf-8 --notest <folder>";

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
            // A folder is listed only when its name cannot be opened, so that the files it holds are not lost unseen.
            // So is a linked folder, which is not followed: listed with the reason, not left out unseen.
            ShouldIncludePredicate = (ref FileSystemEntry entry) =>
                !entry.FileName.StartsWith('.') && (!entry.IsDirectory || Undecodable(ref entry) || IsLink(ref entry)) && !IsCardIndex(ref entry),
            ShouldRecursePredicate = (ref FileSystemEntry entry) =>
                !entry.FileName.StartsWith('.') && !IgnoredFolders.Contains(entry.FileName.ToString()) && !IsCardIndex(ref entry)
                && !IsLink(ref entry)
                && !excluded.Contains(entry.ToFullPath())
                && !Undecodable(ref entry),
        };

        var result = new List<ScannedFile>();
        var paths = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in files)
        {
            cancellationToken.ThrowIfCancellationRequested();
            // Two undecodable names can read alike ("Caf\uFFFD.jpg"); one entry says what both need.
            if (file is not null && paths.Add(file.RelativePath))
            {
                result.Add(file);
            }
        }

        result.Sort((a, b) => string.CompareOrdinal(a.RelativePath, b.RelativePath));
        return result;
    }

    /// <summary>Whether the entry is one of a camera card's index structures (see the sets above); allocates only inside those folders.</summary>
    private static bool IsCardIndex(ref FileSystemEntry entry)
    {
        var parent = Path.GetFileName(entry.Directory);
        var name = entry.FileName;
        if (parent.Equals("BDMV", StringComparison.OrdinalIgnoreCase))
        {
            return (entry.IsDirectory ? BdmvIndexFolders : BdmvIndexFiles).Contains(name.ToString());
        }

        if (parent.Equals("M4ROOT", StringComparison.OrdinalIgnoreCase))
        {
            return (entry.IsDirectory ? M4RootIndexFolders : M4RootIndexFiles).Contains(name.ToString());
        }

        return entry.IsDirectory
               && ((parent.Equals("AVCHD", StringComparison.OrdinalIgnoreCase) && name.Equals("AVCHDTN", StringComparison.OrdinalIgnoreCase))
                   || (parent.Equals("DCIM", StringComparison.OrdinalIgnoreCase) && name.Equals("CANONMSC", StringComparison.OrdinalIgnoreCase)));
    }

    /// <summary>
    /// A name that is not valid UTF-8 (written by an older system in Latin-1 or a code page) reaches .NET with
    /// replacement characters, and the file cannot be opened by that name at all.
    /// </summary>
    private static bool Undecodable(ref FileSystemEntry entry) =>
        entry.FileName.Contains('\uFFFD') && !Path.Exists(entry.ToFullPath());

    private ScannedFile? ToScannedFile(ref FileSystemEntry entry, string root)
    {
        var fullPath = entry.ToFullPath();
        var relative = Path.GetRelativePath(root, fullPath).Replace('\\', '/');
        if (Undecodable(ref entry))
        {
            logger.LogWarning("Skipping {Path}: its name is not valid UTF-8", relative);
            return entry.IsDirectory
                ? new ScannedFile(relative + "/", fullPath, 0, DateTime.UnixEpoch,
                    $"the folder's name is not valid UTF-8, so nothing in it can be opened; {RenameHint}")
                : new ScannedFile(relative, fullPath, 0, DateTime.UnixEpoch, $"the file's name is not valid UTF-8, so it cannot be opened; {RenameHint}");
        }

        if (!IsLink(ref entry))
        {
            return new ScannedFile(relative, fullPath, entry.Length, entry.LastWriteTimeUtc.UtcDateTime);
        }

        // A symlinked file is followed only when it resolves to a regular file inside the folder; a linked folder never.
        var target = FinalTarget(fullPath);
        if (target is not null && Directory.Exists(target))
        {
            logger.LogWarning("Skipping {Path}: linked folders are not followed", relative);
            return new ScannedFile(relative + "/", fullPath, 0, DateTime.UnixEpoch,
                "a link to a folder, which is not followed (a link could bring in any folder of this machine): mount or copy the folder here instead");
        }

        if (target is null || !File.Exists(target) || !target.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            logger.LogWarning("Skipping {Path}: link leads outside the folder or nowhere", relative);
            return new ScannedFile(relative, fullPath, 0, DateTime.UnixEpoch, "a link that leads outside this folder or nowhere, which is not followed");
        }

        var targetFile = new FileInfo(target);
        return new ScannedFile(relative, fullPath, targetFile.Length, targetFile.LastWriteTimeUtc);
    }

    private static bool IsLink(ref FileSystemEntry entry) => (entry.Attributes & FileAttributes.ReparsePoint) != 0;

    /// <summary>Where a link leads after every link on the way; null for a loop or a link that cannot be read.</summary>
    private static string? FinalTarget(string link)
    {
        try
        {
            return new FileInfo(link).ResolveLinkTarget(returnFinalTarget: true) is { } target ? Path.GetFullPath(target.FullName) : null;
        }
        catch (IOException)
        {
            return null; // too many levels of links: a loop
        }
    }
}
