using System.Diagnostics;

namespace Pixhaven.Core.Media.Previews;

/// <summary>Runs a command-line converter with a timeout; the process tree is killed when time runs out.</summary>
public static class ExternalTool
{
    /// <summary>
    /// Why a tool failed, for the problem list: its last error line, without the paths it names (tools print the full
    /// path of the original, which tells a user nothing the list does not), or its exit code when it said nothing.
    /// </summary>
    public static string Reason(string errors, int exitCode, params string[] paths)
    {
        var line = errors.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault();
        foreach (var path in paths)
        {
            line = line?.Replace($"{path}: ", "", StringComparison.Ordinal).Replace(path, Path.GetFileName(path), StringComparison.Ordinal);
        }

        // A tool killed by a signal (a decoder crashing on a hostile file) exits with 128 + the signal's number.
        if (Signal(exitCode) is { } signal)
        {
            return line is null ? $"crashed on this file ({signal})" : $"crashed on this file ({signal}) after: {line}";
        }

        return line ?? $"exit code {exitCode}";
    }

    private static string? Signal(int exitCode) => exitCode switch
    {
        128 + 4 => "SIGILL",
        128 + 6 => "SIGABRT",
        128 + 7 => "SIGBUS",
        128 + 8 => "SIGFPE",
        128 + 9 => "SIGKILL",
        128 + 11 => "SIGSEGV",
        _ => null,
    };

    /// <summary>Full path of a program on PATH, or null.</summary>
    public static string? Find(string name)
    {
        var path = Environment.GetEnvironmentVariable("PATH") ?? "";
        return path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, name))
            .FirstOrDefault(File.Exists);
    }

    /// <summary>A program given by name (looked up on PATH) or by path, when it exists; else null.</summary>
    public static string? Resolve(string nameOrPath) =>
        nameOrPath.Contains(Path.DirectorySeparatorChar, StringComparison.Ordinal) || nameOrPath.Contains('/', StringComparison.Ordinal)
            ? File.Exists(nameOrPath) ? Path.GetFullPath(nameOrPath) : null
            : Find(nameOrPath);

    public static async Task<(int ExitCode, string Errors)> RunAsync(string program, IEnumerable<string> arguments, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var (exitCode, _, errors) = await RunWithOutputAsync(program, arguments, timeout, cancellationToken);
        return (exitCode, errors);
    }

    /// <param name="environment">Variables to set for the program only (e.g. a password it reads from there).</param>
    /// <param name="onOutputLine">Given each line of standard output as it comes (progress), which is then not returned.</param>
    public static async Task<(int ExitCode, string Output, string Errors)> RunWithOutputAsync(
        string program, IEnumerable<string> arguments, TimeSpan timeout, CancellationToken cancellationToken,
        IReadOnlyDictionary<string, string>? environment = null, Action<string>? onOutputLine = null)
    {
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{program} did not start");
        var errors = process.StandardError.ReadToEndAsync(cancellationToken);
        var output = onOutputLine is null ? process.StandardOutput.ReadToEndAsync(cancellationToken) : FollowAsync(process.StandardOutput, onOutputLine, cancellationToken);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            if (cancellationToken.IsCancellationRequested)
            {
                throw;
            }

            throw new TimeoutException($"{Path.GetFileName(program)} did not finish within {timeout.TotalSeconds:0} s");
        }

        return (process.ExitCode, await output, (await errors).Trim());
    }

    private static async Task<string> FollowAsync(StreamReader output, Action<string> onLine, CancellationToken cancellationToken)
    {
        while (await output.ReadLineAsync(cancellationToken) is { } line)
        {
            onLine(line);
        }

        return "";
    }
}
