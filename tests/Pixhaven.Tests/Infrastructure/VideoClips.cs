using Pixhaven.Core.Media.Previews;
using Pixhaven.Core.Tests.Media;

namespace Pixhaven.Tests.Infrastructure;

/// <summary>Short test clips made by ffmpeg in any container, and AVCHD clips with a camcorder's recording time.</summary>
public static class VideoClips
{
    /// <summary>Two seconds of ffmpeg's test picture at 320x240, 25 frames a second, with these output options.</summary>
    public static Task MakeAsync(string path, params string[] options) =>
        FfmpegAsync(["-f", "lavfi", "-i", "testsrc=duration=2:size=320x240:rate=25", .. options, path]);

    /// <summary>As <see cref="MakeAsync"/>, with two seconds of a tone as its sound.</summary>
    public static Task MakeWithSoundAsync(string path, params string[] options) =>
        FfmpegAsync(["-f", "lavfi", "-i", "testsrc=duration=2:size=320x240:rate=25", "-f", "lavfi", "-i", "sine=duration=2", .. options, path]);

    /// <summary>
    /// A GoPro's clip: H.264 in an MP4 whose tracks GoPro names, with a timecode track on the camera's clock and, when
    /// given, a telemetry track (GPMF, "gpmd") of one payload and the firmware version in the movie's user data (FIRM).
    /// ffmpeg writes a "gpmd" track only in its QuickTime muxer; the boxes are the same.
    /// </summary>
    public static async Task MakeGoProAsync(string path, string creationTime, string timecode, byte[]? telemetry, string? firmware = null)
    {
        await MakeGoProClipAsync(path, creationTime, timecode, telemetry);
        if (firmware is not null)
        {
            AppendToMovie(path, IsoBoxWriter.Box("udta", IsoBoxWriter.Box("FIRM", System.Text.Encoding.ASCII.GetBytes(firmware))));
        }
    }

    private static async Task MakeGoProClipAsync(string path, string creationTime, string timecode, byte[]? telemetry)
    {
        string[] video = ["-f", "lavfi", "-i", "testsrc=duration=2:size=320x240:rate=25"];
        string[] output = ["-c:v", "libx264", "-metadata", $"creation_time={creationTime}", "-timecode", timecode, "-metadata:s:v:0", "handler_name=GoPro AVC"];
        if (telemetry is null)
        {
            await FfmpegAsync([.. video, .. output, "-f", "mp4", path]);
            return;
        }

        var payload = Path.Combine(Path.GetTempPath(), $"pixhaven-gpmf-{Guid.NewGuid():N}.bin");
        await File.WriteAllBytesAsync(payload, telemetry);
        try
        {
            await FfmpegAsync([.. video, "-f", "data", "-i", payload, "-map", "0", "-map", "1", .. output, "-c:d", "copy", "-tag:d", "gpmd", "-f", "mov", path]);
        }
        finally
        {
            File.Delete(payload);
        }
    }

    /// <summary>Adds a box at the end of the movie box, which ffmpeg writes last in the file, after the media data.</summary>
    public static void AppendToMovie(string path, byte[] box)
    {
        var file = File.ReadAllBytes(path);
        var at = 0;
        while (System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(file.AsSpan(at)) is var size && at + size < file.Length)
        {
            at += size;
        }

        Assert.Equal("moov", System.Text.Encoding.ASCII.GetString(file, at + 4, 4));
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(file.AsSpan(at), file.Length - at + box.Length);
        File.WriteAllBytes(path, [.. file, .. box]);
    }

    /// <summary>
    /// Adds entries to the movie's user data ("udta"), into the one ffmpeg wrote when there is one: a camera writes a
    /// single user data box, and readers look at the first.
    /// </summary>
    public static void AppendToUserData(string path, params byte[][] entries)
    {
        var file = File.ReadAllBytes(path);
        var moov = 0;
        while (System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(file.AsSpan(moov)) is var size && moov + size < file.Length)
        {
            moov += size;
        }

        Assert.Equal("moov", System.Text.Encoding.ASCII.GetString(file, moov + 4, 4));
        var udta = Pixhaven.Core.Media.IsoBoxes.Children(file.AsMemory(moov + 8)).Where(b => b.Type == "udta").Select(b => moov + 8 + b.Start).DefaultIfEmpty(-1).First();
        if (udta < 0)
        {
            AppendToMovie(path, IsoBoxWriter.Box("udta", entries));
            return;
        }

        byte[] added = [.. entries.SelectMany(e => e)];
        var udtaEnd = udta + System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(file.AsSpan(udta));
        byte[] result = [.. file.AsSpan(0, udtaEnd), .. added, .. file.AsSpan(udtaEnd)];
        foreach (var header in new[] { moov, udta })
        {
            var size = System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(result.AsSpan(header));
            System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(result.AsSpan(header), size + added.Length);
        }

        File.WriteAllBytes(path, result);
    }

