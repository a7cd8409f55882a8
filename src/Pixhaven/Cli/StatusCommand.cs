using System.CommandLine;
using System.Text.Json;
using Pixhaven.Core.Media.Previews;
using Pixhaven.Hosting;
using Spectre.Console;

namespace Pixhaven.Cli;

/// <summary>
/// <c>pixhaven status</c>: asks the running server for its status, and lists the converters this machine has; exit code
/// 0 when the server answers (for health checks).
/// </summary>
public static class StatusCommand
{
    public static Command Create(GlobalOptions globalOptions)
    {
        var command = new Command("status", "Query the running server's /api/v1/status and list the converters found here; exits 1 when the server does not answer");
        var json = new Option<bool>("--json") { Description = "Print the server's answer as JSON, as it came" };
        command.Options.Add(json);
        command.SetAction((result, token) => PixhavenCli.Guard(async () =>
        {
            var loaded = globalOptions.Load(result);
            var options = loaded.Values;
            var host = options.HttpHost is "0.0.0.0" or "::" or "*" or "+" ? "127.0.0.1" : options.HttpHost;
            var url = new Uri($"http://{(host.Contains(':', StringComparison.Ordinal) ? $"[{host}]" : host)}:{options.HttpPort}/api/v1/status");
            using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
            string? body = null;
            try
            {
                body = await client.GetStringAsync(url, token);
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                AnsiConsole.Console.MarkupLineVisible($"[red]Server not reachable at {url.GetLeftPart(UriPartial.Authority)}:[/] {e.Message}");
            }

            if (result.GetValue(json))
            {
                if (body is not null)
                {
                    AnsiConsole.Profile.Out.Writer.WriteLine(body);
                }

                return body is null ? 1 : 0;
            }

            if (body is not null)
            {
                using var answer = JsonDocument.Parse(body);
                var version = answer.RootElement.TryGetProperty("version", out var v) ? v.GetString() : "?";
                AnsiConsole.Console.MarkupLineVisible($"Server at {url.GetLeftPart(UriPartial.Authority)} answers: Pixhaven {version}");
            }

            ListConverters(loaded);
            return body is null ? 1 : 0;
        }));
        return command;
    }

    /// <summary>
    /// The converters of this machine, which is the server's as well in a container (<c>docker exec … pixhaven status</c>)
    /// or a single install; the status API tells them only to a signed-in user.
    /// </summary>
    private static void ListConverters(Core.Options.LoadedOptions loaded)
    {
        var services = new ServiceCollection().AddLogging().AddPixhaven(loaded).BuildServiceProvider();
        using (services)
        {
            AnsiConsole.Console.MarkupLine("Converters on this machine:");
            var table = new Table().HideHeaders().NoBorder().AddColumns("", "", "");
            foreach (var converter in services.GetRequiredService<ConverterInventory>().All)
            {
                table.AddRow(new Markup(converter.Found ? "[green]found[/]" : "[yellow]not used[/]"), new Text(converter.Name),
                    new Text(converter.Found ? converter.UsedFor : $"{converter.WhenMissing}; used for {converter.UsedFor}"));
            }

            AnsiConsole.Console.Write(table);
        }
    }
}
