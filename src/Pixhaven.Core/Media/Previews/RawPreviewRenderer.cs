using Pixhaven.Core.Media.Detection;

namespace Pixhaven.Core.Media.Previews;

/// <summary>
/// Gives a RAW file a displayable image: the largest embedded JPEG when its long side is at least 1280 px, else a
/// rendering by <c>dcraw_emu</c> (LibRaw, Debian package libraw-bin), else the best smaller preview. Everything is
/// written to scratch files in storage; the original is only read.
/// </summary>
public sealed class RawPreviewRenderer(TemporaryFiles temporaryFiles)
{
    public const int MinimumPreviewSide = 1280;
    private const long MaximumScanSize = 512L * 1024 * 1024;
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(120);
    private readonly string? _dcraw = ExternalTool.Find("dcraw_emu");

    /// <summary>Converters found on this machine, for <c>pixhaven status</c>.</summary>
    public IReadOnlyList<string> Converters => _dcraw is null ? [] : ["dcraw_emu"];

    /// <summary>A rendered or extracted image, and whether its pixels are upright already.</summary>
    public sealed record RawPreview(string Path, bool Upright, string Source);

    /// <exception cref="InvalidDataException">No preview and no converter could render the file.</exception>
    public async Task<RawPreview> RenderAsync(string path, DetectedType type, CancellationToken cancellationToken)
    {
        var embedded = FindEmbedded(path, out var bytes);
        if (embedded is not null && embedded.LongSide >= MinimumPreviewSide)
        {
            if (Usable(await WriteEmbeddedAsync(bytes!, embedded, cancellationToken)) is { } large)
            {
                return new RawPreview(large, false, "embedded preview");
            }

            embedded = null; // blank: not worth a second look as a fallback either
        }

        string? converterError = null;
        if (_dcraw is not null)
        {
            var target = temporaryFiles.NewPath(".tiff");
            var (exitCode, errors) = await ExternalTool.RunAsync(_dcraw, ["-w", "-T", "-Z", target, path], Timeout, cancellationToken);
            if (exitCode == 0 && File.Exists(target) && new FileInfo(target).Length > 0)
            {
                if (Usable(target) is { } rendered)
                {
                    return new RawPreview(rendered, true, "dcraw_emu");
                }

                converterError = "dcraw_emu rendered a blank image (the RAW holds no image data)";
            }
            else
            {
                temporaryFiles.Delete(target);
                converterError = DescribeConverterError(ExternalTool.Reason(errors, exitCode, path));
            }
        }

        if (embedded is not null && embedded.LongSide >= 160 && Usable(await WriteEmbeddedAsync(bytes!, embedded, cancellationToken)) is { } small)
        {
            return new RawPreview(small, false, "small embedded preview");
        }

        var why = embedded is null ? "no embedded preview" : $"embedded preview only {embedded.Width}x{embedded.Height}";
        throw new InvalidDataException(_dcraw is null
            ? $"RAW ({type.Format}) has {why}, and no converter is installed (Debian package libraw-bin)"
            : $"RAW ({type.Format}) has {why}, and {converterError}");
    }

    /// <summary>
    /// dcraw_emu's reason, said for a user: LibRaw's two common answers explained ("Input/output error" means data cut
    /// short, not a failing disk).
    /// </summary>
    private static string DescribeConverterError(string reason)
    {
        // LibRaw says "Cannot open <file>: <why>", and the file is the one the problem list names.
        const string cannotOpen = "Cannot open ";
        var why = reason.StartsWith(cannotOpen, StringComparison.Ordinal) ? reason[cannotOpen.Length..] : reason;
        return why switch
        {
            "Input/output error" => "dcraw_emu found the RAW's image data cut short or damaged (LibRaw: Input/output error)",
            "Unsupported file format or not RAW file" => "dcraw_emu (LibRaw) does not read this RAW format",
            _ => $"dcraw_emu cannot read the RAW: {why}",
        };
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
