using NetVips;

namespace Pixhaven.Core.Media;

/// <summary>Pixel dimensions of an image as displayed, read from the header by libvips without decoding pixels.</summary>
public sealed record ImageHeader(int Width, int Height)
{
    /// <summary>Reads the header; returns null with a reason when libvips cannot open the file.</summary>
    public static (ImageHeader? Header, string? Error) Read(string path, bool ignoreOrientation = false)
    {
        try
        {
            VipsRuntime.ForgetWarnings();
            using var image = Image.NewFromFile(path, access: Enums.Access.Sequential);
            // libvips reports stored dimensions; orientations 5-8 swap them. HEIF loaders apply irot themselves
            // and report orientation 1, so no double rotation happens there.
            var orientation = !ignoreOrientation && image.Contains("orientation") && image.Get("orientation") is int o ? o : 1;
            return orientation is >= 5 and <= 8
                ? (new ImageHeader(image.Height, image.Width), null)
                : (new ImageHeader(image.Width, image.Height), null);
        }
        catch (VipsException e)
        {
            return (null, VipsErrors.Reason(e, path, VipsErrors.FamilyOf(path)));
        }
    }
}
