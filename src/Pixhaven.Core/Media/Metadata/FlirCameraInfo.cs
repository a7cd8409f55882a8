using System.Buffers.Binary;

namespace Pixhaven.Core.Media.Metadata;

/// <summary>
/// The capture time that FLIR thermal cameras (FLIR ONE on phones, the E and T series) keep only in their own "FFF"
/// record inside the JPEG: their EXIF has no date. Hand-written because MetadataExtractor 2.4 (the newest NuGet serves
/// here) does not read FLIR segments. Every offset is checked against the bytes; a damaged record gives null.
/// </summary>
public static class FlirCameraInfo
{
    private static ReadOnlySpan<byte> SegmentMagic => "FLIR\0"u8;
    private const int SegmentHeader = 8;
    private const int DirectoryEntrySize = 32;
    private const ushort CameraInfoRecord = 0x20;
    private const int DateTimeOriginal = 0x384;
    private const int MaxEntries = 1024;
    private const int MaxMinutesFromUtc = 14 * 60;

    /// <summary>Whether an APP1 segment's payload is a piece of a FLIR record.</summary>
    public static bool IsFlirSegment(ReadOnlySpan<byte> payload) => payload.Length > SegmentHeader && payload.StartsWith(SegmentMagic);

    /// <summary>
    /// The local time and UTC offset of the capture, from the FLIR APP1 segments of one JPEG in file order; null when
    /// they are missing, incomplete or damaged.
    /// </summary>
    public static (DateTime Local, TimeSpan Offset)? TakenAt(IEnumerable<byte[]> app1Payloads)
    {
        // The record is split over numbered segments (byte 6: this one's number, byte 7: the last number).
        var pieces = app1Payloads.Where(p => IsFlirSegment(p)).ToList();
        if (pieces.Count == 0 || pieces.Count != pieces[0][7] + 1 || pieces.Where((p, i) => p[6] != i).Any())
        {
            return null;
        }

        var record = new byte[pieces.Sum(p => p.Length - SegmentHeader)];
        var position = 0;
        foreach (var piece in pieces)
        {
            piece.AsSpan(SegmentHeader).CopyTo(record.AsSpan(position));
            position += piece.Length - SegmentHeader;
        }

        return FromRecord(record);
    }

    private static (DateTime Local, TimeSpan Offset)? FromRecord(ReadOnlySpan<byte> fff)
    {
        // "FFF\0" (or "AFF\0"), 16 bytes naming the writer, then version, directory offset and entry count. The version
        // is 100-199; read in the wrong byte order it is not, which tells the order.
        if (fff.Length < 0x40 || !fff[1..4].SequenceEqual("FF\0"u8))
        {
            return null;
        }

        var bigEndian = BinaryPrimitives.ReadUInt32BigEndian(fff[0x14..]) is >= 100 and < 200;
        if (!bigEndian && BinaryPrimitives.ReadUInt32LittleEndian(fff[0x14..]) is not (>= 100 and < 200))
        {
            return null;
        }

        var directory = U32(fff, 0x18, bigEndian);
        var entries = U32(fff, 0x1C, bigEndian);
        if (entries > MaxEntries || directory + ((long)entries * DirectoryEntrySize) > fff.Length)
        {
            return null;
        }

        for (var i = 0; i < entries; i++)
        {
            var entry = fff.Slice((int)directory + (i * DirectoryEntrySize), DirectoryEntrySize);
            var type = bigEndian ? BinaryPrimitives.ReadUInt16BigEndian(entry) : BinaryPrimitives.ReadUInt16LittleEndian(entry);
            var offset = U32(entry, 12, bigEndian);
            var length = U32(entry, 16, bigEndian);
            if (type == CameraInfoRecord && offset + (long)length <= fff.Length)
            {
                return FromCameraInfo(fff.Slice((int)offset, (int)length));
            }
        }

        return null;
    }

    private static (DateTime Local, TimeSpan Offset)? FromCameraInfo(ReadOnlySpan<byte> info)
    {
        if (info.Length < DateTimeOriginal + 10)
        {
            return null;
        }

        // The record keeps its own byte order, told by its first 16-bit value, which is 2.
        var bigEndian = BinaryPrimitives.ReadUInt16BigEndian(info) == 2;
        var date = info[DateTimeOriginal..];
        var seconds = U32(date, 0, bigEndian);
        var milliseconds = U32(date, 4, bigEndian) & 0xFFFF;
        // Minutes west of UTC, as C's timezone variable: 420 is UTC-07:00.
        var minutesWest = bigEndian ? BinaryPrimitives.ReadInt16BigEndian(date[8..]) : BinaryPrimitives.ReadInt16LittleEndian(date[8..]);
        if (seconds == 0 || milliseconds > 999 || Math.Abs((int)minutesWest) > MaxMinutesFromUtc)
        {
            return null;
        }

        var offset = TimeSpan.FromMinutes(-minutesWest);
        var utc = DateTime.UnixEpoch.AddSeconds(seconds).AddMilliseconds(milliseconds);
        return (DateTime.SpecifyKind(utc + offset, DateTimeKind.Unspecified), offset);
    }

    private static uint U32(ReadOnlySpan<byte> bytes, int offset, bool bigEndian) =>
        bigEndian ? BinaryPrimitives.ReadUInt32BigEndian(bytes[offset..]) : BinaryPrimitives.ReadUInt32LittleEndian(bytes[offset..]);
}
