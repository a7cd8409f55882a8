using System.Globalization;
using System.Text;

namespace Pixhaven.Core.Media.Metadata;

/// <summary>
/// A face marked on a photo, named or not: a box in fractions of the picture as it is shown (after orientation),
/// from the top-left corner.
/// </summary>
public sealed record FaceRegion(string? Name, double X, double Y, double Width, double Height)
{
    /// <summary>More regions than this on one photo are a crowd or a broken file; the rest are dropped.</summary>
    public const int MaxPerPhoto = 100;

    public const int MaxNameLength = 256;

    /// <summary>A person named on the photo without a box (Google Photos' people): the region is the whole picture.</summary>
    public bool IsWholePicture => X <= 0 && Y <= 0 && Width >= 1 && Height >= 1;

    /// <summary>The region of a person named on the photo without a box.</summary>
    public static FaceRegion WholePicture(string name) => new(name, 0, 0, 1, 1);

    /// <summary>The same region on the picture turned clockwise by a multiple of 90 degrees.</summary>
    public FaceRegion Turned(int degrees) => Orientations.Clockwise(degrees) switch
    {
        90 => this with { X = Math.Round(1 - Y - Height, 4), Y = X, Width = Height, Height = Width },
        180 => this with { X = Math.Round(1 - X - Width, 4), Y = Math.Round(1 - Y - Height, 4) },
        270 => this with { X = Y, Y = Math.Round(1 - X - Width, 4), Width = Height, Height = Width },
        _ => this,
    };

    /// <summary>
    /// The catalog's text form of a photo's regions, one per line: "x,y,w,h,name" with four decimals. Kept on the
    /// photo like its keywords, so the ranked-source rules and stack merges treat both alike.
    /// </summary>
    public static string? Format(IReadOnlyList<FaceRegion> regions)
    {
        if (regions.Count == 0)
        {
            return null;
        }

        var text = new StringBuilder();
        foreach (var r in regions)
        {
            text.Append(CultureInfo.InvariantCulture, $"{r.X:0.####},{r.Y:0.####},{r.Width:0.####},{r.Height:0.####},{r.Name}\n");
        }

        return text.ToString(0, text.Length - 1);
    }

    /// <summary>Reads <see cref="Format"/>'s text; lines that do not parse are skipped.</summary>
    public static List<FaceRegion> Parse(string? text)
    {
        var regions = new List<FaceRegion>();
        foreach (var line in (text ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = line.Split(',', 5);
            if (parts.Length == 5 && Number(parts[0]) is { } x && Number(parts[1]) is { } y && Number(parts[2]) is { } w && Number(parts[3]) is { } h)
            {
                regions.Add(new FaceRegion(parts[4].Length == 0 ? null : parts[4], x, y, w, h));
            }
        }

        return regions;
    }

    /// <summary>A region clamped into the picture with a cleaned name, or null when it has no area.</summary>
    public static FaceRegion? Create(string? name, double x, double y, double width, double height)
    {
        if (!double.IsFinite(x) || !double.IsFinite(y) || !double.IsFinite(width) || !double.IsFinite(height))
        {
            return null;
        }

        var (left, top) = (Math.Clamp(x, 0, 1), Math.Clamp(y, 0, 1));
        var (right, bottom) = (Math.Clamp(x + width, 0, 1), Math.Clamp(y + height, 0, 1));
        if (right - left < 0.001 || bottom - top < 0.001)
        {
            return null;
        }

        return new FaceRegion(CleanName(name), Math.Round(left, 4), Math.Round(top, 4), Math.Round(right - left, 4), Math.Round(bottom - top, 4));
    }

    private static string? CleanName(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return null;
        }

        // One line, no control characters: the name ends a line of the catalog's text form.
        var clean = new string([.. name.Select(c => char.IsControl(c) ? ' ' : c)]).Trim();
        return clean.Length == 0 ? null : clean.Length > MaxNameLength ? clean[..MaxNameLength].TrimEnd() : clean;
    }

    private static double? Number(string text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value) ? value : null;
}
