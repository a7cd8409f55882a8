using Pixhaven.Core.Search.Query;

namespace Pixhaven.Core.Search;

/// <summary>What to search, in which order, how many, and from where (the cursor of the previous page).</summary>
public sealed record SearchRequest(SearchQuery Query, PhotoOrder Order = PhotoOrder.Newest, int Count = 100, string? After = null, int Seed = 0)
{
    /// <summary>Reads an order by name ("newest", "oldest", ...), case-insensitively.</summary>
    public static PhotoOrder? ParseOrder(string? name) =>
        string.IsNullOrEmpty(name) ? PhotoOrder.Newest
        : Enum.TryParse<PhotoOrder>(name, ignoreCase: true, out var order) && Enum.IsDefined(order) && order != PhotoOrder.Album && !char.IsDigit(name[0]) ? order
        : null;
}
