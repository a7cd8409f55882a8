using MetadataExtractor.Formats.Exif;
using MetadataExtractor.Formats.QuickTime;

namespace Pixhaven.Core.Media.Metadata;

/// <summary>
/// The EXIF a camera keeps inside its MP4 or MOV, which <c>ffprobe</c> does not report: Canon's cameras since about
/// 2013 write the camera, lens, local time and zone into a box of the movie (CMT1 to CMT4, as in their CR3 RAW files).
/// Read by MetadataExtractor's QuickTime reader, which walks the boxes and skips the media data.
/// </summary>
public static class MovieExif
{
    /// <summary>What the movie's EXIF says; null when it has none or cannot be read.</summary>
    public static MediaMetadata? Read(string path)
    {
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 64 * 1024);
            var directories = QuickTimeMetadataReader.ReadMetadata(stream);
            return directories.OfType<ExifIfd0Directory>().Any() ? EmbeddedMetadataReader.Interpret(directories) : null;
        }
        catch (Exception e) when (EmbeddedMetadataReader.IsParserFailure(e))
        {
            return null; // the container's own metadata, from ffprobe, stands
        }
    }
}
