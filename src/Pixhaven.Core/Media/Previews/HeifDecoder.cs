namespace Pixhaven.Core.Media.Previews;

/// <summary>
/// Decodes HEVC-coded HEIF (iPhone and Samsung HEIC) with libheif's <c>heif-convert</c>, because the libvips build
/// in NetVips.Native leaves the HEVC decoder out for patent reasons (AVIF decodes directly). The JPEG it writes
/// is already rotated by libheif but keeps the EXIF orientation tag, so callers must not rotate it again.
/// </summary>
public sealed class HeifDecoder(TemporaryFiles temporaryFiles)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(120);
    private readonly string? _program = ExternalTool.Find("heif-convert");

    public bool IsAvailable => _program is not null;

    /// <summary>Converts to a temporary JPEG; the caller deletes it with <see cref="TemporaryFiles.Delete"/>.</summary>
    public async Task<string> ToJpegAsync(string source, CancellationToken cancellationToken)
    {
        if (_program is null)
        {
            throw new InvalidOperationException("heif-convert is not installed (Debian package libheif-examples)");
        }

        var target = temporaryFiles.NewPath(".jpg");
        var error = await ConvertAsync(_program, source, target, cancellationToken);
        if (error is not null && HeifMetadataLinks.Find(source) is { Count: > 0 } links)
        {
            // An older libheif refuses the file's metadata links (iOS 18 HDR photos); a copy without them decodes.
            var copy = temporaryFiles.NewPath(Path.GetExtension(source));
            try
            {
                HeifMetadataLinks.WriteCopy(source, copy, links);
                error = await ConvertAsync(_program, copy, target, cancellationToken);
            }
            finally
            {
                temporaryFiles.Delete(copy);
            }
        }

        if (error is not null)
        {
            temporaryFiles.Delete(target);
            throw new InvalidDataException($"heif-convert failed: {error}");
        }

        return target;
    }

    /// <summary>Runs heif-convert; returns its last error line when it wrote no picture.</summary>
    private static async Task<string?> ConvertAsync(string program, string source, string target, CancellationToken cancellationToken)
    {
        var (exitCode, errors) = await ExternalTool.RunAsync(program, ["-q", "95", source, target], Timeout, cancellationToken);
        return exitCode == 0 && File.Exists(target) ? null : ExternalTool.Reason(errors, exitCode, source, target);
    }
}
