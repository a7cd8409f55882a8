using System.Globalization;
using System.Text;

namespace Pixhaven.Core.Indexing;

/// <summary>
/// Destination names for imported files from a pattern such as <c>{yyyy}/{MM}/{yyyyMMdd}_{HHmmss}_{hash8}</c>.
/// Placeholders: any .NET date format in braces, and <c>{hash8}</c> (the first 8 hex digits of the content hash).
/// </summary>
public static class ImportNames
{
    public const string DefaultPattern = "{yyyy}/{MM}/{yyyyMMdd}_{HHmmss}_{hash8}";

    public static string Base(string pattern, DateTime takenAt, string hash)
    {
        var result = new StringBuilder();
        for (var i = 0; i < pattern.Length; i++)
        {
            if (pattern[i] != '{')
            {
                result.Append(pattern[i]);
                continue;
            }

            var end = pattern.IndexOf('}', i);
            if (end < 0)
            {
                throw new FormatException($"unclosed '{{' in import pattern '{pattern}'");
            }

            var token = pattern[(i + 1)..end];
            result.Append(token == "hash8" ? hash[..8] : takenAt.ToString(token, CultureInfo.InvariantCulture));
            i = end;
        }

        // The pattern is configuration, but its result must still stay inside originals.
        var name = result.ToString().Replace('\\', '/');
        if (name.Split('/').Any(part => part is "" or "." or ".."))
        {
            throw new FormatException($"import pattern '{pattern}' makes an unsafe path: '{name}'");
        }

        return name;
    }

    /// <summary>
    /// The names a sidecar may take beside a library file whose own sidecar ("IMG_1.xmp") is there already: its own,
    /// then one per media file it came with ("IMG_1.CR2.xmp"), which is still read as part of the stack. A sidecar
    /// named after one file already keeps its name.
    /// </summary>
    public static IReadOnlyList<string> SidecarSuffixes(string suffix, IEnumerable<string> mediaSuffixes) =>
        suffix.Equals(".xmp", StringComparison.OrdinalIgnoreCase)
            ? [suffix, .. mediaSuffixes.Where(m => m.StartsWith('.')).Select(m => m + suffix).Distinct(StringComparer.OrdinalIgnoreCase)]
            : [suffix];

    /// <summary>
    /// What follows a stack's shared stem in a member's name: ".CR2", ".jpg.xmp", " (edited).jpg". A file that joins a
    /// stack its name does not give (<see cref="Scanning.ScannedFile.JoinsStack"/>: "IMG_3589 (1).mov", the motion of
    /// "IMG_3589.HEIC") keeps only what follows its own base name.
    /// </summary>
    public static string MemberSuffix(string fileName, string stackStem, bool joined = false)
    {
        if (!joined && fileName.StartsWith(stackStem, StringComparison.OrdinalIgnoreCase))
        {
            return fileName[stackStem.Length..];
        }

        // A name that joins the stack without starting with its stem: Apple's IMG_E0001.JPG, whose edit marker is not a
        // suffix, so say it in ours; GoPro's GL010042.LRV beside GH010042.MP4, which keeps its extension.
        var (_, edited, rest) = StackKey.Split(fileName);
        return (edited ? "_edited" : "") + rest;
    }
}
