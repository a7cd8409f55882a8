using System.CommandLine;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using Pixhaven.Core.Media;
using Pixhaven.Core.Media.Metadata;
using Pixhaven.Core.Media.Video;
using Spectre.Console;

namespace Pixhaven.Cli;

/// <summary><c>pixhaven meta</c>: what Pixhaven reads from files, without any catalog. The JSON form is a contract.</summary>
public static class MetaCommand
{
    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static Command Create()
    {
        var json = new Option<bool>("--json") { Description = "Print a JSON array with one object per file" };
        var files = new Argument<string[]>("files") { Arity = ArgumentArity.OneOrMore, Description = "Files to read" };
        var command = new Command("meta", "Show the type and metadata Pixhaven reads from files");
        command.Options.Add(json);
        command.Arguments.Add(files);
        command.SetAction(async (result, token) =>
        {
            VipsRuntime.Configure();
            // Built by hand rather than from the composition root, which would create the storage folder:
            // meta must not touch any catalog.
            var inspector = new MediaInspector(new EmbeddedMetadataReader(), new FfprobeReader());
            var records = new List<MetaRecord>();
            foreach (var file in result.GetValue(files)!)
            {
                records.Add(MetaRecord.From(file, await inspector.InspectAsync(file, token)));
            }

            var writer = AnsiConsole.Profile.Out.Writer;
            if (result.GetValue(json))
            {
                writer.WriteLine(JsonSerializer.Serialize(records, Json));
            }
            else
            {
                foreach (var record in records)
                {
                    PrintText(record);
                }
            }

            return records.Exists(r => r.Error is not null) ? 1 : 0;
        });
        return command;
    }

    private static void PrintText(MetaRecord record)
    {
        var table = new Table().HideHeaders().AddColumns("", "").Title(VisibleMarkup.Cell(record.File));
        foreach (var property in typeof(MetaRecord).GetProperties().Skip(1))
        {
            var value = property.GetValue(record) switch
            {
                null => null,
                IEnumerable<string> list => string.Join(", ", list),
                IEnumerable<MetaFace> faces => string.Join(", ", faces.Select(Describe)),
                IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
                var other => other.ToString(),
            };
            if (!string.IsNullOrEmpty(value))
            {
                table.AddRow(Markup.Escape(property.Name), VisibleMarkup.Cell(value));
            }
        }

        AnsiConsole.Console.Write(table);
    }

    /// <summary>"Anna at 46%, 28% (22% x 28%)": who, and where in the picture, as fractions of its sides.</summary>
    private static string Describe(MetaFace face) => string.Create(CultureInfo.InvariantCulture,
        $"{face.Name ?? "a face without a name"} at {face.X * 100:0}%, {face.Y * 100:0}% ({face.Width * 100:0}% x {face.Height * 100:0}%)");
}
