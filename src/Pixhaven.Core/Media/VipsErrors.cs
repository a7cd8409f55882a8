using NetVips;

namespace Pixhaven.Core.Media;

/// <summary>
/// What libvips' error says about one file. libvips keeps one error buffer for the whole process, which NetVips reads and
/// empties when it throws: while files are decoded in parallel, another file's failure can add its words to this one's
/// error, or take them out. Lines of another loader's family (a HEIC's "heif: …" in a JPEG's error) are left out, and a
/// codec counts as missing only for a file of the family that needs it.
/// </summary>
public static class VipsErrors
{
    private static readonly string[] Families = ["jpeg", "png", "heif", "tiff", "webp", "gif", "jxl", "jp2k", "svg", "pdf", "magick"];

    /// <summary>The loader family that reads the file ("jpeg", "heif", …), from its first bytes; null when none does.</summary>
    public static string? FamilyOf(string path) =>
        NetVips.Image.FindLoad(path) is { } loader ? Families.FirstOrDefault(f => loader.Contains(f, StringComparison.OrdinalIgnoreCase)) : null;

    /// <summary>libvips failed for want of a HEIF codec (HEVC in HEIC): its words say so, and the file is a HEIF.</summary>
    public static bool IsMissingDecoder(string message, string? family) =>
        family == "heif" && (message.Contains("libde265", StringComparison.Ordinal)
                             || message.Contains("Support for this compression format has not been built in", StringComparison.Ordinal));

    /// <summary>
    /// Why libvips could not read <paramref name="path"/>: <see cref="MostSpecificLine"/> of its error, with the warning
    /// libvips gave on this thread since <see cref="VipsRuntime.ForgetWarnings"/> when the error says nothing.
    /// </summary>
    public static string Reason(VipsException error, string path, string? family) =>
        MostSpecificLine(error.Message, family, path, VipsRuntime.LastWarning);

    /// <summary>
    /// The most specific line of the error for a file of this family: the loader's own words come last. NetVips starts
    /// the message with "unable to call &lt;operation&gt;", which is all there is when the decoder only warned (a PNG
    /// whose chunks fail their checks), or when another thread emptied the buffer first: that says nothing to a user.
    /// </summary>
    /// <param name="path">The file decoded: a line that names another file is that file's, and left out.</param>
    /// <param name="warning">The last warning libvips gave while decoding the file: the reason when the error has none.</param>
    public static string MostSpecificLine(string message, string? family, string? path = null, string? warning = null)
    {
        var lines = new List<string>();
        foreach (var line in message.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            // libheif ends its message with its error code on a line of its own, " (2.100)": it belongs to the line before.
            if (lines.Count > 0 && line.StartsWith('(') && line.EndsWith(')') && line.Length < 12)
            {
                lines[^1] += " " + line;
            }
            else
            {
                lines.Add(line);
            }
        }

        // A NUL is where another thread cleared the shared buffer while NetVips read it: what follows is a torn line of
        // another file's error ("\0tmp/cut.HIF: bad seek"), which no longer starts with the path that would tell it apart.
        var specific = lines.Where(line => !line.Contains('\0', StringComparison.Ordinal)
                                           && !line.StartsWith("unable to call ", StringComparison.Ordinal)
                                           && (path is null || NamedFile(line) is not { } named || named == path)
                                           && (NamedFile(line) is not null || OfThisFamilyOrLibvips(line, family))).ToList();
        // A line that names its file ("/photos/IMG_1.heic: bad seek to 22444") is libvips' own, less telling than the
        // decoder's, and its path is not for a reason shown beside the file: the decoder's line first, else without the path.
        var fromDecoder = specific.LastOrDefault(line => NamedFile(line) is null);
        if (fromDecoder is not null)
        {
            return fromDecoder;
        }

        var ofFile = specific.LastOrDefault();
        return ofFile is not null ? WithoutPath(ofFile)
            : string.IsNullOrWhiteSpace(warning) ? "the image data is invalid (libvips gave no detail)"
            : $"the image data is invalid ({warning.Trim()})";
    }

    /// <summary>
    /// The file a line names, as libvips writes it: at its start before ": ", or in double quotes. A line that starts
    /// with a path and has no message after it is a line torn while another thread wrote it ("/tmp/cut.HIF:", "/tmp/cu"):
    /// all of it is the path, so it counts as that file's.
    /// </summary>
    private static string? NamedFile(string line)
    {
        if (line.StartsWith('/'))
        {
            return line.IndexOf(": ", StringComparison.Ordinal) is > 0 and var end ? line[..end] : line.TrimEnd(':');
        }

        var quoted = line.IndexOf("\"/", StringComparison.Ordinal);
        var closing = quoted < 0 ? -1 : line.IndexOf('"', quoted + 1);
        return closing > quoted ? line[(quoted + 1)..closing] : null;
    }

    /// <summary>The line without its file's folders: "bad seek to 22444", "\"IMG_1.png\" is not a known file format".</summary>
    private static string WithoutPath(string line)
    {
        var named = NamedFile(line);
        return named is null ? line
            : line.StartsWith(named + ": ", StringComparison.Ordinal) ? line[(named.Length + 2)..]
            : line.Replace(named, Path.GetFileName(named), StringComparison.Ordinal);
    }

    /// <summary>
    /// The line starts with a domain of this file's loader ("VipsJpeg: ", "vipspng: ", "TIFFReadDirectory: ") or of libvips
    /// itself ("VipsImage: "), and not of another loader's family. Every line libvips writes starts with its domain, one word
    /// and a colon: a line that does not is a piece of another file's line, torn while that thread wrote it ("osition 96822)
    /// (2.100)", "put: Unexpected end of file"), and a domain of another family is that file's.
    /// </summary>
    private static bool OfThisFamilyOrLibvips(string line, string? family)
    {
        var colon = line.IndexOf(": ", StringComparison.Ordinal);
        if (colon <= 0 || line.AsSpan(0, colon).ContainsAny(' ', '\t'))
        {
            return false;
        }

        var domain = line[..colon];
        if (family is not null && domain.Contains(family, StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        return !Families.Any(other => domain.Contains(other, StringComparison.OrdinalIgnoreCase))
               && (family is null || domain.StartsWith("vips", StringComparison.OrdinalIgnoreCase));
    }
}
