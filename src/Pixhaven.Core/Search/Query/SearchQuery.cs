namespace Pixhaven.Core.Search.Query;

/// <summary>A parsed search: every term must hold (AND); values inside one filter are alternatives (OR).</summary>
public sealed record SearchQuery(IReadOnlyList<SearchTerm> Terms)
{
    public static readonly SearchQuery Empty = new([]);

    /// <summary>The text the query was parsed from, trimmed; a key for cached results.</summary>
    public string Text { get; init; } = "";

    public IEnumerable<FilterTerm> Filters(FilterKey key) => Terms.OfType<FilterTerm>().Where(t => t.Filter.Key == key);

    public bool Has(FilterKey key) => Filters(key).Any();

    public IEnumerable<TextTerm> Texts => Terms.OfType<TextTerm>();
}

/// <summary>One part of a query, at a character position of the original text (for error messages).</summary>
public abstract record SearchTerm(bool Negated, int Position);

/// <summary>Free text: a word or a quoted phrase, matched through full-text search.</summary>
public sealed record TextTerm(string Text, bool Negated, int Position) : SearchTerm(Negated, Position);

/// <summary>A <c>name:value|value</c> filter with its typed values.</summary>
public sealed record FilterTerm(SearchFilter Filter, IReadOnlyList<object> Values, bool Negated, int Position) : SearchTerm(Negated, Position);

/// <summary>An inclusive numeric range; a single number is a range of one.</summary>
public sealed record NumberRange(double Min, double Max);

/// <summary>A position given to <c>near:</c>, or the uid of a photo whose position is meant.</summary>
public sealed record NearValue(double? Latitude, double? Longitude, string? PhotoUid);

/// <summary>A text value; <c>*</c> is a wildcard, and an exact match is asked for when the value was quoted.</summary>
public sealed record TextValue(string Text, bool Quoted);

/// <summary>A search cannot be understood; <see cref="Position"/> points at the bad token.</summary>
public sealed class SearchQueryException(string message, int position) : Exception(message)
{
    public int Position { get; } = position;
}
