using System.CommandLine;
using Pixhaven.Hosting;

namespace Pixhaven.Cli;

/// <summary><c>pixhaven start</c>: runs the web server on the catalog, indexing in the background when configured.</summary>
public static class StartCommand
{
    public static Command Create(GlobalOptions globalOptions)
    {
        var command = new Command("start", "Run the web server (the default verb)");
        command.SetAction((result, token) => RunAsync(globalOptions, result, token));
        return command;
    }

    public static Task<int> RunAsync(GlobalOptions globalOptions, ParseResult result, CancellationToken token) => PixhavenCli.Guard(async () =>
    {
        var loaded = globalOptions.Load(result);
        Directory.CreateDirectory(loaded.Values.OriginalsFullPath);
        await using var app = PixhavenServer.Build(loaded, token);
        await app.StartAsync(token);
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Pixhaven");
        logger.LogInformation("Pixhaven {Version} listening on {Urls}; originals {Originals}, storage {Storage}",
            BuildVersion.Value, string.Join(", ", app.Urls), loaded.Values.OriginalsFullPath, loaded.Values.StorageFullPath);
        await app.WaitForShutdownAsync(token);
        return 0;
    });
}
