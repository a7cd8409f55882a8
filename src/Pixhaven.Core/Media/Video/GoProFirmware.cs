namespace Pixhaven.Core.Media.Video;

/// <summary>
/// A GoPro's model from its firmware version (the movie's "FIRM" user data, e.g. "HD5.02.02.60.00"), whose first six
/// characters name the camera. The only name a HERO5 or older writes: it calls itself "Camera" in its telemetry, and
/// cameras before the HERO5 have no telemetry at all.
/// </summary>
public static class GoProFirmware
{
    private static readonly Dictionary<string, string> Models = new(StringComparer.Ordinal)
    {
        ["HD3.03"] = "HERO3 Black",
        ["HD3.10"] = "HERO3+ Silver",
        ["HD3.11"] = "HERO3+ Black",
        ["HD3.22"] = "HERO+",
        ["HD4.01"] = "HERO4 Silver",
        ["HD4.02"] = "HERO4 Black",
        ["HX1.01"] = "HERO Session",
        ["HD5.02"] = "HERO5 Black",
        ["HD5.03"] = "HERO5 Session",
        ["FS1.04"] = "Fusion",
        ["HD6.01"] = "HERO6 Black",
        ["H18.01"] = "HERO (2018)",
        ["H18.02"] = "HERO7 White",
        ["H18.03"] = "HERO7 Silver",
        ["HD7.01"] = "HERO7 Black",
        ["HD8.01"] = "HERO8 Black",
        ["H19.03"] = "MAX",
        ["HD9.01"] = "HERO9 Black",
        ["H21.01"] = "HERO10 Black",
        ["H22.01"] = "HERO11 Black",
        ["H22.03"] = "HERO11 Black Mini",
        ["H23.01"] = "HERO12 Black",
        ["H24.01"] = "HERO13 Black",
        ["H24.03"] = "HERO (2024)",
    };

    /// <summary>The model this firmware version was made for; null for a version of a camera not listed, or no version.</summary>
    public static string? ModelOf(string? firmware) =>
        firmware is { Length: >= 7 } && firmware[6] == '.' && Models.TryGetValue(firmware[..6], out var model) ? model : null;
}
