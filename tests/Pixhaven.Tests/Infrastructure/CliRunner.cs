using System.Diagnostics;

namespace Pixhaven.Tests.Infrastructure;

/// <summary>Runs the real <c>pixhaven</c> executable, as a user would, and captures what it prints.</summary>
public static class CliRunner
{
    public sealed record Result(int ExitCode, string Output, string Errors);

    public static Task<Result> RunAsync(string workingDirectory, IReadOnlyDictionary<string, string>? environment, params string[] arguments) =>
        RunWithInputAsync(workingDirectory, null, environment, arguments);

    /// <summary>As <see cref="RunAsync"/>, with <paramref name="input"/> written to standard input.</summary>
    public static async Task<Result> RunWithInputAsync(string workingDirectory, string? input, IReadOnlyDictionary<string, string>? environment, params string[] arguments)
    {
        using var process = Start(workingDirectory, environment, redirectInput: true, arguments);
        if (input is not null)
        {
            await process.StandardInput.WriteAsync(input);
        }

        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        await process.WaitForExitAsync(timeout.Token);
        return new Result(process.ExitCode, await output, await errors);
    }

    /// <summary>Starts the executable without waiting for it, its output redirected: for verbs that keep running, such as <c>start</c>.</summary>
    public static Process Start(string workingDirectory, IReadOnlyDictionary<string, string>? environment, bool redirectInput, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = redirectInput,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "pixhaven.dll"));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var key in start.Environment.Keys.Where(k => k.StartsWith("PIXHAVEN_", StringComparison.Ordinal)).ToList())
        {
            start.Environment.Remove(key);
        }

        start.Environment["COLUMNS"] = "250";
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        return Process.Start(start)!;
    }
}
