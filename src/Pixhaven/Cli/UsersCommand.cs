using System.CommandLine;
using Pixhaven.Core.Accounts;
using Pixhaven.Core.Model;
using Spectre.Console;

namespace Pixhaven.Cli;

/// <summary><c>pixhaven users add|list|passwd|remove|roles|app-password</c>: the accounts, on the catalog directly (the server may run).</summary>
public static class UsersCommand
{
    public static Command Create(GlobalOptions globalOptions)
    {
        var command = new Command("users", "Add, list, change and remove the users who can sign in");
        command.Subcommands.Add(Add(globalOptions));
        command.Subcommands.Add(List(globalOptions));
        command.Subcommands.Add(Passwd(globalOptions));
        command.Subcommands.Add(Remove(globalOptions));
        command.Subcommands.Add(Roles(globalOptions));
        command.Subcommands.Add(AppPassword(globalOptions));
        return command;
    }

    private static Command Add(GlobalOptions globalOptions)
    {
        var name = NameArgument();
        var role = RoleOption();
        var stdin = PasswordStdinOption();
        var command = new Command("add", "Add a user; asks for the password (or reads one line with --password-stdin)") { name, role, stdin };
        command.SetAction((result, token) => Run(globalOptions, result, async users =>
        {
            var password = ReadPassword(result.GetValue(stdin));
            var user = await users.AddAsync(result.GetValue(name)!, password, ParseRole(result.GetValue(role)!), token);
            AnsiConsole.Console.MarkupLineVisible($"Added [bold]{user.Name}[/] ({user.Role.ToString().ToLowerInvariant()})");
        }, token));
        return command;
    }

    private static Command List(GlobalOptions globalOptions)
    {
        var command = new Command("list", "List the users and their roles");
        command.SetAction((result, token) => Run(globalOptions, result, async users =>
        {
            var table = new Table().AddColumns("name", "role", "created (UTC)");
            foreach (var user in await users.ListAsync(token))
            {
                table.AddRow(VisibleMarkup.Cell(user.Name), user.Role.ToString().ToLowerInvariant(), user.CreatedAt.ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture));
            }

            AnsiConsole.Write(table);
        }, token));
        return command;
    }

    private static Command Passwd(GlobalOptions globalOptions)
    {
        var name = NameArgument();
        var stdin = PasswordStdinOption();
        var command = new Command("passwd", "Set a user's password; their sessions and app passwords end") { name, stdin };
        command.SetAction((result, token) => Run(globalOptions, result, async users =>
        {
            await users.SetPasswordAsync(result.GetValue(name)!, ReadPassword(result.GetValue(stdin)), token);
            AnsiConsole.Console.MarkupLineVisible($"Password of [bold]{result.GetValue(name)}[/] changed; their sessions ended");
        }, token));
        return command;
    }

    private static Command Remove(GlobalOptions globalOptions)
    {
        var name = NameArgument();
        var command = new Command("remove", "Remove a user and their sessions (not the last admin)") { name };
        command.SetAction((result, token) => Run(globalOptions, result, async users =>
        {
            await users.RemoveAsync(result.GetValue(name)!, token);
            AnsiConsole.Console.MarkupLineVisible($"Removed [bold]{result.GetValue(name)}[/]");
        }, token));
        return command;
    }

    private static Command Roles(GlobalOptions globalOptions)
    {
        var name = NameArgument();
        var role = new Argument<string>("role") { Description = "admin, user (browse, upload, organise) or viewer (browse, download)" };
        var command = new Command("roles", "Give a user another role") { name, role };
        command.SetAction((result, token) => Run(globalOptions, result, async users =>
        {
            var user = await users.SetRoleAsync(result.GetValue(name)!, ParseRole(result.GetValue(role)!), token);
            AnsiConsole.Console.MarkupLineVisible($"[bold]{user.Name}[/] is now {user.Role.ToString().ToLowerInvariant()}");
        }, token));
        return command;
    }

    private static Command AppPassword(GlobalOptions globalOptions)
    {
        var name = NameArgument();
        var label = new Argument<string>("label") { Description = "What the password is for, e.g. \"phone sync\"" };
        var scopes = new Option<string[]>("--scope") { Description = "all, read or webdav; repeat for more", DefaultValueFactory = _ => [TokenScopes.All], AllowMultipleArgumentsPerToken = true };
        var command = new Command("app-password", "Make a token for a client or script (bearer, or basic with any user name); printed once") { name, label, scopes };
        command.SetAction((result, token) => Run(globalOptions, result, async _ =>
        {
            await using var services = await CliHost.CreateAsync(globalOptions.Load(result), LogLevel.Warning, token);
            var (secret, _) = await services.GetRequiredService<SessionService>()
                .CreateAppPasswordAsync(result.GetValue(name)!, result.GetValue(label)!, result.GetValue(scopes) ?? [], token);
            AnsiConsole.Profile.Out.Writer.WriteLine(secret);
        }, token));
        return command;
    }

    private static Task<int> Run(GlobalOptions globalOptions, ParseResult result, Func<UserService, Task> action, CancellationToken token) =>
        PixhavenCli.Guard(async () =>
        {
            try
            {
                await using var services = await CliHost.CreateAsync(globalOptions.Load(result), LogLevel.Warning, token);
                await action(services.GetRequiredService<UserService>());
                return 0;
            }
            catch (AccountException e)
            {
                AnsiConsole.Console.MarkupLineVisible($"[red]{e.Message}[/]");
                return 2;
            }
        });

    private static string ReadPassword(bool fromStandardInput)
    {
        // The ban on Console is about output; a password is input and has no other way in.
#pragma warning disable RS0030
        if (fromStandardInput)
        {
            return Console.In.ReadLine() ?? throw new AccountException("no password on standard input");
        }

        if (Console.IsInputRedirected || !AnsiConsole.Profile.Capabilities.Interactive)
#pragma warning restore RS0030
        {
            throw new AccountException("no terminal to ask for a password: pass it on standard input with --password-stdin");
        }

        var password = AnsiConsole.Prompt(new TextPrompt<string>("Password:").Secret());
        var again = AnsiConsole.Prompt(new TextPrompt<string>("Again:").Secret());
        return password == again ? password : throw new AccountException("the two passwords differ");
    }

    private static UserRole ParseRole(string role) =>
        Enum.TryParse<UserRole>(role, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) && !int.TryParse(role, out _)
            ? parsed
            : throw new AccountException($"'{role}' is not a role: admin, user or viewer");

    private static Argument<string> NameArgument() => new("name") { Description = "The user's sign-in name" };

    private static Option<string> RoleOption() =>
        new("--role") { Description = "admin, user (browse, upload, organise) or viewer (browse, download)", DefaultValueFactory = _ => "user" };

    private static Option<bool> PasswordStdinOption() =>
        new("--password-stdin") { Description = "Read the password from the first line of standard input" };
}
