using System.Globalization;

namespace Pixhaven.Core.Media.Previews;

/// <summary>
/// Takes a representative frame of a video with <c>ffmpeg</c>: one second in (or a third of a short clip), past the
/// black or blurred first frame; when that frame is dark or of one flat colour (a fade from black, a camera started in a
/// pocket or with its lens cap on), a third and then half of the way through. ffmpeg applies the display rotation, so the
/// JPEG is upright; HDR frames are brought to SDR (<see cref="Video.HdrToSdr"/>).
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

        var toSdr = await Video.HdrToSdr.FilterAsync(_program, transfer);
        var first = duration is { } d && d < 3 ? d / 3 : 1.0;
        var (frame, errors) = await FrameAtAsync(video, first, toSdr, cancellationToken);
        if (frame is null && first > 0)
        {
            // Seeking past the end of a clip whose duration lies: take the very first frame instead.
            (frame, errors) = await FrameAtAsync(video, 0, toSdr, cancellationToken);
        }

        if (frame is null)
        {
            throw new InvalidDataException($"ffmpeg could not take a frame: {errors}");
        }

        if (!ShowsNothing(frame) || duration is not { } length)
        {
            return frame;
        }

        foreach (var later in new[] { length / 3, length / 2 }.Where(at => at > first + 0.5))
        {
            if ((await FrameAtAsync(video, later, toSdr, cancellationToken)).Frame is not { } candidate)
            {
                continue;
            }

            if (!ShowsNothing(candidate))
            {
                temporaryFiles.Delete(frame);
                return candidate;
            }

            temporaryFiles.Delete(candidate);
        }

        return frame; // dark all through: the first look stands
    }

    private async Task<(string? Frame, string Errors)> FrameAtAsync(string video, double at, string? toSdr, CancellationToken cancellationToken)
    {
        var target = temporaryFiles.NewPath(".jpg");
        string[] arguments = ["-v", "error", "-nostdin", "-y", "-ss", at.ToString("0.###", CultureInfo.InvariantCulture), "-i", video,
            .. toSdr is null ? Array.Empty<string>() : ["-vf", toSdr], "-frames:v", "1", "-q:v", "2", "-update", "1", target];
        var (exitCode, errors) = await ExternalTool.RunAsync(_program!, arguments, Timeout, cancellationToken);
        if (exitCode == 0 && File.Exists(target) && new FileInfo(target).Length > 0)
        {
            return (target, "");
        }

        temporaryFiles.Delete(target);
        return (null, ExternalTool.Reason(errors, exitCode, video));
    }

    /// <summary>Whether the frame is nearly black, or one flat colour: the mean and spread of a small copy's values.</summary>
    private static bool ShowsNothing(string frame)
    {
        try
        {
            using var small = NetVips.Image.Thumbnail(frame, 64);
            var spread = small.Deviate();
            return spread < 2 || (small.Avg() < 16 && spread < 12);
        }
        catch (NetVips.VipsException)
        {
            return false; // undecodable: the thumbnail step reports it
        }
    }
}
