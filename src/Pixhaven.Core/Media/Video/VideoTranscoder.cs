using System.Collections.Concurrent;
using Pixhaven.Core.Media.Previews;

namespace Pixhaven.Core.Media.Video;

/// <summary>
/// Makes videos playable in browsers: H.264/VP8/VP9/AV1 in MP4, MOV or WebM are served as they are, and so is HEVC to a
/// browser that says it plays it; anything else (HEVC elsewhere, MPEG-2, MPEG-4 Part 2 in AVI, ...) is transcoded once
/// with ffmpeg to H.264/AAC MP4 (SDR: HDR is converted, <see cref="HdrToSdr"/>) in <c>storage/cache/video</c>, keyed by
/// content hash. Concurrent transcodes are limited, and concurrent requests for one video share a single transcode.
/// </summary>
public sealed class VideoTranscoder : IDisposable
{
    private static readonly HashSet<string> PlayableCodecs = ["h264", "vp8", "vp9", "av1"];
    private static readonly HashSet<string> PlayableContainers = ["mp4", "mov", "webm", "3gp"];

    /// <summary>Codecs only some browsers play (HEVC: Safari, and Chrome and Edge with a hardware decoder).</summary>
    private static readonly HashSet<string> CodecsSomeBrowsersPlay = ["hevc"];
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(30);

    /// <summary>
    /// The long side of a transcode at most. A 4K phone video is transcoded at 1080p: about four times faster, which is
    /// the wait before it plays, and as sharp as the lightbox shows it on most screens; the original stays downloadable.
    /// </summary>
    public const int MaxLongSide = 1920;

    // Even sides, as H.264 in 4:2:0 needs, rounded down so nothing is upscaled; the long one at most MaxLongSide.
    private static readonly string Scale =
        $"scale=w='if(gte(iw,ih),min({MaxLongSide},trunc(iw/2)*2),trunc(min({MaxLongSide},ih)*iw/ih/2)*2)'"
        + $":h='if(gte(iw,ih),trunc(min({MaxLongSide},iw)*ih/iw/2)*2,min({MaxLongSide},trunc(ih/2)*2))'";

    private readonly string _cache;
    private readonly TemporaryFiles _temporaryFiles;
    private readonly FfprobeReader _probe;
    private readonly SemaphoreSlim _limit;
    private readonly string? _ffmpeg = ExternalTool.Find("ffmpeg");
    private readonly ConcurrentDictionary<string, Lazy<Task<string>>> _running = new();

    // How far each transcode is (0 to 1; -1 while it waits for its turn), by content hash: a viewer waiting for it is
    // shown the share done.
    private readonly ConcurrentDictionary<string, double> _progress = new();

    // The codec of each motion photo's embedded video, probed once: a player asks for it in several range requests.
    private readonly ConcurrentDictionary<string, string?> _embeddedCodecs = new();

    public VideoTranscoder(string cacheRoot, TemporaryFiles temporaryFiles, FfprobeReader probe, int concurrentTranscodes)
    {
        _cache = cacheRoot;
        _temporaryFiles = temporaryFiles;
        _probe = probe;
        _limit = new SemaphoreSlim(Math.Max(1, concurrentTranscodes));
    }

    /// <summary>A video every browser plays as it is, or one in <paramref name="browserCodecs"/>, the codecs this browser says it plays.</summary>
    public static bool IsPlayable(string? format, string? codec, IReadOnlySet<string>? browserCodecs = null) =>
        codec is not null && (PlayableCodecs.Contains(codec) || browserCodecs?.Contains(codec) == true)
        && format is not null && PlayableContainers.Contains(format);

