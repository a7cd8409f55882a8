using NetVips;

namespace Pixhaven.Core.Media.Thumbnails;

/// <summary>
/// Names the main colour of a picture for <c>color:</c> searches: the smallest thumbnail shrunk to 8×8, each pixel
/// named by hue, saturation and brightness, and the most frequent name wins.
/// </summary>
public static class MainColor
{
    public static readonly IReadOnlyList<string> Names = ["red", "orange", "yellow", "green", "blue", "purple", "pink", "brown", "black", "grey", "white"];

    /// <summary>The main colour of an image file, or null when it cannot be read.</summary>
    public static string? Of(string path)
    {
        try
        {
            using var image = Image.Thumbnail(path, 8, height: 8, size: Enums.Size.Force);
            using var rgb = image.Bands >= 3 ? image.ExtractBand(0, 3) : image.Bandjoin(image, image);
            using var bytes = rgb.Cast(Enums.BandFormat.Uchar);
            var pixels = bytes.WriteToMemory<byte>();
            return pixels.Chunk(3).Where(p => p.Length == 3).GroupBy(p => Name(p[0], p[1], p[2]))
                .OrderByDescending(g => g.Count()).ThenBy(g => Names.IndexOf(g.Key)).First().Key;
        }
        catch (VipsException)
        {
            return null;
        }
    }

    /// <summary>The colour name of one sRGB pixel.</summary>
    public static string Name(byte red, byte green, byte blue)
    {
        var (r, g, b) = (red / 255.0, green / 255.0, blue / 255.0);
        var max = Math.Max(r, Math.Max(g, b));
        var min = Math.Min(r, Math.Min(g, b));
        var value = max;
        var saturation = max == 0 ? 0 : (max - min) / max;
        if (value < 0.18)
        {
            return "black";
        }

        if (saturation < 0.15)
        {
            return value > 0.85 ? "white" : "grey";
        }

        var delta = max - min;
        var hue = max == r ? 60 * (((g - b) / delta) % 6) : max == g ? 60 * (((b - r) / delta) + 2) : 60 * (((r - g) / delta) + 4);
        hue = (hue + 360) % 360;
        return hue switch
        {
            < 15 or >= 345 => value < 0.55 ? "brown" : "red",
            < 45 => value < 0.65 ? "brown" : "orange",
            < 70 => "yellow",
            < 170 => "green",
            < 260 => "blue",
            < 290 => "purple",
            _ => "pink",
        };
    }

    private static int IndexOf(this IReadOnlyList<string> names, string name)
    {
        for (var i = 0; i < names.Count; i++)
        {
            if (names[i] == name)
            {
                return i;
            }
        }

        return -1;
    }
}
