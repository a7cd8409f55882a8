using System.CommandLine;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Pixhaven.Core.Search;
using Pixhaven.Core.Search.Query;
using Pixhaven.Hosting;
using Spectre.Console;

namespace Pixhaven.Cli;

/// <summary><c>pixhaven search</c>: the API's search on the command line, as a table or JSON.</summary>
public static class SearchCommand
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public static Command Create(GlobalOptions globalOptions)
    {
        var query = new Argument<string[]>("query") { Arity = ArgumentArity.ZeroOrMore, Description = "Words and filters, e.g. label:cat year:2019 country:de" };
        var json = new Option<bool>("--json") { Description = "Print the page as JSON, as the API returns it" };
        var order = new Option<string>("--order") { Description = "newest, oldest, added, edited, name, size, random or relevance", DefaultValueFactory = _ => "newest" };
        var count = new Option<int>("--count", "-n") { Description = "How many photos to list (at most 1000)", DefaultValueFactory = _ => 100 };
        var command = new Command("search", "Search the catalog with the filter language and list the photos found");
        command.Arguments.Add(query);
        command.Options.Add(json);
        command.Options.Add(order);
        command.Options.Add(count);
        command.SetAction((result, token) => PixhavenCli.Guard(async () =>
        {
            var text = string.Join(' ', result.GetValue(query) ?? []);
            var console = AnsiConsole.Console;
            SearchQuery parsed;
            try
            {
                parsed = SearchQueryParser.Parse(text);
            }
            catch (SearchQueryException e)
            {
                console.MarkupLineVisible($"[red]Invalid search:[/] {e.Message}");
                console.WriteLine("  " + TerminalText.Visible(text));
                console.WriteLine("  " + new string(' ', Math.Min(e.Position, text.Length)) + "^");
                return 2;
            }

            if (SearchRequest.ParseOrder(result.GetValue(order)) is not { } sort || result.GetValue(count) is < 1 or > PhotoSearch.MaxCount)
            {
                console.MarkupLine("[red]Invalid option:[/] --order takes a sort order name and --count a number from 1 to 1000");
                return 2;
            }

            var loaded = globalOptions.Load(result);
            await using var services = await CliHost.CreateAsync(loaded, LogLevel.Warning, token);
            var page = await services.GetRequiredService<PhotoSearch>().SearchAsync(new SearchRequest(parsed, sort, result.GetValue(count)), token);
            if (result.GetValue(json))
            {
                console.Profile.Out.Writer.WriteLine(JsonSerializer.Serialize(page, Json));
                return 0;
            }

            var table = new Table().AddColumns("uid", "type", "taken", "title");
            foreach (var photo in page.Photos)
            {
                table.AddRow(photo.Uid, photo.Type.ToString().ToLowerInvariant(),
                    photo.TakenAt.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture), VisibleMarkup.Cell(photo.Title));
            }

            console.Write(table);
            console.MarkupLineVisible($"{page.Photos.Count} photos{(page.Next is null ? "" : " (more with --count)")}");
            return 0;
        }));
        return command;
    }
}
