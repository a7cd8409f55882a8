using Pixhaven.Core.Scanning;

namespace Pixhaven.Core.Indexing;

/// <summary>
/// Finds the motion half of an Apple Live Photo whose name no longer matches its still ("IMG_3589 (1).mov" beside
/// "IMG_3589.HEIC", as a download or a second export names it): a QuickTime video alone in its stack whose content
/// identifier is that of a still alone in its stack, in the same folder, joins the still's stack. Import then names the
/// pair alike; the index pairs them by identifier wherever their names lead (<see cref="StackBuilder"/>).
/// </summary>
public static class LivePhotoPairs
{
    private static readonly string[] StillExtensions = [".heic", ".heif", ".jpg", ".jpeg"];
    private static readonly string[] VideoExtensions = [".mov"];

    /// <summary>
    /// The files with <see cref="ScannedFile.JoinsStack"/> set on each such video; the same list when there is none.
    /// Identifiers are read only in folders that hold both a lone video and a lone still, and a still's only when a
    /// video there has one.
    /// </summary>
    public static async Task<IReadOnlyList<ScannedFile>> JoinAsync(IReadOnlyList<ScannedFile> files, Func<ScannedFile, Task<string?>> contentIdentifier)
    {
        var joins = new Dictionary<ScannedFile, string>();
        foreach (var folder in files.Where(f => f.NameProblem is null && f.Size > 0).GroupBy(f => Path.GetDirectoryName(f.RelativePath) ?? "", StringComparer.Ordinal))
        {
            var stacks = folder.GroupBy(f => StackKey.For(f).Key).ToList();
            var videos = stacks.Select(s => Lone(s, VideoExtensions, StillExtensions)).OfType<ScannedFile>().ToList();
            var stills = stacks.Select(s => Lone(s, StillExtensions, VideoExtensions)).OfType<ScannedFile>().ToList();
            if (videos.Count == 0 || stills.Count == 0)
            {
                continue;
            }

            // Videos first: most folders' videos carry no identifier (a camera's clips), and then no still is read.
            var videosByIdentifier = new Dictionary<string, List<ScannedFile>>(StringComparer.Ordinal);
            foreach (var video in videos)
            {
                if (await contentIdentifier(video) is { } identifier)
                {
                    videosByIdentifier.TryAdd(identifier, []);
                    videosByIdentifier[identifier].Add(video);
                }
            }

            if (videosByIdentifier.Count == 0)
            {
                continue;
            }

            foreach (var still in stills.OrderBy(f => f.RelativePath, PathOrder.Instance))
            {
                if (await contentIdentifier(still) is { } identifier && videosByIdentifier.Remove(identifier, out var motion))
                {
                    motion.ForEach(video => joins[video] = StackKey.For(still).Key);
                }
            }
        }

        return joins.Count == 0 ? files : files.Select(f => joins.TryGetValue(f, out var key) ? f with { JoinsStack = key } : f).ToList();
    }

    /// <summary>The stack's one file of this kind, when it has no file of the other kind (sidecars may be with it).</summary>
    private static ScannedFile? Lone(IEnumerable<ScannedFile> stack, string[] kind, string[] otherKind)
    {
        var ofKind = stack.Where(f => kind.Contains(Path.GetExtension(f.RelativePath), StringComparer.OrdinalIgnoreCase)).ToList();
        return ofKind is [var only] && !stack.Any(f => otherKind.Contains(Path.GetExtension(f.RelativePath), StringComparer.OrdinalIgnoreCase)) ? only : null;
    }
}
