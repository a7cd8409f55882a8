using System.Buffers.Binary;
using Pixhaven.Core.Media.Metadata;

namespace Pixhaven.Core.Places;

/// <summary>
/// The points of the library's GPS tracks, kept in storage by the content hash of their GPX file, so that the track step
/// of each index run reads a few bytes a point instead of parsing the XML again (a logger's year of walks is a hundred
/// megabytes of GPX). Only tracks read to their end are kept; a damaged one is parsed each run, and its warning logged.
/// </summary>
public sealed class TrackCache(string folder)
{
    private static ReadOnlySpan<byte> Magic => "PXTK0001"u8;
    private const int PointBytes = 32;

    /// <summary>The segments kept for this content, or null when none are kept or the file is damaged.</summary>
    public IReadOnlyList<IReadOnlyList<TrackPoint>>? Load(string hash)
    {
        try
        {
            var bytes = File.ReadAllBytes(PathOf(hash));
            if (bytes.Length < Magic.Length + 4 || !bytes.AsSpan().StartsWith(Magic))
            {
                return null;
            }

            var at = Magic.Length;
            var count = BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(at));
            at += 4;
            var segments = new List<IReadOnlyList<TrackPoint>>(Math.Clamp(count, 0, 1024));
            for (var s = 0; s < count; s++)
            {
                if (at + 4 > bytes.Length || BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(at)) is not (> 0 and var points)
                    || (long)points * PointBytes > bytes.Length - at - 4)
                {
                    return null;
                }

                at += 4;
                var segment = new TrackPoint[points];
                for (var i = 0; i < points; i++, at += PointBytes)
                {
                    var span = bytes.AsSpan(at, PointBytes);
                    var ticks = BinaryPrimitives.ReadInt64LittleEndian(span);
                    var elevation = BinaryPrimitives.ReadDoubleLittleEndian(span[24..]);
                    if (ticks is < 0 or > 3_155_378_975_999_999_999)
                    {
                        return null;
                    }

                    segment[i] = new TrackPoint(new DateTime(ticks, DateTimeKind.Utc), BinaryPrimitives.ReadDoubleLittleEndian(span[8..]),
                        BinaryPrimitives.ReadDoubleLittleEndian(span[16..]), double.IsNaN(elevation) ? null : elevation);
                }

                segments.Add(segment);
            }

            return at == bytes.Length ? segments : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null; // not kept yet, or unreadable: the track is parsed again
        }
    }

    /// <summary>Keeps a track's segments; a failure to write only means it is parsed again next time.</summary>
    public void Save(string hash, IReadOnlyList<IReadOnlyList<TrackPoint>> segments)
    {
        var bytes = new byte[Magic.Length + 4 + segments.Sum(s => 4 + ((long)s.Count * PointBytes))];
        Magic.CopyTo(bytes);
        var at = Magic.Length;
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(at), segments.Count);
        at += 4;
        foreach (var segment in segments)
        {
            BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(at), segment.Count);
            at += 4;
            foreach (var point in segment)
            {
                var span = bytes.AsSpan(at, PointBytes);
                BinaryPrimitives.WriteInt64LittleEndian(span, point.Utc.Ticks);
                BinaryPrimitives.WriteDoubleLittleEndian(span[8..], point.Latitude);
                BinaryPrimitives.WriteDoubleLittleEndian(span[16..], point.Longitude);
                BinaryPrimitives.WriteDoubleLittleEndian(span[24..], point.Elevation ?? double.NaN);
                at += PointBytes;
            }
        }

        var path = PathOf(hash);
        var temporary = $"{path}.{Guid.NewGuid():N}.tmp"; // two copies of a track may be indexed at once
        try
        {
            Directory.CreateDirectory(folder);
            File.WriteAllBytes(temporary, bytes);
            File.Move(temporary, path, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            TryRemove(temporary);
        }
    }

    /// <summary>Removes what is kept for tracks the library no longer has.</summary>
    public void KeepOnly(IReadOnlySet<string> hashes)
    {
        if (!Directory.Exists(folder))
        {
            return;
        }

        foreach (var file in Directory.EnumerateFiles(folder))
        {
            if (!hashes.Contains(Path.GetFileNameWithoutExtension(file)) || file.EndsWith(".tmp", StringComparison.Ordinal))
            {
                TryRemove(file);
            }
        }
    }

    // Hashes are lowercase hex from ContentHasher; anything else never names a file here.
    private string PathOf(string hash) =>
        hash.Length is > 0 and <= 128 && hash.All(char.IsAsciiHexDigit) ? Path.Combine(folder, hash + ".points") : throw new ArgumentException("not a content hash", nameof(hash));

    private void TryRemove(string path)
    {
        if (!Path.GetFullPath(path).StartsWith(Path.GetFullPath(folder) + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"{path} is not in the track cache");
        }

        try
        {
#pragma warning disable RS0030 // A file this cache wrote, inside its folder in storage/cache (checked above); never an original.
            File.Delete(path);
#pragma warning restore RS0030
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // left for the next run
        }
    }
}
