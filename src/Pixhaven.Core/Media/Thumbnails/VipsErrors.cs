namespace Pixhaven.Core.Media.Thumbnails;

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
    /// The most specific line of the error for a file of this family: the loader's own words come last. NetVips starts
    /// the message with "unable to call &lt;operation&gt;", which is all there is when the decoder only warned (a PNG
    /// whose chunks fail their checks), or when another thread emptied the buffer first: that says nothing to a user.
    /// </summary>
    /// <param name="warning">The last warning libvips gave while decoding the file: the reason when the error has none.</param>
    public static string MostSpecificLine(string message, string? family, string? warning = null)
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

        var specific = lines.Where(line => !line.StartsWith("unable to call ", StringComparison.Ordinal) && !OfAnotherFamily(line, family)).ToList();
        // A line that names a file ("/photos/IMG_1.heic: bad seek to 22444") is libvips' own, less telling than the
        // decoder's, and its path is not for a reason shown beside the file: the decoder's line first, else without the path.
        var fromDecoder = specific.LastOrDefault(line => !line.StartsWith('/'));
        if (fromDecoder is not null)
        {
            return fromDecoder;
        }

        var ofFile = specific.LastOrDefault();
        return ofFile is not null ? WithoutPath(ofFile)
            : string.IsNullOrWhiteSpace(warning) ? "the image data is invalid (libvips gave no detail)"
            : $"the image data is invalid ({warning.Trim()})";
    }

    private static string WithoutPath(string line)
    {
        var separator = line.IndexOf(": ", StringComparison.Ordinal);
        return separator > 0 ? line[(separator + 2)..] : line;
    }

    /// <summary>The line's domain (before its colon) names another loader's family and not this file's.</summary>
    private static bool OfAnotherFamily(string line, string? family)
    {
        var colon = line.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0)
        {
            return false;
        }

        var domain = line[..colon];
        return (family is null || !domain.Contains(family, StringComparison.OrdinalIgnoreCase))
               && Families.Any(other => other != family && domain.Contains(other, StringComparison.OrdinalIgnoreCase));
    }
}
