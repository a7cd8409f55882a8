namespace Pixhaven.Core.Media.Previews;

/// <summary>An external program that renders a RAW file into an image Pixhaven decodes; see <see cref="RawPreviewRenderer"/>.</summary>
public abstract class RawConverter(string name, string? program)
{
    /// <summary>The name <c>pixhaven status</c> and the problem list use.</summary>
    public string Name { get; } = name;

    /// <summary>Full path of the program, or null when it is not installed.</summary>
    public string? Program { get; } = program;

    /// <summary>The extension of the file it writes, which also chooses the format.</summary>
    public abstract string TargetExtension { get; }

    /// <summary>Renders <paramref name="raw"/> upright into <paramref name="target"/>; null when it did, else why not.</summary>
    /// <exception cref="TimeoutException">The program did not finish within <paramref name="timeout"/>; it was stopped.</exception>
    public abstract Task<string?> RenderAsync(string raw, string target, TimeSpan timeout, CancellationToken cancellationToken);

    /// <summary>The converters to try, in order: darktable-cli when configured, then dcraw_emu.</summary>
    public static IReadOnlyList<RawConverter> Configured(string darktableCli, TemporaryFiles temporaryFiles) =>
        darktableCli.Length == 0
            ? [new DcrawEmuConverter()]
            : [new DarktableConverter(ExternalTool.Resolve(darktableCli), temporaryFiles), new DcrawEmuConverter()];
}
