using System.Text;

namespace Pixhaven.Core.Media;

/// <summary>Names that cameras write as fixed-width ASCII fields, in maker notes, telemetry and movie boxes.</summary>
public static class AsciiText
{
    /// <summary>The printable text of a field padded with zeros or spaces; null when empty or not printable.</summary>
    public static string? Printable(ReadOnlySpan<byte> value) =>
        Encoding.ASCII.GetString(value).TrimEnd('\0', ' ') is { Length: > 0 } text && text.All(c => c is >= ' ' and < '\u007F') ? text : null;
}
