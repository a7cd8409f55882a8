using Pixhaven.Core.Indexing;
using Spectre.Console;

namespace Pixhaven.Cli;

/// <summary>The progress of an index or import run on the terminal: a redrawn bar, or a line every few seconds without one.</summary>
internal static class CliProgress
{
    public static async Task<T> RunAsync<T>(IAnsiConsole console, Func<IProgress<IndexProgress>, Task<T>> run)
    {
        if (!console.Profile.Capabilities.Interactive)
        {
            // No terminal (CI, logs): a line as each phase starts, then one every few seconds, instead of a redrawn bar.
            var lastLine = DateTime.UtcNow;
            string? phase = null;
            return await run(new SynchronousProgress<IndexProgress>(p =>
            {
                if (p.Phase is "indexing" or "importing" && (p.Phase != phase || DateTime.UtcNow - lastLine > TimeSpan.FromSeconds(5)))
                {
                    (phase, lastLine) = (p.Phase, DateTime.UtcNow);
                    console.WriteLine($"  {Describe(p)}");
                }
            }));
        }

        T? outcome = default;
        await console.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn(), new SpinnerColumn())
            .StartAsync(async context =>
            {
                var task = context.AddTask("Scanning", maxValue: 1);
                IndexProgress? last = null;
                outcome = await run(new SynchronousProgress<IndexProgress>(p =>
                {
                    // An import goes on to index what it brought in: the same bar starts again for that phase.
                    last = p;
                    task.MaxValue = Math.Max(1, p.Total);
                    task.Value = p.Done;
                    task.Description = Markup.Escape(Describe(p));
                }));
                // A file is reported as it starts, so the last report is one short of the whole.
                if (last is not null)
                {
                    task.Description = Markup.Escape(Describe(last with { Done = last.Total }));
                }

                task.Value = task.MaxValue;
                // Drawn now: the display ends with its last frame, which would else show a moment before the end.
                context.Refresh();
            });
        return outcome!;
    }

    private static string Describe(IndexProgress progress) => progress.Phase switch
    {
        "indexing" => $"Indexing {progress.Done}/{progress.Total}",
        "importing" => $"Importing {progress.Done}/{progress.Total}",
        "" => "",
        var phase => char.ToUpperInvariant(phase[0]) + phase[1..],
    };
}
