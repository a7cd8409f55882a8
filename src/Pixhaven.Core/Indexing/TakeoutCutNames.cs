using Pixhaven.Core.Scanning;

namespace Pixhaven.Core.Indexing;

/// <summary>
/// Finds the photo of a Google Takeout JSON whose name was cut short. Takeout keeps a JSON's name within 51 characters:
/// "Screenshot_2022-10-28-09-31-43-118_com.snapchat.jpg" gets "Screenshot_2022-10-28-09-31-43-118_com.snapcha.json",
/// which no longer names its photo, so the stack key of its name alone would leave it a sidecar of nothing. Its photo
/// is the file of its folder whose name it begins, when exactly one stack's files do.
/// </summary>
public static class TakeoutCutNames
{
    /// <summary>Google's limit, ".json" included; a name shorter than this was not cut.</summary>
    private const int CutLength = 51;

    /// <summary>
    /// The scanned files with <see cref="ScannedFile.JoinsStack"/> set on each cut JSON whose photo is found; the same
    /// list when there is none.
    /// </summary>
    public static IReadOnlyList<ScannedFile> Join(IReadOnlyList<ScannedFile> files)
    {
        if (!files.Any(IsCut))
        {
            return files;
        }

        var joined = new List<ScannedFile>(files.Count);
        var byFolder = files.ToLookup(f => Path.GetDirectoryName(f.RelativePath) ?? "", StringComparer.Ordinal);
        foreach (var file in files)
        {
            joined.Add(IsCut(file) && StackOf(file, byFolder[Path.GetDirectoryName(file.RelativePath) ?? ""]) is { } key ? file with { JoinsStack = key } : file);
        }

        return joined;
    }

    // Spans: this looks at every file of the library on every run.
    private static bool IsCut(ScannedFile file) =>
        file.NameProblem is null && Path.GetFileName(file.RelativePath.AsSpan()) is { Length: CutLength } name
        && name.EndsWith(".json", StringComparison.OrdinalIgnoreCase);

    /// <summary>The one stack key of the other files whose names begin with the JSON's; null when none or several.</summary>
    private static string? StackOf(ScannedFile json, IEnumerable<ScannedFile> folder)
    {
        var ownKey = StackKey.For(json.RelativePath).Key;
        var prefix = Path.GetFileName(json.RelativePath)[..^".json".Length];
        // The names are compared first: a year folder of an export holds thousands of files, and a key costs regexes.
        var keys = folder
            .Where(f => f != json && Path.GetFileName(f.RelativePath.AsSpan()) is var name && name.Length > prefix.Length
                        && name.StartsWith(prefix, StringComparison.Ordinal) && !name.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
            .Select(f => StackKey.For(f.RelativePath).Key)
            .Distinct(StringComparer.Ordinal)
            .ToList();
        return keys is [var key] && key != ownKey ? key : null;
    }
}
