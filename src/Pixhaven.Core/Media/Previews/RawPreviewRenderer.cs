using Pixhaven.Core.Media.Detection;

namespace Pixhaven.Core.Media.Previews;

/// <summary>
/// Gives a RAW file a displayable image: the largest embedded JPEG when its long side is at least 1280 px, else a
/// rendering by the first converter that manages (darktable-cli when configured, then dcraw_emu), else the best smaller
/// preview; a RAW with a darktable edit is rendered by darktable-cli first, when configured. Everything is written to
/// scratch files in storage; the original is only read.
/// </summary>
public sealed class RawPreviewRenderer(TemporaryFiles temporaryFiles, IReadOnlyList<RawConverter> converters, TimeSpan timeout)
{
    public const int MinimumPreviewSide = 1280;

    /// <summary>The source of a RAW shown by its own large preview; any other source is a rendering of its own.</summary>
    public const string LargePreview = "embedded preview";
    public const string SmallPreview = "small embedded preview";
    public const int DefaultTimeoutSeconds = 120;
    private const long MaximumScanSize = 512L * 1024 * 1024;
    private readonly RawConverter[] _installed = converters.Where(c => c.Program is not null).ToArray();

    /// <summary>Converters configured and found on this machine, in the order they are tried.</summary>
    public IReadOnlyList<string> Converters => _installed.Select(c => c.Name).ToList();

    /// <summary>
    /// A rendered or extracted image, whether its pixels are upright already, and when it is only a small preview, why
    /// nothing better was made.
    /// </summary>
    public sealed record RawPreview(string Path, bool Upright, string Source, string? Shortfall = null);

    /// <exception cref="InvalidDataException">No preview and no converter could render the file.</exception>
    public async Task<RawPreview> RenderAsync(string path, DetectedType type, CancellationToken cancellationToken)
    {
        // A darktable user expects to see their edit, not the camera's preview: with darktable-cli configured, a RAW
        // with a darktable edit is rendered by it first, and shown by its preview only when that fails.
        if (_installed.FirstOrDefault(c => c.Name == DarktableConverter.ToolName) is { } darktable && DarktableConverter.HasEdit(path)
            && await ConvertAsync(darktable, path, cancellationToken) is { Rendered: { } edited })
        {
            return new RawPreview(edited, true, darktable.Name);
        }

        var embedded = FindEmbedded(path, out var bytes);
        string? blank = null; // the size of an embedded preview that shows nothing, for the reason given
        if (embedded is not null && embedded.LongSide >= MinimumPreviewSide)
        {
            if (Usable(await WriteEmbeddedAsync(bytes!, embedded, cancellationToken)) is { } large)
            {
                return new RawPreview(large, false, LargePreview);
            }

            (blank, embedded) = ($"{embedded.Width}x{embedded.Height}", null); // not worth a second look as a fallback either
        }

        var converterErrors = new List<string>();
        foreach (var converter in _installed)
        {
            var (rendered, error) = await ConvertAsync(converter, path, cancellationToken);
            if (rendered is not null)
            {
                return new RawPreview(rendered, true, converter.Name);
            }

            converterErrors.Add(error!);
        }

        if (embedded is not null && embedded.LongSide >= 160)
        {
            if (Usable(await WriteEmbeddedAsync(bytes!, embedded, cancellationToken)) is { } small)
            {
                return new RawPreview(small, false, SmallPreview, $"only a small embedded preview ({embedded.Width}x{embedded.Height}), and {NoRendering(converterErrors)}");
            }

            (blank, embedded) = ($"{embedded.Width}x{embedded.Height}", null);
        }

        // A blank preview is what a camera writes for a frame that is all white or black, or a stripped file's placeholder.
        var why = blank is not null ? $"only a blank embedded preview ({blank})"
            : embedded is null ? "no embedded preview"
            : $"embedded preview only {embedded.Width}x{embedded.Height}";
        throw new InvalidDataException($"RAW ({type.Format}) has {why}, and {NoRendering(converterErrors)}");
    }

    private static string NoRendering(List<string> converterErrors) =>
        converterErrors.Count == 0 ? "no converter is installed (Debian package libraw-bin)" : string.Join("; ", converterErrors);

    /// <summary>One converter's rendering, or why it has none; a converter that runs out of time is stopped.</summary>
    private async Task<(string? Rendered, string? Error)> ConvertAsync(RawConverter converter, string path, CancellationToken cancellationToken)
    {
        var target = temporaryFiles.NewPath(converter.TargetExtension);
        string? error;
        try
        {
            error = await converter.RenderAsync(path, target, timeout, cancellationToken);
        }
        catch (TimeoutException)
        {
            error = $"{converter.Name} did not finish within {timeout.TotalSeconds:0} s (raw-convert-timeout) and was stopped";
        }

        if (error is null)
        {
            return Usable(target) is { } rendered ? (rendered, null) : (null, $"{converter.Name} rendered a blank image (the RAW holds no image data)");
        }

        temporaryFiles.Delete(target);
        return (null, error);
    }

    /// <summary>
    /// The path when it shows something; else deletes it and returns null. Stripped or damaged RAW files render
    /// as a single flat colour, which is no preview at all.
    /// </summary>
    private string? Usable(string candidate)
    {
        try
        {
            using var image = NetVips.Image.Thumbnail(candidate, 256);
            if (image.Deviate() >= 2)
            {
                return candidate;
            }
        }
        catch (NetVips.VipsException)
        {
            // Not decodable: not usable either.
        }

        temporaryFiles.Delete(candidate);
        return null;
    }

    private static EmbeddedJpegFinder.EmbeddedJpeg? FindEmbedded(string path, out byte[]? bytes)
    {
        bytes = null;
        using var stream = ContentHasher.OpenRead(path);
        if (stream.Length > MaximumScanSize)
        {
            return null;
        }

        bytes = new byte[stream.Length];
        stream.ReadExactly(bytes);
        return EmbeddedJpegFinder.FindLargest(bytes);
    }

    private async Task<string> WriteEmbeddedAsync(byte[] bytes, EmbeddedJpegFinder.EmbeddedJpeg jpeg, CancellationToken cancellationToken)
    {
        var target = temporaryFiles.NewPath(".jpg");
        await File.WriteAllBytesAsync(target, bytes.AsMemory((int)jpeg.Offset, jpeg.Length).ToArray(), cancellationToken);
        return target;
    }
}
