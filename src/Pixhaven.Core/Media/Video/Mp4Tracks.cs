using System.Buffers.Binary;

namespace Pixhaven.Core.Media.Video;

/// <summary>One sample of an MP4/QuickTime track: where its bytes lie in the file, and when it starts in the track.</summary>
public readonly record struct Mp4Sample(long Offset, int Size, double StartSeconds);

/// <summary>
/// Finds a track of an MP4/QuickTime file by the format of its sample description and lists where its first samples
/// lie, from the track's sample tables (stsd, stts, stsc, stsz, stco/co64). Hand-written because ffprobe does not hand
/// out a data track's payloads and ffmpeg would have to copy the whole track to a file; every count and offset is
/// checked against the box it came from and the file's length.
/// </summary>
public static class Mp4Tracks
{
    private const int MaxMovieBytes = 64 * 1024 * 1024;

    /// <summary>
    /// The first <paramref name="limit"/> samples of the first track whose sample description has this four-character
    /// format ("gpmd" for GoPro's telemetry); empty when the file has no such track or its tables do not fit.
    /// The movie box is the one <see cref="ReadMovie"/> read; offsets past <paramref name="fileLength"/> end the list.
    /// </summary>
    public static IReadOnlyList<Mp4Sample> SamplesOf(ReadOnlyMemory<byte> movie, string format, int limit, long fileLength)
    {
        foreach (var track in IsoBoxes.Children(movie).Where(b => b.Type == "trak"))
        {
            if (Child(track.Body, "mdia") is not { } media || Child(media, "mdhd") is not { } header
                || Child(media, "minf") is not { } info || Child(info, "stbl") is not { } table || !Describes(table, format))
            {
                continue;
            }

            return TimeScale(header.Span) is { } scale ? Samples(table, scale, limit, fileLength) : [];
        }

        return [];
    }

    /// <summary>The body of the file's movie box ("moov"); null when it has none or it is implausibly large.</summary>
    public static byte[]? ReadMovie(Stream file)
    {
        foreach (var box in IsoBoxes.TopLevel(file))
        {
            if (box.Type == "moov")
            {
                if (box.BodyLength > MaxMovieBytes)
                {
                    return null;
                }

                var movie = new byte[box.BodyLength];
                file.Position = box.BodyStart;
                file.ReadExactly(movie);
                return movie;
            }
        }

        return null;
    }

    /// <summary>The body of one box of the movie's user data ("udta"), where cameras keep their own settings.</summary>
    public static ReadOnlyMemory<byte>? UserData(ReadOnlyMemory<byte> movie, string type) =>
        Child(movie, "udta") is { } userData ? Child(userData, type) : null;

    private static ReadOnlyMemory<byte>? Child(ReadOnlyMemory<byte> parent, string type) =>
        IsoBoxes.Children(parent).FirstOrDefault(b => b.Type == type) is { Type: not null } box ? box.Body : null;

    /// <summary>Whether the sample table's first description (after version, flags and entry count) is of this format.</summary>
    private static bool Describes(ReadOnlyMemory<byte> table, string format) =>
        Child(table, "stsd") is { Length: >= 16 } descriptions
        && IsoBoxes.Children(descriptions[8..]).FirstOrDefault() is { Type: { } type } && type == format;

    /// <summary>The media header's units per second (version 0 or 1).</summary>
    private static uint? TimeScale(ReadOnlySpan<byte> header)
    {
        var at = header.Length > 0 && header[0] == 1 ? 20 : 12;
        return header.Length >= at + 4 && BinaryPrimitives.ReadUInt32BigEndian(header[at..]) is > 0 and var scale ? scale : null;
    }

