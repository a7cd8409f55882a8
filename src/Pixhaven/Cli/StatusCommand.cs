using System.CommandLine;
using Spectre.Console;

namespace Pixhaven.Cli;

/// <summary><c>pixhaven status</c>: asks the running server for its status; exit code 0 when it answers (for health checks).</summary>
public static class StatusCommand
{
    public static Command Create(GlobalOptions globalOptions)
    {
        var command = new Command("status", "Query the running server's /api/v1/status; exits 1 when it does not answer");
        command.SetAction((result, token) => PixhavenCli.Guard(async () =>
        {
            var options = globalOptions.Load(result).Values;
            var host = options.HttpHost is "0.0.0.0" or "::" or "*" or "+" ? "127.0.0.1" : options.HttpHost;
            using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
            try
            {
                var body = await client.GetStringAsync(new Uri($"http://{(host.Contains(':', StringComparison.Ordinal) ? $"[{host}]" : host)}:{options.HttpPort}/api/v1/status"), token);
                AnsiConsole.Profile.Out.Writer.WriteLine(body);
                return 0;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                AnsiConsole.Console.MarkupLineInterpolated($"[red]Server not reachable:[/] {e.Message}");
                return 1;
            }
        }));
        return command;
    }
}
