namespace Pixhaven.Core.Media.Previews;

/// <summary><c>dcraw_emu</c> (LibRaw, Debian package libraw-bin): fast, and reads nearly every camera's RAW.</summary>
public sealed class DcrawEmuConverter() : RawConverter("dcraw_emu", ExternalTool.Find("dcraw_emu"))
{
    public override string TargetExtension => ".tiff";

    public override async Task<string?> RenderAsync(string raw, string target, TimeSpan timeout, CancellationToken cancellationToken)
    {
        // -w camera white balance, -T TIFF, -Z the output file; LibRaw turns the image by its orientation.
        var (exitCode, errors) = await ExternalTool.RunAsync(Program!, ["-w", "-T", "-Z", target, raw], timeout, cancellationToken);
        return exitCode == 0 && File.Exists(target) && new FileInfo(target).Length > 0
            ? null
            : Describe(errors, exitCode, raw);
    }

    /// <summary>
    /// dcraw_emu's reason, said for a user: LibRaw's two common answers explained ("Input/output error" means data cut
    /// short, not a failing disk).
    /// </summary>
    private static string Describe(string errors, int exitCode, string raw)
    {
        // LibRaw ends with "Cannot open <file>: <why>" or "Cannot unpack <file>: <why>", and the file is the one the
        // problem list names.
        var last = errors.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault() ?? "";
        var why = last.StartsWith("Cannot ", StringComparison.Ordinal) && last.LastIndexOf(": ", StringComparison.Ordinal) is > 0 and var colon
            ? last[(colon + 2)..]
            : ExternalTool.Reason(errors, exitCode, raw);
        return why switch
        {
            "Input/output error" => "dcraw_emu found the RAW's image data cut short or damaged (LibRaw: Input/output error)",
            "Unsupported file format or not RAW file" => "dcraw_emu (LibRaw) does not read this RAW format",
            _ => $"dcraw_emu cannot read the RAW: {why}",
        };
    }
}
