using System.CommandLine;
using Pixhaven.Hosting;
using Spectre.Console;

namespace Pixhaven.Cli;

/// <summary><c>pixhaven version</c>: prints the build's version string.</summary>
public static class VersionCommand
{
    public static Command Create()
    {
        var command = new Command("version", "Print the version string (YYMMDD-commit-OS-arch)");
        command.SetAction(_ => AnsiConsole.Profile.Out.Writer.WriteLine(BuildVersion.Value));
        return command;
    }
}
