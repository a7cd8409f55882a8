using System.Globalization;

namespace Pixhaven.Core.Media.Previews;

/// <summary>
/// Takes a representative frame of a video with <c>ffmpeg</c>: one second in (or a third of a short clip), past the
/// black or blurred first frame. ffmpeg applies the display rotation, so the JPEG is upright; HDR frames are brought to
/// SDR (<see cref="Video.HdrToSdr"/>).
/// </summary>
public sealed class VideoFrameExtractor(TemporaryFiles temporaryFiles)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(120);
    private readonly string? _program = ExternalTool.Find("ffmpeg");

    public bool IsAvailable => _program is not null;

    /// <summary>Writes the frame to a temporary JPEG; the caller deletes it with <see cref="TemporaryFiles.Delete"/>.</summary>
    /// <param name="transfer">The video's transfer characteristic (ffprobe's color_transfer), which tells HDR.</param>
    public async Task<string> ExtractAsync(string video, double? duration, string? transfer, CancellationToken cancellationToken)
    {
        if (_program is null)
        {
            throw new InvalidOperationException("ffmpeg is not installed (Debian package ffmpeg)");
        }

        var at = duration is { } d && d < 3 ? d / 3 : 1.0;
        var target = temporaryFiles.NewPath(".jpg");
        var toSdr = await Video.HdrToSdr.FilterAsync(_program, transfer);
        string[] arguments = ["-v", "error", "-nostdin", "-y", "-ss", at.ToString("0.###", CultureInfo.InvariantCulture), "-i", video,
            .. toSdr is null ? Array.Empty<string>() : ["-vf", toSdr], "-frames:v", "1", "-q:v", "2", "-update", "1", target];
        var (exitCode, errors) = await ExternalTool.RunAsync(_program, arguments, Timeout, cancellationToken);
        if ((exitCode != 0 || !File.Exists(target) || new FileInfo(target).Length == 0) && at > 0)
        {
            // Seeking past the end of a clip whose duration lies: take the very first frame instead.
            arguments[5] = "0";
            (exitCode, errors) = await ExternalTool.RunAsync(_program, arguments, Timeout, cancellationToken);
        }

        if (exitCode != 0 || !File.Exists(target) || new FileInfo(target).Length == 0)
        {
            temporaryFiles.Delete(target);
            throw new InvalidDataException($"ffmpeg could not take a frame: {ExternalTool.Reason(errors, exitCode, video)}");
        }

        return target;
    }
}
