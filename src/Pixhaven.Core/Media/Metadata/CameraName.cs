using System.Text.RegularExpressions;

namespace Pixhaven.Core.Media.Metadata;

/// <summary>
/// A camera's name as people say it, from the maker and model a file holds: "NIKON CORPORATION" and "NIKON D90" are
/// the "Nikon D90", "Canon" and "Canon EOS 7D" the "Canon EOS 7D", "EASTMAN KODAK COMPANY" and
/// "KODAK DX4330 DIGITAL CAMERA" the "Kodak DX4330". For display only: the catalog keeps what the file says, which
/// search and the sidecars use.
/// </summary>
public static partial class CameraName
{
    // Makers whose name in files is not the brand's name, even without the company's legal words.
    private static readonly Dictionary<string, string> Brands = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Eastman Kodak"] = "Kodak",
        ["Hewlett-Packard"] = "HP",
        ["HP"] = "HP",
        ["LGE"] = "LG",
        ["LG Electronics"] = "LG",
        ["Asahi Optical"] = "Pentax",
        ["Fuji Photo Film"] = "Fujifilm",
        ["Fuji"] = "Fujifilm",
        ["Seiko Epson"] = "Epson",
        ["Konica Minolta Camera"] = "Konica Minolta",
        ["OM Digital Solutions"] = "OM System",
        ["Research In Motion"] = "BlackBerry",
        ["Samsung Techwin"] = "Samsung",
        ["Sony Ericsson"] = "Sony Ericsson",
        ["Sony Ericsson Mobile Communications"] = "Sony Ericsson",
        ["Samsung Electronics"] = "Samsung",
        ["OnePlus"] = "OnePlus",
        ["GoPro"] = "GoPro",
        ["DJI"] = "DJI",
        ["HTC"] = "HTC",
        ["ZTE"] = "ZTE",
        ["TCL"] = "TCL",
        ["Hmd Global"] = "Nokia",
        ["Leica Camera"] = "Leica",
        ["Ricoh Imaging"] = "Ricoh",
        ["Olympus Imaging"] = "Olympus",
        ["Olympus Optical"] = "Olympus",
        ["Casio Computer"] = "Casio",
        ["Sanyo Electric"] = "Sanyo",
        ["Motorola Mobility"] = "Motorola",
        ["FLIR Systems"] = "FLIR",
        ["vivo"] = "vivo",
    };

    // A company's legal words after its name: "CORPORATION", "CO.,LTD.", "Company, Ltd.", "AG", "Inc.".
    [GeneratedRegex(@"(?:[\s,]+(?:corporation|corp\.?|company|co\.?|ltd\.?|limited|inc\.?|ag|ab|gmbh|s\.a\.|a/s|plc|llc))+[\s.,]*$", RegexOptions.IgnoreCase)]
    private static partial Regex LegalSuffix();

    // What camera models add that says nothing: "KODAK DC280 ZOOM DIGITAL CAMERA", "Konica Digital Camera Q-M100".
    [GeneratedRegex(@"\bdigital\s+(?:still\s+)?camera\b", RegexOptions.IgnoreCase)]
    private static partial Regex CameraWords();

    /// <summary>"Nikon D90" for "NIKON CORPORATION" and "NIKON D90"; null when the file names neither.</summary>
    public static string? For(string? make, string? model)
    {
        var brand = Brand(make);
        var rest = Collapse(CameraWords().Replace(model ?? "", " "));
        if (brand is not null && StartsWithWord(rest, brand))
        {
            rest = rest[brand.Length..].TrimStart(); // "NIKON D90" of "NIKON CORPORATION"
        }
        else if (make is not null && StartsWithWord(rest, FirstWord(make)))
        {
            rest = rest[FirstWord(make).Length..].TrimStart(); // the maker's own first word: "FUJI …" of "FUJI PHOTO FILM CO., LTD."
        }
        else if (FirstWord(rest) is { Length: > 0 } first && KnownBrandWords.Contains(first))
        {
            (brand, rest) = (Brand(first), rest[first.Length..].TrimStart()); // "PENTAX K-1" of "RICOH IMAGING COMPANY, LTD."
        }

        return rest.Length == 0 ? brand : brand is null ? rest : brand + " " + rest;
    }

    /// <summary>A maker's brand: "NIKON CORPORATION" is "Nikon", "EASTMAN KODAK COMPANY" is "Kodak", "motorola" is "Motorola".</summary>
    public static string? Brand(string? make)
    {
        if (string.IsNullOrWhiteSpace(make))
        {
            return null;
        }

        var name = Collapse(LegalSuffix().Replace(make, ""));
        if (name.Length == 0)
        {
            name = Collapse(make);
        }

        if (Brands.TryGetValue(name, out var brand))
        {
            return brand;
        }

        // Capitals (or small letters) throughout are how files write a name, not how the brand writes it; three letters
        // or fewer are initials ("HTC", "LG", "DJI").
        return string.Join(' ', name.Split(' ').Select(word =>
            word.Length > 3 && (word.All(c => !char.IsLetter(c) || char.IsUpper(c)) || word.All(c => !char.IsLetter(c) || char.IsLower(c)))
                ? char.ToUpperInvariant(word[0]) + word[1..].ToLowerInvariant()
                : word));
    }

    // Brands that begin models of another maker's files (RICOH IMAGING's "PENTAX K-1"), or of files with no maker.
    private static readonly HashSet<string> KnownBrandWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "Pentax", "Leica", "Hasselblad", "Olympus", "Minolta", "Konica", "Kodak", "Nikon", "Canon", "Sony", "Panasonic",
        "Samsung", "Fujifilm", "Sigma", "Ricoh", "Casio", "Sanyo", "Epson", "Polaroid", "Vivitar", "Zeiss",
    };

    private static bool StartsWithWord(string text, string word) =>
        word.Length > 0 && text.StartsWith(word, StringComparison.OrdinalIgnoreCase)
        && (text.Length == word.Length || !char.IsLetterOrDigit(text[word.Length]));

    private static string FirstWord(string text) => text.Trim().Split(' ', 2)[0];

    private static string Collapse(string text) => string.Join(' ', text.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
