using System.Text.RegularExpressions;

namespace Pixhaven.Core.Media.Metadata;

/// <summary>
/// Text that cameras write into a photo's description by default ("OLYMPUS DIGITAL CAMERA", "EPSON DSC picture", the
/// file's own name "DSC00001", its path on the card): it describes nothing, so it is shown and searched as no description.
/// </summary>
public static partial class CameraBoilerplate
{
    private static readonly HashSet<string> Known = new(StringComparer.OrdinalIgnoreCase)
    {
        "SAMSUNG", "<KENOX S630  / Samsung S630>", "Default", "DCIM", "Image", "Picture", "LEAD Technologies Inc. V1.01",
    };

    // A maker's name in capitals, as cameras write it, then what its cameras call a picture.
    [GeneratedRegex(@"^(?:[A-Z][A-Z0-9-]* ){0,2}(?i:DIGITAL (?:STILL )?CAMERA|DSC(?: PICTURE)?|CAMERA PICTURES?)$")]
    private static partial Regex MakerPhrase();

    // A camera's name for the file (four digits or more, so that "A380" stays a caption) or a path on its card.
    [GeneratedRegex(@"^[A-Z]{1,5}_?\d{4,6}[A-Z]?$|(?:^|[\\/])DCIM[\\/]", RegexOptions.IgnoreCase)]
    private static partial Regex CameraFileName();

    public static bool Is(string description)
    {
        var text = description.Trim();
        return Known.Contains(text) || MakerPhrase().IsMatch(text) || CameraFileName().IsMatch(text);
    }
}
