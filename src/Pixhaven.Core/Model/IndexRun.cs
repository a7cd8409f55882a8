namespace Pixhaven.Core.Model;

/// <summary>The record of one index pass, kept so the API and the CLI can show what happened last.</summary>
public sealed class IndexRun
{
    public long Id { get; set; }
    public DateTime StartedAt { get; set; }
    public DateTime? FinishedAt { get; set; }
    public int Found { get; set; }
    public int Indexed { get; set; }
    public int Unchanged { get; set; }
    public int Moved { get; set; }
    public int Missing { get; set; }
    public int Skipped { get; set; }
    public int Failed { get; set; }
}
