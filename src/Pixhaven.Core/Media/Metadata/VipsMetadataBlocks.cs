using MetadataExtractor.Formats.Exif;
using MetadataExtractor.Formats.Xmp;
using MetadataExtractor.IO;
using NetVips;
using Directory = MetadataExtractor.Directory;

namespace Pixhaven.Core.Media.Metadata;

/// <summary>Reads the raw EXIF and XMP blocks through libvips and parses them with MetadataExtractor.</summary>
internal static class VipsMetadataBlocks
{
    public static IReadOnlyList<Directory> Read(string path)
    {
        var directories = new List<Directory>();
        try
        {
            using var image = Image.NewFromFile(path, access: Enums.Access.Sequential);
            if (image.Contains("exif-data") && image.Get("exif-data") is byte[] { Length: > 8 } exif)
            {
                // libvips keeps the JPEG APP1 preamble "Exif\0\0" in front of the TIFF header.
                var offset = ExifReader.StartsWithJpegExifPreamble(exif) ? 6 : 0;
                directories.AddRange(new ExifReader().Extract(new ByteArrayReader(exif, offset, isMotorolaByteOrder: true)));
            }

            if (image.Contains("xmp-data") && image.Get("xmp-data") is byte[] { Length: > 0 } xmp)
            {
                directories.Add(new XmpReader().Extract(xmp));
            }
        }
        catch (Exception e) when (e is VipsException or ArgumentException or IndexOutOfRangeException or IOException or InvalidOperationException)
        {
            // No second source either: the caller keeps what it has.
        }

        return directories;
    }
}
