using System.Buffers.Binary;
using System.Text;

namespace Pixhaven.Core.Media.Metadata;

/// <summary>
/// Canon's CIFF container (.CRW, 1998-2004 cameras), which MetadataExtractor does not parse: make and model, the time
/// taken, the image size and rotation, and the exposure (the camera settings, shot info and focal length records, laid
/// out as in Canon's EXIF maker notes). Hand-written because no maintained .NET library reads CIFF; it follows
/// Canon's CIFF 1.0r4 layout and reads only what it needs, with every offset checked against the heap it lies in.
/// </summary>
public static class CiffReader
{
    private const ushort MakeModel = 0x080a;
    private const ushort TimeStamp = 0x180e;
    private const ushort ImageInfo = 0x1810;
    private const ushort FocalLengthRecord = 0x1029;
    private const ushort ShotInfo = 0x102a;
    private const ushort CameraSettings = 0x102d;
    private const int MaxDepth = 8;
    private const int MaxEntries = 4096;

    /// <summary>The metadata of a CRW file; warnings instead of exceptions for damaged files.</summary>
    public static MediaMetadata Read(string path)
    {
        try
        {
            var bytes = File.ReadAllBytes(path);
            if (bytes.Length < 26 || bytes[0] != 'I' || bytes[1] != 'I')
            {
                return new MediaMetadata { Warnings = ["not a little-endian CIFF file"] };
            }

            var headerLength = (int)BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(2));
            if (headerLength < 14 || headerLength >= bytes.Length)
            {
                return new MediaMetadata { Warnings = ["CIFF header length is out of range"] };
            }

            var found = new Dictionary<ushort, byte[]>();
            ReadHeap(bytes, headerLength, bytes.Length - headerLength, found, 0);
            return Interpret(found);
        }
        catch (IOException e)
        {
            return new MediaMetadata { Warnings = [$"metadata could not be read: {e.Message}"] };
        }
    }

    /// <summary>A heap ends with the offset of its entry table; each entry's data is in the heap or in the entry itself.</summary>
    private static void ReadHeap(byte[] bytes, int start, int length, Dictionary<ushort, byte[]> found, int depth)
    {
        if (depth > MaxDepth || length < 4 || start < 0 || start + length > bytes.Length)
        {
            return;
        }

        var table = start + (int)BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(start + length - 4));
        if (table < start || table + 2 > start + length)
        {
            return;
        }

        int count = BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(table));
        for (var i = 0; i < Math.Min(count, MaxEntries); i++)
        {
            var entry = table + 2 + (i * 10);
            if (entry + 10 > start + length)
            {
                return;
            }

            var tag = BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(entry));
            var id = (ushort)(tag & 0x3fff);
            if ((tag & 0xc000) == 0x4000)
            {
                // Up to 8 bytes of data in the entry itself.
                found.TryAdd(id, bytes.AsSpan(entry + 2, 8).ToArray());
                continue;
            }

            var size = (int)BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(entry + 2));
            var offset = (int)BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(entry + 6));
            if (size < 0 || offset < 0 || (long)offset + size > length)
            {
                continue;
            }

            // Types 0x2800 and 0x3000 are heaps inside this one.
            if ((id & 0x3800) is 0x2800 or 0x3000)
            {
                ReadHeap(bytes, start + offset, size, found, depth + 1);
            }
            else
            {
                found.TryAdd(id, bytes.AsSpan(start + offset, size).ToArray());
            }
        }
    }

    private static MediaMetadata Interpret(Dictionary<ushort, byte[]> found)
    {
        string? make = null, model = null;
        if (found.TryGetValue(MakeModel, out var names))
        {
            var parts = Encoding.ASCII.GetString(names).Split('\0');
            make = parts.Length > 0 && parts[0].Length > 0 ? parts[0].Trim() : null;
            model = parts.Length > 1 && parts[1].Length > 0 ? parts[1].Trim() : null;
        }

        // Seconds since 1970 on the camera's clock: its local time, with no zone recorded.
        DateTime? taken = null;
        if (found.TryGetValue(TimeStamp, out var stamp) && stamp.Length >= 4)
        {
            var seconds = BinaryPrimitives.ReadUInt32LittleEndian(stamp);
            taken = seconds > 0 ? DateTime.SpecifyKind(DateTime.UnixEpoch.AddSeconds(seconds), DateTimeKind.Unspecified) : null;
        }

        int? width = null, height = null, orientation = null;
        if (found.TryGetValue(ImageInfo, out var info) && info.Length >= 16)
        {
            width = (int)BinaryPrimitives.ReadUInt32LittleEndian(info);
            height = (int)BinaryPrimitives.ReadUInt32LittleEndian(info.AsSpan(4));
            orientation = BinaryPrimitives.ReadInt32LittleEndian(info.AsSpan(12)) switch
            {
                90 => 6,
                180 => 3,
                270 or -90 => 8,
                _ => 1,
            };
        }

        var settings = Int16s(found, CameraSettings);
        var shot = Int16s(found, ShotInfo);
        var focal = Int16s(found, FocalLengthRecord);
        var focalUnits = At(settings, 25) is > 0 and var units ? units : 1;
        var apertureEv = At(shot, 21) is > 0 and var fNumber ? fNumber : At(shot, 4);
        var exposureEv = At(shot, 22) is not 0 and var exposure ? exposure : At(shot, 5);
        return new MediaMetadata
        {
            Make = make, Model = model, TakenAt = taken, Width = width, Height = height, Orientation = orientation,
            Iso = ExposureSettings.CanonIso(At(settings, 16)),
            FNumber = apertureEv is > 0 and var ev ? Math.Round(Math.Pow(2, ExposureSettings.CanonEv(ev) / 2), 1) : null,
            ExposureTime = exposureEv is not (null or 0) and var tv ? ExposureSettings.ExposureText(Math.Pow(2, -ExposureSettings.CanonEv(tv.Value))) : null,
            FocalLength = At(focal, 1) is > 0 and var length ? Math.Round((double)length / focalUnits, 2) : null,
        };
    }

    /// <summary>A record of 16-bit values; the camera settings and shot info begin with their own length in bytes.</summary>
    private static short[]? Int16s(Dictionary<ushort, byte[]> found, ushort id) =>
        found.TryGetValue(id, out var bytes) && bytes.Length >= 4
            ? Enumerable.Range(0, bytes.Length / 2).Select(i => BinaryPrimitives.ReadInt16LittleEndian(bytes.AsSpan(i * 2))).ToArray()
            : null;

    private static int? At(short[]? values, int index) => values is not null && index < values.Length ? values[index] : null;
}
