using Pixhaven.Core.Indexing;

namespace Pixhaven.Core.Jobs;

/// <summary>
/// What the last import did, as the web app shows it: how many files it brought into the library, and each file it
/// left in the import folder with the reason (already in the library, not a photo, failed).
/// </summary>
/// <param name="LeftCount">All the files left; <paramref name="Left"/> lists the first of them.</param>
public sealed record ImportSummary(DateTime FinishedAt, int Found, int Imported, int Failed, int LeftCount, IReadOnlyList<ImportLeftFile> Left)
{
    private const int MaxListed = 200;

    public static ImportSummary From(ImportResult result, DateTime finishedAt)
    {
        var left = result.AlreadyInLibrary.Select(a => new ImportLeftFile(a.File, $"already in the library as {a.InLibrary}"))
            .Concat(result.Problems.Select(p => new ImportLeftFile(p.Path, p.Reason)))
            .ToList();
        return new ImportSummary(finishedAt, result.Found, result.Imported, result.Failed, left.Count, left.Take(MaxListed).ToList());
    }
}

/// <summary>A file an import left in the import folder, with its path there and why it stayed.</summary>
public sealed record ImportLeftFile(string Path, string Reason);
