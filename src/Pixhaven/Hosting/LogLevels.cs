namespace Pixhaven.Hosting;

/// <summary>Maps the <c>log-level</c> option to a <see cref="LogLevel"/>.</summary>
public static class LogLevels
{
    public static LogLevel Parse(string value) => value.ToLowerInvariant() switch
    {
        "trace" => LogLevel.Trace,
        "debug" => LogLevel.Debug,
        "warning" => LogLevel.Warning,
        "error" => LogLevel.Error,
        _ => LogLevel.Information,
    };
}