    /// <summary>
    /// The box of EXIF that Canon's cameras put into the movie box of their MP4s (and their CR3s): taken from the corpus'
    /// EOS M50 CR3, whose clock was set to UTC, with its time zone changed to <paramref name="offset"/> ("+01:00").
    /// </summary>
    public static byte[] CanonMovieExif(string offset)
    {
        var cr3 = File.ReadAllBytes(TestPhotos.PathOf("raw/exiftool_Canon_M50.cr3"));
        var moov = TopLevelBox(cr3, "moov");
        var uuid = moov.Start + 8;
        Assert.Equal("uuid", System.Text.Encoding.ASCII.GetString(cr3, uuid + 4, 4));
        var box = cr3.AsSpan(uuid, System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(cr3.AsSpan(uuid))).ToArray();
        var zone = System.Text.Encoding.ASCII.GetBytes(offset);
        for (int at, from = 0; (at = box.AsSpan(from).IndexOf("+00:00"u8)) >= 0; from += at + zone.Length)
        {
            zone.CopyTo(box, from + at);
        }

        return box;
    }

    private static (int Start, int Size) TopLevelBox(byte[] file, string type)
    {
        for (var at = 0; at + 8 <= file.Length; at += System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(file.AsSpan(at)))
        {
            if (System.Text.Encoding.ASCII.GetString(file, at + 4, 4) == type)
            {
                return (at, System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(file.AsSpan(at)));
            }
        }

        throw new InvalidDataException($"no {type} box");
    }

    /// <summary>
    /// An H.264 clip in an MPEG transport stream (.MTS, or .M2TS with <paramref name="m2ts"/>) whose first access unit
    /// carries the SEI an AVCHD camcorder writes, with these MDPM entries.
    /// </summary>
    public static async Task MakeAvchdAsync(string path, bool m2ts, params (byte Tag, byte[] Data)[] entries)
    {
        var scratch = Directory.CreateTempSubdirectory("pixhaven-clip-").FullName;
        try
        {
            var elementary = Path.Combine(scratch, "clip.h264");
            await FfmpegAsync(["-f", "lavfi", "-i", "testsrc=duration=2:size=320x240:rate=25", "-c:v", "libx264", "-bsf:v", "h264_mp4toannexb", "-f", "h264", elementary]);
            var stream = await File.ReadAllBytesAsync(elementary);
            var slice = FirstIdrSlice(stream);
            await File.WriteAllBytesAsync(elementary, [.. stream.AsSpan(0, slice), .. AvchdClip.SeiNal(entries), .. stream.AsSpan(slice)]);

            // Through MP4, which gives the frames the time stamps a transport stream needs; the SEI stays in the frame.
            var timed = Path.Combine(scratch, "clip.mp4");
            await FfmpegAsync(["-framerate", "25", "-f", "h264", "-i", elementary, "-c", "copy", timed]);
            await FfmpegAsync(["-i", timed, "-c", "copy", "-f", "mpegts", .. m2ts ? new[] { "-mpegts_m2ts_mode", "1" } : [], path]);
        }
        finally
        {
            Directory.Delete(scratch, recursive: true);
        }
    }

    /// <summary>Where the start code of the first IDR slice (NAL unit type 5) begins.</summary>
    private static int FirstIdrSlice(byte[] stream)
    {
        for (var i = 0; i + 3 < stream.Length; i++)
        {
            if (stream[i] == 0 && stream[i + 1] == 0 && stream[i + 2] == 1 && (stream[i + 3] & 0x1F) == 5)
            {
                return i > 0 && stream[i - 1] == 0 ? i - 1 : i;
            }
        }

        throw new InvalidDataException("ffmpeg wrote no IDR slice");
    }

    private static async Task FfmpegAsync(string[] arguments)
    {
        var ffmpeg = ExternalTool.Find("ffmpeg") ?? throw new InvalidOperationException("ffmpeg is required (Debian package ffmpeg)");
        var (exitCode, errors) = await ExternalTool.RunAsync(ffmpeg, ["-v", "error", "-nostdin", "-y", .. arguments], TimeSpan.FromMinutes(1), CancellationToken.None);
        Assert.True(exitCode == 0, errors);
    }
}
