using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;

namespace Pixhaven.Hosting;

/// <summary>
/// The console log as one line per entry, "info: Pixhaven.Core.Indexing.Indexer[0] Found 12 files", with every control
/// character of a message (a file's name, a decoder's words) made visible by <see cref="TerminalText"/>, so that a
/// hostile name can neither forge log lines nor send escape sequences to the terminal of whoever reads the log.
/// </summary>
public sealed class VisibleConsoleFormatter(IOptionsMonitor<SimpleConsoleFormatterOptions> options) : ConsoleFormatter(Name)
{
    public new const string Name = "pixhaven";

    public override void Write<TState>(in LogEntry<TState> logEntry, IExternalScopeProvider? scopeProvider, TextWriter textWriter)
    {
        var message = logEntry.Formatter(logEntry.State, logEntry.Exception);
        if (string.IsNullOrEmpty(message) && logEntry.Exception is null)
        {
            return;
        }

        var settings = options.CurrentValue;
        if (settings.TimestampFormat is { } format)
        {
            var now = settings.UseUtcTimestamp ? DateTimeOffset.UtcNow : DateTimeOffset.Now;
            textWriter.Write(now.ToString(format, System.Globalization.CultureInfo.InvariantCulture));
        }

        // Plain by default: the log is mostly read from a file or a container's log, where colour codes are noise.
        var colored = settings.ColorBehavior == LoggerColorBehavior.Enabled;
        var (level, color) = Level(logEntry.LogLevel);
        textWriter.Write(colored && color is not null ? $"\u001B[{color}m{level}\u001B[39m" : level);
        textWriter.Write(": ");
        textWriter.Write(TerminalText.Visible(logEntry.Category));
        textWriter.Write('[');
        textWriter.Write(logEntry.EventId.Id);
        textWriter.Write("] ");
        textWriter.WriteLine(TerminalText.Visible(message));
        if (logEntry.Exception is { } exception)
        {
            textWriter.WriteLine(TerminalText.VisibleKeepingLines(exception.ToString()));
        }
    }

    private static (string Level, string? Color) Level(LogLevel level) => level switch
    {
        LogLevel.Trace => ("trce", null),
        LogLevel.Debug => ("dbug", null),
        LogLevel.Information => ("info", "32"),
        LogLevel.Warning => ("warn", "33"),
        LogLevel.Error => ("fail", "31"),
        LogLevel.Critical => ("crit", "31"),
        _ => ("none", null),
    };
}

/// <summary>Registration of <see cref="VisibleConsoleFormatter"/> as the console log's format.</summary>
public static class VisibleConsoleLogging
{
    /// <summary>The console log in <see cref="VisibleConsoleFormatter"/>'s format; all of it on standard error if asked (a CLI's output stays its own).</summary>
    public static ILoggingBuilder AddVisibleConsole(this ILoggingBuilder logging, bool toStandardError = false) =>
        logging
            .AddConsole(console =>
            {
                console.FormatterName = VisibleConsoleFormatter.Name;
                if (toStandardError)
                {
                    console.LogToStandardErrorThreshold = LogLevel.Trace;
                }
            })
            .AddConsoleFormatter<VisibleConsoleFormatter, SimpleConsoleFormatterOptions>();
}
