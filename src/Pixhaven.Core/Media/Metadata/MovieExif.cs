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
/// Canon's earlier MOVs name the model in the movie's user data (CNMN); Nikon's name make, model and lens in tagged
/// records there (NCDT/NCTG); DJI's drones name their camera there ("©mdl", e.g. "FC300X"), after the make that
/// <c>ffprobe</c> reads. Read by hand, as no .NET library knows these.
/// </summary>
public static class MovieExif
{
    // Nikon's record tags: its own for make and model, EXIF's LensModel (0xA434) under the prefix 0x0110.
    private const uint NikonMake = 0x01;
    private const uint NikonModel = 0x02;
    private const uint NikonLensModel = 0x0110A434;

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

            if (Mp4Tracks.UserData(movie, "CNMN") is { } canon && Text(canon.Span) is { } canonModel)
            {
                return new MediaMetadata { Make = "Canon", Model = canonModel };
            }

            if (Mp4Tracks.UserData(movie, "NCDT") is { } nikon
                && IsoBoxes.Children(nikon).FirstOrDefault(b => b.Type == "NCTG") is { Type: not null } tags)
            {
                return NikonTags(tags.Body.Span);
            }

            return Mp4Tracks.UserData(movie, "©mdl") is { } dji && Text(WithoutTextHeader(dji.Span)) is { } djiModel
                ? new MediaMetadata { Model = djiModel }
                : null;
        }
        catch (Exception e) when (EmbeddedMetadataReader.IsParserFailure(e))
        {
            return null; // the container's own metadata, from ffprobe, stands
        }
    }

    /// <summary>
    /// Nikon's records: a tag (32 bits), an EXIF format code and a count (16 bits each), then the value, big-endian.
    /// Only text values are taken; a record of an unknown format ends the reading, as its length is unknown.
    /// </summary>
    private static MediaMetadata? NikonTags(ReadOnlySpan<byte> records)
    {
        string? make = null, model = null, lens = null;
        var at = 0;
        while (at + 8 <= records.Length)
        {
            var tag = BinaryPrimitives.ReadUInt32BigEndian(records[at..]);
            var format = BinaryPrimitives.ReadUInt16BigEndian(records[(at + 4)..]);
            var count = BinaryPrimitives.ReadUInt16BigEndian(records[(at + 6)..]);
            var width = ExifFormatSize(format);
            var size = width * count;
            if (width == 0 || size > records.Length - at - 8)
            {
                break;
            }

            var value = records.Slice(at + 8, size);
            at += 8 + size;
            if (format != 2)
            {
                continue; // only ASCII values are wanted
            }

            switch (tag)
            {
                case NikonMake: make = Text(value); break;
                case NikonModel: model = Text(value); break;
                case NikonLensModel: lens = Text(value); break;
            }
        }

        return make is null && model is null ? null : new MediaMetadata { Make = make, Model = model, Lens = lens };
    }

    private static int ExifFormatSize(int format) => format switch
    {
        1 or 2 or 6 or 7 => 1, // bytes, ASCII, signed bytes, undefined
        3 or 8 => 2,
        4 or 9 or 11 => 4,
        5 or 10 or 12 => 8,
        _ => 0,
    };

    /// <summary>
    /// A QuickTime text entry's value: DJI writes the camera's model ("©mdl") as the bare text, where the standard puts a
    /// length and a language first; both are read.
    /// </summary>
    private static ReadOnlySpan<byte> WithoutTextHeader(ReadOnlySpan<byte> entry) =>
        entry.Length >= 4 && BinaryPrimitives.ReadUInt16BigEndian(entry) == entry.Length - 4 ? entry[4..] : entry;

    /// <summary>Printable ASCII, padded with zeros or spaces; null when empty or not printable.</summary>
    private static string? Text(ReadOnlySpan<byte> value) =>
        Encoding.ASCII.GetString(value).TrimEnd('\0', ' ') is { Length: > 0 } text && text.All(c => c is >= ' ' and < '\u007F') ? text : null;
}
