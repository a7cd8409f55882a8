using System.Text.RegularExpressions;
using Pixhaven.Core.Scanning;

namespace Pixhaven.Core.Indexing;

/// <summary>
/// The key that groups the files of one photo: the folder plus the base name, without extensions and without the
/// markers editors add. "IMG_1.CR2", "IMG_1.jpg", "IMG_1.xmp", "IMG_1.jpg.xmp", "IMG_1 (edited).jpg" and Apple's
/// "IMG_E1.JPG" all share "folder/img_1"; so do a GoPro's "GX010042.MP4", its "GX010042.THM" and its proxy
/// "GL010042.LRV"; a Pixel's "PXL_1.RAW-01.COVER.jpg" and "PXL_1.RAW-02.ORIGINAL.dng"; and Google Takeout's "IMG_1.jpg.json" and "IMG_1.jpg.supplemental-metadata.json". Names that differ in any other way stay apart: "IMG_1 (1).jpg" is a different photo more often
/// than not.
/// </summary>
public static partial class StackKey
{
    // "-edited" as Google Photos writes it in the account's language (German, French, Spanish and Portuguese, Italian,
    // Dutch, Swedish, Norwegian, Danish, Finnish, Polish, Czech); "é" also decomposed, as macOS may store it.
    [GeneratedRegex(@"(?:[ _\-]\(?edited\)?|[ _\-](?:bearbeitet|modifi(?:é|e\u0301)|editado|modificato|bewerkt|redigerad|redigert|redigeret|muokattu|edytowane|upraveno))$", RegexOptions.IgnoreCase)]
    private static partial Regex EditSuffix();

    [GeneratedRegex(@"^IMG_E(\d{4,})$", RegexOptions.IgnoreCase)]
    private static partial Regex AppleEdited();

    // Google's Pixel camera: "PXL_20250120_221128230.RAW-01.COVER.jpg" (or ".RAW-01.MP.COVER.jpg", a motion photo) beside
    // ".RAW-02.ORIGINAL.dng"; a portrait, "….PORTRAIT.jpg", beside the picture without its blur, "….PORTRAIT.ORIGINAL.jpg".
    [GeneratedRegex(@"\.(?:RAW-\d\d(?:\.MP)?\.(?:COVER|ORIGINAL)|PORTRAIT(?<original>\.ORIGINAL)?)$", RegexOptions.IgnoreCase)]
    private static partial Regex PixelMarker();

    [GeneratedRegex(@"M\d\d\.xml$", RegexOptions.IgnoreCase)]
    private static partial Regex SonyClipSuffix();

    // GoPro HERO6 and later: G, then H (H.264), X (HEVC) or L (the low-resolution proxy), chapter and clip number.
    [GeneratedRegex(@"^(G)[HXL](\d{6})$", RegexOptions.IgnoreCase)]
    private static partial Regex GoProClip();

    /// <summary>A scanned file's key: the stack it was found to join, else the one its name gives.</summary>
    public static (string Key, bool Edited) For(ScannedFile file) => file.JoinsStack is { } key ? (key, false) : For(file.RelativePath);

    public static (string Key, bool Edited) For(string relativePath)
    {
        var folder = Path.GetDirectoryName(relativePath)?.Replace('\\', '/') ?? "";
        var (stem, edited) = Stem(Path.GetFileName(relativePath));
        return ((folder.Length > 0 ? folder + "/" : "") + stem.ToLowerInvariant(), edited);
    }

    /// <summary>The base name a file shares with the rest of its stack, in its own case: "IMG_1 (edited).jpg" gives "IMG_1".</summary>
    public static (string Stem, bool Edited) Stem(string name)
    {
        var (stem, edited, _) = Split(name);
        return (stem, edited);
    }

    /// <summary>
    /// The shared base name, whether the name marks an edit, and what follows the file's own base name: ".jpg.xmp"
    /// for "IMG_1.jpg.xmp", ".JPG" for Apple's edited "IMG_E1.JPG", ".LRV" for GoPro's "GL010042.LRV".
    /// </summary>
    public static (string Stem, bool Edited, string Tail) Split(string name)
    {
        // Strip every extension of a sidecar ("IMG_1.jpg.xmp"), one of anything else ("my.photo.jpg" keeps "my.photo").
        var stem = Path.GetFileNameWithoutExtension(name);
        string? rest = null;
        if (name.EndsWith(".xmp", StringComparison.OrdinalIgnoreCase) && Path.HasExtension(stem) && Path.GetExtension(stem).Length <= 5)
        {
            stem = Path.GetFileNameWithoutExtension(stem);
        }
        else if (SonyClipSuffix().Match(name) is { Success: true } sony)
        {
            stem = name[..sony.Index]; // Sony's clip metadata: "C0001M01.XML" belongs to "C0001.MP4"
        }
        else if (name.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
        {
            (stem, rest) = TakeoutStem(name);
        }

        rest ??= name[stem.Length..];
        var edited = false;
        if (PixelMarker().Match(stem) is { Success: true } pixel)
        {
            // The portrait is the picture as the camera meant it, shown before the one without its blur.
            stem = stem[..pixel.Index];
            edited = pixel.Value.StartsWith(".PORTRAIT", StringComparison.OrdinalIgnoreCase) && !pixel.Groups["original"].Success;
        }
        else if (EditSuffix().Match(stem) is { Success: true } suffix)
        {
            stem = stem[..suffix.Index];
            edited = true;
        }
        else if (AppleEdited().Match(stem) is { Success: true } apple)
        {
            stem = "IMG_" + apple.Groups[1].Value;
            edited = true;
        }

        if (GoProClip().Match(stem) is { Success: true } goPro)
        {
            // The letter says how the clip is coded, not which clip it is: "GH010042" and "GL010042" share "G010042".
            stem = goPro.Groups[1].Value + goPro.Groups[2].Value;
        }

        return (stem, edited, rest);
    }

    /// <summary>
    /// The stem of Google Takeout's JSON and what follows it. "IMG_1.jpg.json" and, since 2024,
    /// "IMG_1.jpg.supplemental-metadata.json" (cut short where the name reaches 51 characters, down to "….jpg.s.json"
    /// or "….jpg..json") belong to "IMG_1.jpg"; the second copy of a name, "IMG_1(1).jpg", has its number after the
    /// extension, "IMG_1.jpg(1).json", and the tail leaves the number out, as the photo's own does.
    /// </summary>
    private static (string Stem, string Tail) TakeoutStem(string name)
    {
        var body = name[..^".json".Length];
        var supplemental = body.LastIndexOf('.');
        if (supplemental > 0 && ".supplemental-metadata".StartsWith(body[supplemental..], StringComparison.OrdinalIgnoreCase))
        {
            body = body[..supplemental];
        }

        if (TakeoutPhotoName().Match(body) is not { Success: true } photo)
        {
            return (body, name[body.Length..]);
        }

        var (number, extension) = (photo.Groups["number"], photo.Groups["extension"].Index);
        var tail = name[extension..];
        return (photo.Groups["stem"].Value + number.Value, number.Success ? tail.Remove(number.Index - extension, number.Length) : tail);
    }

    [GeneratedRegex(@"^(?<stem>.+?)(?<extension>\.[A-Za-z0-9]{2,5})(?<number>\(\d+\))?$")]
    private static partial Regex TakeoutPhotoName();
}