    private static List<Mp4Sample> Samples(ReadOnlyMemory<byte> table, uint timeScale, int limit, long fileLength)
    {
        var sizes = Sizes(Child(table, "stsz"), limit);
        // Each chunk holds at least one sample, so the first chunks up to the limit hold the samples wanted.
        var chunkOffsets = ChunkOffsets(Child(table, "stco"), Child(table, "co64"), fileLength, limit);
        var chunkRuns = Table(Child(table, "stsc"), 12);
        var durations = Table(Child(table, "stts"), 8);
        if (sizes.Count == 0 || chunkOffsets.Count == 0 || chunkRuns.Length == 0)
        {
            return [];
        }

        var samples = new List<Mp4Sample>(sizes.Count);
        var (durationEntry, leftInEntry, ticks) = (0, 0L, 0L);
        var chunkRun = 0;
        for (var chunk = 0; chunk < chunkOffsets.Count && samples.Count < sizes.Count; chunk++)
        {
            // stsc lists runs of chunks by the 1-based number of their first chunk; a run lasts until the next one starts.
            while (chunkRun + 1 < chunkRuns.Length / 12 && Entry(chunkRuns, 12, chunkRun + 1, 0) <= chunk + 1)
            {
                chunkRun++;
            }

            var offset = chunkOffsets[chunk];
            for (var i = Entry(chunkRuns, 12, chunkRun, 4); i > 0 && samples.Count < sizes.Count; i--)
            {
                var size = sizes[samples.Count];
                if (offset > fileLength - size)
                {
                    return samples;
                }

                samples.Add(new Mp4Sample(offset, size, ticks / (double)timeScale));
                offset += size;

                // stts lists runs of samples of one duration.
                while (leftInEntry == 0 && durationEntry < durations.Length / 8)
                {
                    leftInEntry = Entry(durations, 8, durationEntry, 0);
                    durationEntry++;
                }

                if (leftInEntry > 0)
                {
                    ticks += Entry(durations, 8, durationEntry - 1, 4);
                    leftInEntry--;
                }
            }
        }

        return samples;
    }

    /// <summary>The entries of a table box after its version, flags and entry count; only as many as fit in the box.</summary>
    private static ReadOnlyMemory<byte> Table(ReadOnlyMemory<byte>? box, int entrySize)
    {
        if (box is not { Length: >= 8 } body)
        {
            return ReadOnlyMemory<byte>.Empty;
        }

        var count = BinaryPrimitives.ReadUInt32BigEndian(body.Span[4..]);
        var fits = (body.Length - 8) / entrySize;
        return body.Slice(8, (int)Math.Min(count, (uint)fits) * entrySize);
    }

    private static uint Entry(ReadOnlyMemory<byte> table, int entrySize, int index, int field) =>
        BinaryPrimitives.ReadUInt32BigEndian(table.Span[((index * entrySize) + field)..]);

    private static List<int> Sizes(ReadOnlyMemory<byte>? box, int limit)
    {
        var sizes = new List<int>();
        if (box is not { Length: >= 12 } body)
        {
            return sizes;
        }

        var uniform = BinaryPrimitives.ReadUInt32BigEndian(body.Span[4..]);
        var count = (int)Math.Min(BinaryPrimitives.ReadUInt32BigEndian(body.Span[8..]), (uint)limit);
        for (var i = 0; i < count; i++)
        {
            var size = uniform != 0 ? uniform : 12 + (i * 4) + 4 <= body.Length ? BinaryPrimitives.ReadUInt32BigEndian(body.Span[(12 + (i * 4))..]) : uint.MaxValue;
            if (size > int.MaxValue)
            {
                break;
            }

            sizes.Add((int)size);
        }

        return sizes;
    }

    private static List<long> ChunkOffsets(ReadOnlyMemory<byte>? offsets32, ReadOnlyMemory<byte>? offsets64, long fileLength, int limit)
    {
        var wide = offsets32 is null;
        var entries = Table(offsets32 ?? offsets64, wide ? 8 : 4);
        var offsets = new List<long>(entries.Length / (wide ? 8 : 4));
        for (var at = 0; at < entries.Length && offsets.Count < limit; at += wide ? 8 : 4)
        {
            var offset = wide ? BinaryPrimitives.ReadUInt64BigEndian(entries.Span[at..]) : BinaryPrimitives.ReadUInt32BigEndian(entries.Span[at..]);
            if (offset >= (ulong)fileLength)
            {
                break;
            }

            offsets.Add((long)offset);
        }

        return offsets;
    }
}
