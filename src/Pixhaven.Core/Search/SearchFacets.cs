namespace Pixhaven.Core.Search;

/// <summary>The number of matches and counts per value of the main filters, for filter menus.</summary>
public sealed record SearchFacets(
    int Total,
    IReadOnlyList<FacetCount> Years,
    IReadOnlyList<FacetCount> Countries,
    IReadOnlyList<FacetCount> Cameras,
    IReadOnlyList<FacetCount> Labels,
    IReadOnlyList<FacetCount> Albums);

/// <summary>One facet value: what to put into the query, a display name when it differs, and the count.</summary>
public sealed record FacetCount(string Value, string? Name, int Count);
