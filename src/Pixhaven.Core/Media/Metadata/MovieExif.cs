using System.Text;
using MetadataExtractor.Formats.Exif;
using MetadataExtractor.Formats.QuickTime;
using Pixhaven.Core.Media.Video;

namespace Pixhaven.Core.Media.Metadata;

/// <summary>
/// The EXIF a camera keeps inside its MP4 or MOV, which <c>ffprobe</c> does not report: Canon's cameras since about
/// 2013 write the camera, lens, local time and zone into a box of the movie (CMT1 to CMT4, as in their CR3 RAW files),
/// read by MetadataExtractor's QuickTime reader, which walks the boxes and skips the media data. Canon's earlier MOVs
/// (EOS 5D Mark II to about 2013) name only the model, in the movie's user data (CNMN).
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
            if (directories.OfType<ExifIfd0Directory>().Any())
            {
                return EmbeddedMetadataReader.Interpret(directories);
            }

            stream.Position = 0;
            return Mp4Tracks.ReadMovie(stream) is { } movie && Mp4Tracks.UserData(movie, "CNMN") is { } name
                   && Encoding.ASCII.GetString(name.Span).TrimEnd('\0', ' ') is { Length: > 0 } model && model.All(c => c is >= ' ' and < '\u007F')
                ? new MediaMetadata { Make = "Canon", Model = model }
                : null;
        }
        catch (Exception e) when (EmbeddedMetadataReader.IsParserFailure(e))
        {
            return null; // the container's own metadata, from ffprobe, stands
        }
    }
}
