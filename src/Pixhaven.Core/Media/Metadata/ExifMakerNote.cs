using System.Buffers.Binary;
using System.Text;

namespace Pixhaven.Core.Media.Metadata;

/// <summary>
/// A camera maker's note (EXIF tag 0x927C, an IFD of the maker's own tags) read straight from the EXIF block, for the
/// case MetadataExtractor gets wrong: an editor rewrote the EXIF and moved the maker note without correcting the
/// offsets inside it, so every value the note points to is read from the wrong place. The offsets are shifted back by
/// the rule that a note's first value follows its entry table. Hand-written because no library here repairs moved
/// maker notes; every read is bounds-checked and a note that does not fit gives null.
/// </summary>
public sealed class ExifMakerNote
{
    private const ushort ExifIfdPointer = 0x8769;
    private const ushort MakerNoteTag = 0x927C;
    private const ushort AsciiType = 2;
    private const ushort ShortType = 3;
    private const int MaxEntries = 512;

    private readonly byte[] _tiff;
    private readonly Dictionary<ushort, (ushort Type, uint Count, long Offset)> _entries;
    private readonly bool _bigEndian;

    private ExifMakerNote(byte[] tiff, Dictionary<ushort, (ushort, uint, long)> entries, bool bigEndian) =>
        (_tiff, _entries, _bigEndian) = (tiff, entries, bigEndian);

    /// <summary>
    /// The maker note of an EXIF APP1 payload ("Exif\0\0" and a TIFF structure), its value offsets repaired when the
    /// note was moved; null when there is none or it cannot be made to fit.
    /// </summary>
    public static ExifMakerNote? FromExifSegment(byte[] app1Payload)
    {
        if (app1Payload.Length < 14 || !app1Payload.AsSpan().StartsWith("Exif\0\0"u8))
        {
            return null;
        }

        var tiff = app1Payload[6..];
        var bigEndian = tiff[0] == (byte)'M';
        if (!(tiff.AsSpan(0, 2).SequenceEqual("MM"u8) || tiff.AsSpan(0, 2).SequenceEqual("II"u8)))
        {
            return null;
        }

        var reader = new Bounded(tiff);
        var exifIfd = FindEntry(reader, reader.U32(4, bigEndian), ExifIfdPointer, bigEndian) is { } pointer ? reader.U32(pointer + 8, bigEndian) : null;
        if (exifIfd is null || FindEntry(reader, exifIfd, MakerNoteTag, bigEndian) is not { } noteEntry
            || reader.U32(noteEntry + 4, bigEndian) is not { } noteLength || reader.U32(noteEntry + 8, bigEndian) is not { } noteStart
            || noteStart + (long)noteLength > tiff.Length)
        {
            return null;
        }

        // Makers write the note in the camera's byte order, which an editor may have changed for the rest: take the
        // order in which the entry count fits the note.
        foreach (var order in new[] { bigEndian, !bigEndian })
        {
            if (reader.U16(noteStart, order) is { } count and > 0 and <= MaxEntries && 2 + (12L * count) <= noteLength
                && Entries(reader, noteStart, count, order, noteStart + noteLength) is { } entries)
            {
                return new ExifMakerNote(tiff, entries, order);
            }
        }

        return null;
    }

    /// <summary>The text of an ASCII tag, without its padding; null when the note has no such text.</summary>
    public string? Ascii(ushort tag)
    {
        if (!_entries.TryGetValue(tag, out var entry) || entry.Type != AsciiType)
        {
            return null;
        }

        var bytes = _tiff.AsSpan((int)entry.Offset, (int)entry.Count);
        var end = bytes.IndexOf((byte)0);
        var text = Encoding.ASCII.GetString(end >= 0 ? bytes[..end] : bytes).Trim();
        return text.Length > 0 && text.All(c => c >= ' ' && c < 0x7F) ? text : null;
    }

    /// <summary>One value of a tag holding 16-bit numbers (a Canon note's camera settings); null when there is none.</summary>
    public ushort? Value16(ushort tag, int index) =>
        _entries.TryGetValue(tag, out var entry) && entry.Type == ShortType && index >= 0 && index < entry.Count
            ? new Bounded(_tiff).U16(entry.Offset + (2L * index), _bigEndian)
            : null;

    private static Dictionary<ushort, (ushort, uint, long)>? Entries(Bounded reader, long table, ushort count, bool bigEndian, long noteEnd)
    {
        var entries = new Dictionary<ushort, (ushort Type, uint Count, long Offset)>();
        var outOfLine = new List<(ushort Tag, ushort Type, uint Count, long Stored, long Size)>();
        for (var i = 0; i < count; i++)
        {
            var at = table + 2 + (12L * i);
            if (reader.U16(at, bigEndian) is not { } tag || reader.U16(at + 2, bigEndian) is not { } type
                || reader.U32(at + 4, bigEndian) is not { } values || reader.U32(at + 8, bigEndian) is not { } stored)
            {
                return null;
            }

            var size = (long)values * TypeSize(type);
            if (size <= 4)
            {
                entries[tag] = (type, values, at + 8);
            }
            else
            {
                outOfLine.Add((tag, type, values, stored, size));
            }
        }

        if (outOfLine.Count == 0)
        {
            return entries;
        }

        // Values normally start right after the entry table (with or without the 4-byte link to a next table); when
        // the smallest offset says otherwise, the note was moved by that much.
        var tableEnd = table + 2 + (12L * count);
        var first = outOfLine.Min(v => v.Stored);
        foreach (var shift in new[] { 0, tableEnd + 4 - first, tableEnd - first })
        {
            if (outOfLine.All(v => v.Stored + shift >= tableEnd && v.Stored + shift + v.Size <= noteEnd))
            {
                foreach (var value in outOfLine)
                {
                    entries[value.Tag] = (value.Type, value.Count, value.Stored + shift);
                }

                return entries;
            }
        }

        return null;
    }

    private static long? FindEntry(Bounded reader, long? ifd, ushort wanted, bool bigEndian)
    {
        if (ifd is not { } table || reader.U16(table, bigEndian) is not { } count || count > MaxEntries)
        {
            return null;
        }

        for (var i = 0; i < count; i++)
        {
            var at = table + 2 + (12L * i);
            if (reader.U16(at, bigEndian) == wanted)
            {
                return at;
            }
        }

        return null;
    }

    /// <summary>A type EXIF does not define is taken as bytes, so that its entry is still skipped whole.</summary>
    private static int TypeSize(ushort type) => Math.Max(1, ExifTypes.Size(type));

    /// <summary>Reads 16- and 32-bit values, null past the end.</summary>
    private readonly struct Bounded(byte[] bytes)
    {
        public ushort? U16(long at, bool bigEndian) =>
            at < 0 || at + 2 > bytes.Length ? null
            : bigEndian ? BinaryPrimitives.ReadUInt16BigEndian(bytes.AsSpan((int)at)) : BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan((int)at));

        public uint? U32(long at, bool bigEndian) =>
            at < 0 || at + 4 > bytes.Length ? null
            : bigEndian ? BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan((int)at)) : BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan((int)at));
    }
}
