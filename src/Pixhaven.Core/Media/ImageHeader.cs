using NetVips;

namespace Pixhaven.Core.Media;

/// <summary>
/// Pixel dimensions of an image as displayed, read from the header by libvips without decoding pixels, and its number
/// of frames: more than one for an animated GIF or WebP.
/// </summary>
public sealed record ImageHeader(int Width, int Height, int Frames = 1)
{
    public bool Animated => Frames > 1;

    /// <summary>Reads the header; returns null with a reason when libvips cannot open the file.</summary>
    /// <param name="framesAnimate">The format's frames are an animation browsers play (GIF, WebP), not a set of pictures (TIFF, HEIF).</param>
    public static (ImageHeader? Header, string? Error) Read(string path, bool ignoreOrientation = false, bool framesAnimate = false)
    {
        try
        {
            VipsRuntime.ForgetWarnings();
            using var image = Image.NewFromFile(path, access: Enums.Access.Sequential);
            // libvips reports stored dimensions; orientations 5-8 swap them. HEIF loaders apply irot themselves
            // and report orientation 1, so no double rotation happens there.
            var orientation = !ignoreOrientation && image.Contains("orientation") && image.Get("orientation") is int o ? o : 1;
            var frames = framesAnimate && image.Contains("n-pages") && image.Get("n-pages") is int pages ? pages : 1;
            return orientation is >= 5 and <= 8
                ? (new ImageHeader(image.Height, image.Width, frames), null)
                : (new ImageHeader(image.Width, image.Height, frames), null);
        }
        catch (VipsException e)
        {
            return (null, VipsErrors.Reason(e, path, VipsErrors.FamilyOf(path)));
        }
    }
}
