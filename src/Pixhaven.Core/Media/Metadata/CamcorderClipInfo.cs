using System.Buffers.Binary;

namespace Pixhaven.Core.Media.Metadata;

/// <summary>
/// The .MOI file a JVC, Panasonic or Canon SD camcorder of about 2006 to 2010 writes beside each .MOD or .TOD clip (MPEG
/// streams that keep no date of their own): "V6", the file's size, then the recording's local time (year as 16 bits,
/// month, day, hour, minute, then milliseconds as 16 bits, big-endian) and its length in milliseconds. Read by hand: no
/// .NET library knows the format.
/// </summary>
public static class CamcorderClipInfo
{
    private const int DateAt = 6;
    private const int DurationAt = 0x0E;

    /// <summary>"V6" followed by a date that can be one: two letters alone are too common a start to trust.</summary>
    public static bool Describes(ReadOnlySpan<byte> header) => header.StartsWith("V6"u8) && RecordedAt(header) is not null;

    public static MediaMetadata Read(ReadOnlySpan<byte> bytes)
    {
        if (RecordedAt(bytes) is not { } recorded)
        {
            return new MediaMetadata { Warnings = ["camcorder clip information (.MOI) without a valid recording time"] };
        }

        var milliseconds = bytes.Length >= DurationAt + 4 ? BinaryPrimitives.ReadUInt32BigEndian(bytes[DurationAt..]) : 0;
        return new MediaMetadata
        {
            TakenAt = recorded, // the camcorder's clock, whose zone it does not record
            Duration = milliseconds is > 0 and < 24 * 3600 * 1000 ? milliseconds / 1000.0 : null,
        };
    }

    private static DateTime? RecordedAt(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length < DateAt + 8)
        {
            return null;
        }

        var date = bytes.Slice(DateAt, 8);
        var year = BinaryPrimitives.ReadUInt16BigEndian(date);
        var (month, day, hour, minute) = (date[2], date[3], date[4], date[5]);
        var milliseconds = BinaryPrimitives.ReadUInt16BigEndian(date[6..]);
        return year is >= 1990 and <= 2100 && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month)
               && hour < 24 && minute < 60 && milliseconds < 60_000
            ? new DateTime(year, month, day, hour, minute, 0, DateTimeKind.Unspecified).AddMilliseconds(milliseconds)
            : null;
    }
}
