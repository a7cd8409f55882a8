namespace Pixhaven.Core.Indexing;

/// <summary>The summary of one import run.</summary>
public sealed record ImportResult
{
    public int Found { get; init; }
    public int Imported { get; init; }

    /// <summary>Files whose content is already in the library, each with a path there that has it; left in the import folder.</summary>
    public IReadOnlyList<(string File, string InLibrary)> AlreadyInLibrary { get; init; } = [];

    public int Failed { get; init; }
    public IReadOnlyList<IndexProblem> Problems { get; init; } = [];

    /// <summary>Where each imported file went, relative to originals.</summary>
    public IReadOnlyList<(string From, string To)> Moves { get; init; } = [];

    public IndexResult? Index { get; init; }

    /// <summary>The albums of a Google Takeout export, made or found by title, and how many photos each gained.</summary>
    public IReadOnlyList<(string Title, int Added)> Albums { get; init; } = [];
}
