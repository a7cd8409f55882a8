using System.Buffers.Binary;
using System.Text;
using MetadataExtractor.Formats.Exif;
using MetadataExtractor.Formats.QuickTime;
using Pixhaven.Core.Media.Video;

namespace Pixhaven.Core.Media.Metadata;

/// <summary>
/// The camera's own metadata inside its MP4 or MOV, which <c>ffprobe</c> does not report. Canon's cameras since about
/// 2013 write EXIF (camera, lens, local time and zone, position) into a box of the movie (CMT1 to CMT4, as in their
/// CR3 RAW files), read by MetadataExtractor's QuickTime reader, which walks the boxes and skips the media data.
/// Canon's earlier MOVs name the model in the movie's user data (CNMN); Nikon's name make, model, lens, time and place
/// in tagged records there (NCDT/NCTG, <see cref="NikonMovieRecords"/>); DJI's drones name their camera there ("©mdl",
/// e.g. "FC300X"), after the make that <c>ffprobe</c> reads; older compacts write a "TAGS" box of a fixed layout, which
/// starts with the maker's name. Read by hand, as no .NET library knows these.
/// </summary>
public static class MovieExif
{
    /// <summary>What the camera wrote into the movie; null when it wrote nothing known or it cannot be read.</summary>
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
            if (Mp4Tracks.ReadMovie(stream) is not { } movie)
            {
                return null;
            }

            if (Mp4Tracks.UserData(movie, "CNMN") is { } canon && AsciiText.Printable(canon.Span) is { } canonModel)
            {
                return new MediaMetadata { Make = "Canon", Model = canonModel };
            }

            if (Mp4Tracks.UserData(movie, "NCDT") is { } nikon
                && IsoBoxes.Children(nikon).FirstOrDefault(b => b.Type == "NCTG") is { Type: not null } tags)
            {
                return NikonMovieRecords.Read(tags.Body.Span);
            }

            if (Mp4Tracks.UserData(movie, "TAGS") is { } compact && CompactCameraTags(compact.Span) is { } camera)
            {
                return camera;
            }

            return Mp4Tracks.UserData(movie, "©mdl") is { } dji && AsciiText.Printable(WithoutTextHeader(dji.Span)) is { } djiModel
                ? new MediaMetadata { Model = djiModel }
                : null;
        }
        catch (Exception e) when (EmbeddedMetadataReader.IsParserFailure(e))
        {
            return null; // the container's own metadata, from ffprobe, stands
        }
    }

    /// <summary>
    /// The makers whose compact cameras of about 2005 to 2012 write a "TAGS" box into their MOVs: the text it starts with,
    /// the make that stands for (as their photos' EXIF names it), and where the model's name is, when it is a name (Olympus's
    /// and Minolta's are codes of their own; Pentax's is not there).
    /// </summary>
    private static readonly (string Start, string Make, int ModelAt, int ModelLength)[] CompactCameras =
    [
        ("FUJIFILM DIGITAL CAMERA\0", "FUJIFILM", 0x18, 16),
        ("EASTMAN KODAK COMPANY", "EASTMAN KODAK COMPANY", 0x16, 42),
        ("KONICA MINOLTA DIGITAL CAMERA", "KONICA MINOLTA", 0, 0),
        ("MINOLTA DIGITAL CAMERA", "MINOLTA", 0, 0),
        ("NIKON DIGITAL CAMERA\0", "NIKON", 0x18, 8),
        ("OLYMPUS DIGITAL CAMERA", "OLYMPUS", 0, 0),
        ("PENTAX DIGITAL CAMERA\0", "PENTAX", 0, 0),
        ("SAMSUNG DIGITAL CAMERA\0", "SAMSUNG", 0x18, 16),
        ("SANYO DIGITAL CAMERA\0", "SANYO", 0x18, 8),
    ];

    private static MediaMetadata? CompactCameraTags(ReadOnlySpan<byte> tags)
    {
        foreach (var (start, make, modelAt, modelLength) in CompactCameras)
        {
            if (tags.StartsWith(Encoding.ASCII.GetBytes(start)))
            {
                var model = modelLength > 0 && tags.Length >= modelAt + modelLength ? AsciiText.Printable(CutAtZero(tags.Slice(modelAt, modelLength))) : null;
                return new MediaMetadata { Make = make, Model = model };
            }
        }

        return null;
    }

    private static ReadOnlySpan<byte> CutAtZero(ReadOnlySpan<byte> text) => text.IndexOf((byte)0) is >= 0 and var end ? text[..end] : text;

    /// <summary>
    /// A QuickTime text entry's value: DJI writes the camera's model ("©mdl") as the bare text, where the standard puts a
    /// length and a language first; both are read.
    /// </summary>
    private static ReadOnlySpan<byte> WithoutTextHeader(ReadOnlySpan<byte> entry) =>
        entry.Length >= 4 && BinaryPrimitives.ReadUInt16BigEndian(entry) == entry.Length - 4 ? entry[4..] : entry;
}
