using System.Globalization;

namespace Pixhaven.Core.Media.Previews;

/// <summary>
/// <c>darktable-cli</c>, when configured: darktable's default processing (and the user's own darktable edits, from the
/// RAW's <c>.xmp</c> sidecar), and rawspeed reads formats LibRaw does not, such as GoPro's GPR.
/// </summary>
public sealed class DarktableConverter(string? program, TemporaryFiles temporaryFiles) : RawConverter(ToolName, program)
{
    public const string ToolName = "darktable-cli";

    /// <summary>The long side rendered: the largest thumbnail's, as the rendering only feeds the thumbnails.</summary>
    public const int LongSide = 2560;

    public override string TargetExtension => ".jpg";

    /// <summary>Where darktable keeps its edit of a RAW: the RAW's name with ".xmp" added, as darktable itself reads it.</summary>
    public static string EditPath(string raw) => raw + ".xmp";

    /// <summary>Whether the RAW has a darktable edit: its own sidecar holds darktable's history of processing steps.</summary>
    public static bool HasEdit(string raw)
    {
        var sidecar = new FileInfo(EditPath(raw));
        try
        {
            // A darktable sidecar is a few kilobytes; anything far larger is not one to look through.
            return sidecar is { Exists: true, Length: < 4 * 1024 * 1024 } && File.ReadAllText(sidecar.FullName).Contains("darktable:history", StringComparison.Ordinal);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    public override async Task<string?> RenderAsync(string raw, string target, TimeSpan timeout, CancellationToken cancellationToken)
    {
        // Each run gets a configuration, cache and home of its own in storage: darktable locks its databases, so
        // parallel workers must not share one, and nothing is left in the user's home or beside the original.
        var home = temporaryFiles.NewDirectory();
        try
        {
            var side = LongSide.ToString(CultureInfo.InvariantCulture);
            string[] arguments =
            [
                raw, target, "--width", side, "--height", side, "--hq", "true", "--upscale", "false", "--apply-custom-presets", "false",
                "--core", "--configdir", Path.Combine(home, "config"), "--cachedir", Path.Combine(home, "cache"), "--library", ":memory:",
                "--disable-opencl", "--conf", "write_sidecar_files=never", "--conf", "plugins/imageio/format/jpeg/quality=92",
            ];
            var environment = new Dictionary<string, string> { ["HOME"] = home, ["XDG_CONFIG_HOME"] = home, ["XDG_CACHE_HOME"] = home };
            var (exitCode, output, errors) = await ExternalTool.RunWithOutputAsync(Program!, arguments, timeout, cancellationToken, environment);
            return exitCode == 0 && File.Exists(target) && new FileInfo(target).Length > 0 ? null : Describe(Messages(output, errors), exitCode);
        }
        finally
        {
            temporaryFiles.DeleteDirectory(home);
        }
    }

    /// <summary>Its output and errors, without the warning it prints whenever it runs as root (as in containers).</summary>
    private static string Messages(string output, string errors) => string.Join('\n', (output + "\n" + errors)
        .Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
        .Where(line => !line.StartsWith("WARNING: either your user id or the effective user id are 0", StringComparison.Ordinal)));

    /// <summary>
    /// darktable says why on standard output, among lines about its own steps; the line from its RAW decoder (rawspeed,
    /// or LibRaw for CR3) is the one that tells a user something.
    /// </summary>
    private static string Describe(string messages, int exitCode)
    {
        var lines = messages.Split('\n');
        if (lines.FirstOrDefault(l => l.StartsWith("[rawspeed]", StringComparison.Ordinal)) is { } rawspeed)
        {
            // "[rawspeed] (IMG.ARW) <function>, line 294: <function>, line 165: Buffer overflow: image file may be truncated"
            var marker = rawspeed.LastIndexOf(", line ", StringComparison.Ordinal);
            return Explain("rawspeed", marker < 0 ? rawspeed : rawspeed[(rawspeed.IndexOf(':', marker) + 1)..].Trim());
        }

        if (lines.FirstOrDefault(l => l.StartsWith("[libraw", StringComparison.Ordinal)) is { } libraw)
        {
            // "[libraw_open] `IMG.CR3': Input/output error"
            var marker = libraw.LastIndexOf("': ", StringComparison.Ordinal);
            return Explain("LibRaw", marker < 0 ? libraw : libraw[(marker + 3)..].Trim());
        }

        // Its other lines name scratch files and its own steps, nothing a user could act on.
        return $"darktable-cli could not render the RAW (exit code {exitCode})";
    }

    private static string Explain(string decoder, string why)
    {
        if (why.StartsWith("No decoder found", StringComparison.Ordinal) || why.StartsWith("File too small", StringComparison.Ordinal)
            || why.StartsWith("Unsupported file format", StringComparison.Ordinal))
        {
            return $"darktable-cli ({decoder}) does not read this RAW format";
        }

        if (why.StartsWith("Couldn't find camera", StringComparison.Ordinal))
        {
            return $"darktable-cli ({decoder}) does not support this camera";
        }

        string[] cutShort = ["Out of bounds", "Buffer overflow", "truncated", "Not enough data", "Input/output error"];
        return cutShort.Any(sign => why.Contains(sign, StringComparison.Ordinal))
            ? $"darktable-cli found the RAW's image data cut short or damaged ({decoder}: {why})"
            : $"darktable-cli cannot read the RAW ({decoder}: {why})";
    }
}
