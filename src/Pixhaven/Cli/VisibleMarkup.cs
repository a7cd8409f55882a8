using Pixhaven.Hosting;
using Spectre.Console;

namespace Pixhaven.Cli;

/// <summary>Spectre.Console markup whose values (file names, titles, reasons) have their control characters made visible.</summary>
public static class VisibleMarkup
{
    /// <summary><see cref="AnsiConsoleExtensions.MarkupLineInterpolated(IAnsiConsole, FormattableString)"/>, its values made visible by <see cref="TerminalText"/>.</summary>
    public static void MarkupLineVisible(this IAnsiConsole console, FormattableString message) =>
        console.MarkupLineInterpolated(TerminalText.Visible(message));

    /// <summary>A table cell's text, escaped as markup and with its control characters made visible.</summary>
    public static string Cell(string? text) => Markup.Escape(TerminalText.Visible(text));
}
