using System.Globalization;
using System.Text;
using Pixhaven.Core.Media.Thumbnails;

namespace Pixhaven.Core.Search.Query;

/// <summary>
/// Reads the search language: free words and quoted phrases, <c>name:value</c> filters with <c>|</c> for OR, a
/// leading <c>-</c> for NOT, ranges like <c>iso:100-400</c>. Every value is typed here, so a bad query fails with
/// the position of the bad token before any database work. Hand-written: the grammar is a dozen lines and a
/// parser library would cost more in start-up and binary size than it saves.
/// </summary>
public static class SearchQueryParser
{
    public const int MaxLength = 2000;
    public const int MaxTerms = 64;

    public static SearchQuery Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return SearchQuery.Empty;
        }

        if (text.Length > MaxLength)
        {
            throw new SearchQueryException($"the query is longer than {MaxLength} characters", MaxLength);
        }

        var terms = new List<SearchTerm>();
        var i = 0;
        while (true)
        {
            while (i < text.Length && char.IsWhiteSpace(text[i]))
            {
                i++;
            }

            if (i >= text.Length)
            {
                break;
            }

            if (terms.Count == MaxTerms)
            {
                throw new SearchQueryException($"a query has at most {MaxTerms} terms", i);
            }

            terms.Add(ReadTerm(text, ref i));
        }

        return new SearchQuery(terms) { Text = text.Trim() };
    }

    private static SearchTerm ReadTerm(string text, ref int i)
    {
        var start = i;
        var negated = text[i] == '-';
        if (negated)
        {
            i++;
            if (i >= text.Length || char.IsWhiteSpace(text[i]))
            {
                throw new SearchQueryException("'-' must be followed by a word or a filter", start);
            }
        }

        var nameStart = i;
        while (i < text.Length && char.IsAsciiLetter(text[i]))
        {
            i++;
        }

        if (i > nameStart && i < text.Length && text[i] == ':')
        {
            var name = text[nameStart..i];
            var filter = SearchFilter.Find(name) ?? throw new SearchQueryException($"unknown filter '{name}:'", nameStart);
            i++;
            var values = new List<object>();
            do
            {
                if (values.Count > 0)
                {
                    i++; // the '|'
                }

                var valueStart = i;
                var (value, quoted) = ReadValue(text, ref i, stopAtBar: true);
                if (value.Length == 0)
                {
                    throw new SearchQueryException($"'{name}:' needs a value", valueStart);
                }

                values.Add(Typed(filter, name, value, quoted, valueStart));
            }
            while (i < text.Length && text[i] == '|');

            return new FilterTerm(filter, values, negated, start);
        }

        i = nameStart;
        var (word, _) = ReadValue(text, ref i, stopAtBar: false);
        if (word.Length == 0)
        {
            throw new SearchQueryException("empty phrase", nameStart);
        }

        return new TextTerm(word, negated, start);
    }

    private static (string Value, bool Quoted) ReadValue(string text, ref int i, bool stopAtBar)
    {
        if (i < text.Length && text[i] == '"')
        {
            var open = i++;
            var builder = new StringBuilder();
            while (i < text.Length && text[i] != '"')
            {
                if (text[i] == '\\' && i + 1 < text.Length)
                {
                    i++;
                }

                builder.Append(text[i++]);
            }

            if (i >= text.Length)
            {
                throw new SearchQueryException("a quote is not closed", open);
            }

            i++;
            return (builder.ToString().Trim(), true);
        }

        var start = i;
        while (i < text.Length && !char.IsWhiteSpace(text[i]) && !(stopAtBar && text[i] == '|'))
        {
            i++;
        }

        return (text[start..i], false);
    }

    private static object Typed(SearchFilter filter, string name, string value, bool quoted, int position)
    {
        return filter.Kind switch
        {
            FilterKind.Text when filter.Key == FilterKey.Color && !MainColor.Names.Contains(value.ToLowerInvariant()) =>
                throw new SearchQueryException($"'{name}:' takes one of {string.Join(", ", MainColor.Names)}, not '{value}'", position),
            FilterKind.Text => new TextValue(value, quoted),
            FilterKind.Bool => Bool(value) ?? throw new SearchQueryException($"'{name}:' takes true or false, not '{value}'", position),
            FilterKind.Number => Range(filter, name, value, position),
            FilterKind.Date => Date(name, value, position),
            FilterKind.MediaType => MediaTypes.Contains(value.ToLowerInvariant())
                ? value.ToLowerInvariant()
                : throw new SearchQueryException($"'{name}:' takes one of {string.Join(", ", MediaTypes)}, not '{value}'", position),
            FilterKind.Near => Near(name, value, position),
            FilterKind.Distance => Number(value) is { } km && km > 0 && km <= 20_000
                ? km
                : throw new SearchQueryException($"'{name}:' takes a distance in km between 0 and 20000, not '{value}'", position),
            _ => throw new InvalidOperationException(filter.Kind.ToString()),
        };
    }

    public static readonly IReadOnlyList<string> MediaTypes = ["image", "raw", "video", "live", "animated"];

    private static bool? Bool(string value) => value.ToLowerInvariant() switch
    {
        "true" or "yes" or "1" or "on" => true,
        "false" or "no" or "0" or "off" => false,
        _ => null,
    };

    private static double? Number(string value) =>
        double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var n) && double.IsFinite(n) ? n : null;

    private static NumberRange Range(SearchFilter filter, string name, string value, int position)
    {
        // The dash of a range is the first one after a digit, so a range like "1.4-2.8" splits where people expect.
        var dash = value.IndexOf('-', 1);
        var (low, high) = dash > 0 ? (Number(value[..dash]), Number(value[(dash + 1)..])) : (Number(value), Number(value));
        if (low is null || high is null)
        {
            throw new SearchQueryException($"'{name}:' takes a number or a range like 10-20, not '{value}'", position);
        }

        if (low > high)
        {
            throw new SearchQueryException($"'{name}:' range '{value}' runs backwards", position);
        }

        var (min, max) = filter.Key switch
        {
            FilterKey.Year => (1000, 9999),
            FilterKey.Month => (1, 12),
            FilterKey.Day => (1, 31),
            _ => (0, double.MaxValue),
        };
        if (low < min || high > max)
        {
            throw new SearchQueryException($"'{name}:' takes values from {min} to {max}, not '{value}'", position);
        }

        return new NumberRange(low.Value, high.Value);
    }

    private static DateOnly Date(string name, string value, int position)
    {
        string[] formats = ["yyyy-MM-dd", "yyyy-MM", "yyyy"];
        return DateOnly.TryParseExact(value, formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : throw new SearchQueryException($"'{name}:' takes a date like 2019, 2019-06 or 2019-06-30, not '{value}'", position);
    }

    private static NearValue Near(string name, string value, int position)
    {
        var comma = value.IndexOf(',', StringComparison.Ordinal);
        if (comma > 0)
        {
            if (Number(value[..comma]) is { } lat && Number(value[(comma + 1)..]) is { } lng && Math.Abs(lat) <= 90 && Math.Abs(lng) <= 180)
            {
                return new NearValue(lat, lng, null);
            }

            throw new SearchQueryException($"'{name}:' takes latitude,longitude in degrees or a photo uid, not '{value}'", position);
        }

        if (value.Length <= 32 && value.All(char.IsAsciiLetterOrDigit))
        {
            return new NearValue(null, null, value.ToLowerInvariant());
        }

        throw new SearchQueryException($"'{name}:' takes latitude,longitude in degrees or a photo uid, not '{value}'", position);
    }
}