    /// <summary>The codecs of a comma-separated list that only some browsers play; other names are left out.</summary>
    public static IReadOnlySet<string> BrowserCodecs(string? list) =>
        (list ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(c => c.ToLowerInvariant()).Where(CodecsSomeBrowsersPlay.Contains).ToHashSet();

    public string CachePath(string hash) => Path.Combine(_cache, hash[..2], hash + ".mp4");

    /// <summary>The path of a browser-playable version: the cached transcode, made now if missing.</summary>
    public async Task<string> PlayableAsync(string original, string hash, CancellationToken cancellationToken)
    {
        if (!ContentHasher.IsValidHash(hash))
        {
            throw new ArgumentException("not a content hash", nameof(hash));
        }

        var target = CachePath(hash);
        if (File.Exists(target))
        {
            return target;
        }

        var work = _running.GetOrAdd(hash, _ => new Lazy<Task<string>>(() => TranscodeAsync(original, target, hash)));
        try
        {
            return await work.Value.WaitAsync(cancellationToken);
        }
        finally
        {
            if (work.Value.IsCompleted)
            {
                _running.TryRemove(hash, out _);
            }
        }
    }

    /// <summary>
    /// What to send for a motion photo's embedded video (an MP4 extracted at indexing): itself when this browser plays
    /// its codec, else its transcode, cached under the still's content hash.
    /// </summary>
    public async Task<string> PlayableEmbeddedAsync(string video, string stillHash, IReadOnlySet<string> browserCodecs, CancellationToken cancellationToken)
    {
        if (!_embeddedCodecs.TryGetValue(stillHash, out var codec))
        {
            codec = _probe.IsAvailable ? (await _probe.ReadAsync(video, cancellationToken)).VideoCodec : null;
            _embeddedCodecs[stillHash] = codec;
        }

        // Without ffprobe nothing is known of the codec; the video is sent as it is, as phones mostly write H.264.
        return codec is null || IsPlayable("mp4", codec, browserCodecs) ? video : await PlayableAsync(video, stillHash, cancellationToken);
    }

    /// <summary>The share of a transcode done (-1 while it waits for its turn), or null when none is running for the hash.</summary>
    public double? Progress(string hash) => _progress.TryGetValue(hash, out var done) ? done : null;

    private async Task<string> TranscodeAsync(string original, string target, string hash)
    {
        if (_ffmpeg is null)
        {
            throw new InvalidOperationException("ffmpeg is not installed (Debian package ffmpeg)");
        }

        // Not tied to one request: a viewer who gives up should not waste the work done for the next one.
        _progress[hash] = -1;
        await _limit.WaitAsync();
        try
        {
            _progress[hash] = 0;
            var temporary = _temporaryFiles.NewPath(".mp4");
            var probe = _probe.IsAvailable ? await ProbeAsync(original) : null;
            var toSdr = await HdrToSdr.FilterAsync(_ffmpeg, probe?.ColorTransfer);
            string[] tagged = toSdr is null ? [] : ["-color_primaries", "bt709", "-color_trc", "bt709", "-colorspace", "bt709"];
            var (exitCode, _, errors) = await ExternalTool.RunWithOutputAsync(_ffmpeg,
                [
                    "-v", "error", "-nostdin", "-y", "-progress", "pipe:1", "-nostats", "-i", original, "-map", "0:v:0", "-map", "0:a:0?",
                    "-c:v", "libx264", "-preset", "veryfast", "-crf", "23", "-pix_fmt", "yuv420p", .. tagged,
                    "-vf", (toSdr is null ? "" : toSdr + ",") + Scale, "-c:a", "aac", "-b:a", "160k", "-movflags", "+faststart", temporary,
                ],
                Timeout, CancellationToken.None, onOutputLine: line => Report(hash, line, probe?.Duration));
            if (exitCode != 0 || !File.Exists(temporary))
            {
                if (File.Exists(temporary))
                {
                    _temporaryFiles.Delete(temporary);
                }

                throw new InvalidDataException($"ffmpeg could not transcode the video: {ExternalTool.Reason(errors, exitCode, original)}");
            }

            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Move(temporary, target, overwrite: true);
            return target;
        }
        finally
        {
            _limit.Release();
            _progress.TryRemove(hash, out _);
        }
    }

    /// <summary>ffmpeg's "-progress" lines: out_time_us is how far into the video the transcode is.</summary>
    private void Report(string hash, string line, double? duration)
    {
        const string time = "out_time_us=";
        if (duration is > 0 && line.StartsWith(time, StringComparison.Ordinal)
            && long.TryParse(line.AsSpan(time.Length), System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var microseconds))
        {
            // Moving the finished file still follows the last frame; 100 % is only said by the video playing.
            _progress[hash] = Math.Clamp(microseconds / 1e6 / duration.Value, 0, 0.99);
        }
    }

    /// <summary>The video's duration and transfer, or null when ffprobe cannot tell: the transcode then goes on as for SDR, without progress.</summary>
    private async Task<VideoProbe?> ProbeAsync(string video)
    {
        try
        {
            return await _probe.ReadAsync(video, CancellationToken.None);
        }
        catch (Exception e) when (e is InvalidDataException or TimeoutException or System.Text.Json.JsonException)
        {
            return null;
        }
    }

    public void Dispose() => _limit.Dispose();
}
