using System.Text;

namespace Pixhaven.Core.Media.Video;

/// <summary>
/// Finds the video that Samsung and Google "motion photos" append to a JPEG or HEIC, and copies it into
/// <c>storage/cache/motion</c>. Google marks it in XMP (GCamera:MicroVideo with MicroVideoOffset = bytes from the end,
/// or GCamera:MotionPhoto with a container directory); Samsung writes a "MotionPhoto_Data" marker before it, and in
/// a HEIC puts it in a top-level "mpvd" box. The video must start with an ISO-BMFF "ftyp" box to count.
/// </summary>
public sealed class MotionPhotoExtractor(string cacheRoot)
{
    private const int TailToScan = 64 * 1024 * 1024;
    private static readonly byte[] SamsungMarker = "MotionPhoto_Data"u8.ToArray();

    public string CachePath(string hash) => Path.Combine(cacheRoot, hash[..2], hash + ".mp4");

    /// <summary>Where an embedded video is in its still, in bytes.</summary>
    public readonly record struct EmbeddedVideo(long Offset, long Length);

    /// <summary>Where the embedded video is, or null when the file has none.</summary>
    /// <param name="path">The still image.</param>
    /// <param name="xmpOffsetFromEnd">GCamera:MicroVideoOffset, when the XMP gives one.</param>
    /// <param name="xmpSaysMotion">The XMP marks the file as a motion photo.</param>
    public static EmbeddedVideo? FindVideo(string path, long? xmpOffsetFromEnd, bool xmpSaysMotion)
    {
        using var stream = ContentHasher.OpenRead(path);
        if (SamsungHeifVideo(stream) is { } boxed)
        {
            return boxed;
        }

        // Everything else is a trailer: the video runs to the end of the file.
        return FindTrailer(stream, xmpOffsetFromEnd, xmpSaysMotion) is { } offset ? new EmbeddedVideo(offset, stream.Length - offset) : null;
    }

    private static long? FindTrailer(Stream stream, long? xmpOffsetFromEnd, bool xmpSaysMotion)
    {
        var length = stream.Length;
        if (xmpOffsetFromEnd is > 8 && xmpOffsetFromEnd < length && StartsWithFtyp(stream, length - xmpOffsetFromEnd.Value))
        {
            return length - xmpOffsetFromEnd.Value;
        }

        var tailStart = Math.Max(0, length - TailToScan);
        var tail = new byte[length - tailStart];
        stream.Position = tailStart;
        stream.ReadExactly(tail);

        var marker = tail.AsSpan().LastIndexOf(SamsungMarker);
        if (marker >= 0 && StartsWithFtyp(stream, tailStart + marker + SamsungMarker.Length))
        {
            return tailStart + marker + SamsungMarker.Length;
        }

        if (!xmpSaysMotion)
        {
            return null;
        }

        // Google's container directory: the video is the last item; its "ftyp" box is the first after the image.
        var ftyp = tail.AsSpan().IndexOf("ftyp"u8);
        while (ftyp >= 4)
        {
            if (tailStart + ftyp - 4 > 0 && StartsWithFtyp(stream, tailStart + ftyp - 4))
            {
                return tailStart + ftyp - 4;
            }

            var next = tail.AsSpan(ftyp + 4).IndexOf("ftyp"u8);
            ftyp = next < 0 ? -1 : ftyp + 4 + next;
        }

        return null;
    }

    /// <summary>Copies the embedded video to the cache (once per content hash) and returns its path.</summary>
    public async Task<string> ExtractAsync(string path, EmbeddedVideo video, string hash, CancellationToken cancellationToken)
    {
        var target = CachePath(hash);
        if (File.Exists(target))
        {
            return target;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        var temporary = target + ".tmp";
        await using (var input = ContentHasher.OpenRead(path))
        await using (var output = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None))
        {
            input.Position = video.Offset;
            await CopyAsync(input, output, video.Length, cancellationToken);
        }

        File.Move(temporary, target, overwrite: true);
        return target;
    }

    private static async Task CopyAsync(Stream input, Stream output, long length, CancellationToken cancellationToken)
    {
        var buffer = new byte[81920];
        while (length > 0)
        {
            var read = await input.ReadAsync(buffer.AsMemory(0, (int)Math.Min(buffer.Length, length)), cancellationToken);
            if (read == 0)
            {
                throw new EndOfStreamException("the still ended before its embedded video did");
            }

            await output.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
            length -= read;
        }
    }

    /// <summary>The payload of a HEIF's top-level "mpvd" box, when it is a video; null for anything else.</summary>
    private static EmbeddedVideo? SamsungHeifVideo(Stream stream)
    {
        foreach (var box in IsoBoxes.TopLevel(stream))
        {
            if (box.Type == "mpvd")
            {
                return box.BodyLength > 0 && StartsWithFtyp(stream, box.BodyStart) ? new EmbeddedVideo(box.BodyStart, box.BodyLength) : null;
            }
        }

        return null;
    }

    private static bool StartsWithFtyp(Stream stream, long offset)
    {
        if (offset < 0 || offset + 12 > stream.Length)
        {
            return false;
        }

        Span<byte> box = stackalloc byte[12];
        stream.Position = offset;
        stream.ReadExactly(box);
        var size = (box[0] << 24) | (box[1] << 16) | (box[2] << 8) | box[3];
        var brand = Encoding.ASCII.GetString(box[8..12]);
        return box[4..8].SequenceEqual("ftyp"u8) && size is >= 16 and <= 4096
               && brand is "mp42" or "isom" or "mp41" or "qt  " or "avc1" or "iso5" or "iso6" or "MSNV" or "3gp4" or "3gp5";
    }
}
