using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;

namespace Pixhaven.Hosting;

/// <summary>
/// Text from files (names, titles, a decoder's words) made safe to print on a terminal. A name can hold an escape
/// sequence that recolours, hides or rewrites what a terminal shows, or a line break that forges a log line; .NET 10's
/// console logger and Spectre.Console print such characters as they are. Control characters (C0, DEL, C1) are shown as
/// <c>\n</c>, <c>\r</c>, <c>\t</c> or <c>\uXXXX</c> instead.
/// </summary>
public static class TerminalText
{
    /// <summary>The text with every control character written out visibly; the same string when it has none.</summary>
    public static string Visible(string? text)
    {
        if (string.IsNullOrEmpty(text) || !text.Any(IsControl))
        {
            return text ?? "";
        }

        var visible = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            _ = c switch
            {
                '\n' => visible.Append("\\n"),
                '\r' => visible.Append("\\r"),
                '\t' => visible.Append("\\t"),
                _ when IsControl(c) => visible.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture)),
                _ => visible.Append(c),
            };
        }

        return visible.ToString();
    }

    /// <summary>Like <see cref="Visible(string)"/>, but line breaks stay: for the lines of a stack trace.</summary>
    public static string VisibleKeepingLines(string text) =>
        string.Join(Environment.NewLine, text.Split('\n').Select(line => Visible(line.TrimEnd('\r'))));

    /// <summary>The values of an interpolated string made visible, its format (the program's own markup) kept.</summary>
    public static FormattableString Visible(FormattableString message) =>
        FormattableStringFactory.Create(message.Format,
            message.GetArguments().Select(a => a is string or null ? Visible((string?)a) : (object?)a).ToArray());

    private static bool IsControl(char c) => c < ' ' || c is >= '\u007F' and <= '\u009F';
}
