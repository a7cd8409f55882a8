namespace Pixhaven.Core.Media;

/// <summary>
/// EXIF orientations (1 to 8) and the quarter turns a user gives a photo on top of them. An orientation says how
/// the stored pixels are turned and mirrored to show the picture; turning the shown picture clockwise moves through
/// 1 → 6 → 3 → 8 unmirrored and 2 → 7 → 4 → 5 mirrored.
/// </summary>
public static class Orientations
{
    private static readonly int[] QuarterClockwise = [0, 6, 7, 8, 5, 2, 3, 4, 1];

    /// <summary>Degrees as a clockwise turn of 0, 90, 180 or 270; anything else that is not a multiple of 90 is refused.</summary>
    public static int Clockwise(int degrees) =>
        degrees % 90 == 0 ? ((degrees % 360) + 360) % 360 : throw new ArgumentOutOfRangeException(nameof(degrees), degrees, "not a multiple of 90");

    /// <summary>The orientation that shows the picture of <paramref name="orientation"/> turned clockwise by <paramref name="degrees"/>.</summary>
    public static int Turn(int orientation, int degrees)
    {
        var turned = orientation is >= 1 and <= 8 ? orientation : 1;
        for (var quarter = Clockwise(degrees) / 90; quarter > 0; quarter--)
        {
            turned = QuarterClockwise[turned];
        }

        return turned;
    }

    /// <summary>Whether the orientation shows the stored pixels on their side, so width and height swap.</summary>
    public static bool IsSideways(int orientation) => orientation is >= 5 and <= 8;
}
