namespace Pixhaven.Core.Catalog;

/// <summary>A photo matched by full-text search and its rank (lower is better).</summary>
public sealed class FullTextHit
{
    public long Id { get; set; }
    public double Rank { get; set; }
}
