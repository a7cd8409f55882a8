namespace Pixhaven.Core.Media.Metadata;

/// <summary>EXIF's value types (TIFF 6.0), which Nikon also uses for the records in its videos.</summary>
public static class ExifTypes
{
    /// <summary>The bytes one value of the type takes; 0 for a type EXIF does not define.</summary>
    public static int Size(int type) => type switch
    {
        1 or 2 or 6 or 7 => 1, // bytes, ASCII, signed bytes, undefined
        3 or 8 => 2,
        4 or 9 or 11 or 13 => 4, // 13: an IFD's offset
        5 or 10 or 12 => 8,
        _ => 0,
    };
}
