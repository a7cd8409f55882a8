using Pixhaven.Core.Model;

namespace Pixhaven.Core.Indexing;

/// <summary>The summary of one index run.</summary>
public sealed record IndexResult
{
    public int Found { get; init; }
    public int Indexed { get; init; }

    /// <summary>Files unchanged since an older version of Pixhaven read them, read again by the current one (in the other counts too).</summary>
    public int ReadAgain { get; init; }
    public int Unchanged { get; init; }
    public int Moved { get; init; }
    public int Duplicates { get; init; }
    public int Missing { get; init; }
    public int Skipped { get; init; }
    public int Failed { get; init; }

    /// <summary>Photos whose position a GPS track gave, moved or took away in this run.</summary>
    public int PlacedByTracks { get; init; }

    /// <summary>Albums of a Google Takeout export indexed where it lies, made or filled in this run, with the photos each gained.</summary>
    public IReadOnlyList<(string Title, int Added)> Albums { get; init; } = [];

    /// <summary>Files that are skipped, failed or only partly indexed now (from this or earlier runs), with reasons.</summary>
    public IReadOnlyList<IndexProblem> Problems { get; init; } = [];

    /// <summary>When the run began: a problem whose file was read before it is left over from an earlier run.</summary>
    public DateTime StartedAt { get; init; }

    public TimeSpan Duration { get; init; }
}

/// <summary>A file that could not be fully indexed, and why.</summary>
public sealed record IndexProblem(string Path, FileStatus Status, string Reason)
{
    /// <summary>When the catalog last read the file (UTC); unset for a file an import left in the import folder.</summary>
    public DateTime? ReadAt { get; init; }
}
