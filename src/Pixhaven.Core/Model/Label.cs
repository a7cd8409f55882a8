using System.Text;
using AnyAscii;

namespace Pixhaven.Core.Model;

/// <summary>A tag that photos carry, from keywords today and from classifiers later; unique by slug.</summary>
public sealed class Label
{
    public long Id { get; set; }

    /// <summary>Lower-case, diacritics-free key: "Zürich" and "zurich" are one label.</summary>
    public required string Slug { get; set; }

    public required string Name { get; set; }

    public List<PhotoLabel> Photos { get; set; } = [];

    /// <summary>The slug of a name: lower case, Latin diacritics folded ("Zürich" is "zurich"), single spaces.</summary>
    public static string SlugOf(string name)
    {
        // The build runs with invariant globalization, where string.Normalize cannot decompose accents; AnyAscii folds
        // them. Only letters that fold to one or two ASCII letters are folded, so other scripts keep their own text.
        var builder = new StringBuilder(name.Length);
        foreach (var rune in name.EnumerateRunes())
        {
            if (Rune.IsWhiteSpace(rune))
            {
                if (builder.Length > 0 && builder[^1] != ' ')
                {
                    builder.Append(' ');
                }

                continue;
            }

            if (rune.Value > 127 && Rune.IsLetter(rune) && rune.ToString().Transliterate() is { Length: 1 or 2 } folded && folded.All(char.IsAsciiLetter))
            {
                builder.Append(folded.ToLowerInvariant());
            }
            else
            {
                builder.Append(Rune.ToLowerInvariant(rune).ToString());
            }
        }

        return builder.ToString().TrimEnd();
    }
}
