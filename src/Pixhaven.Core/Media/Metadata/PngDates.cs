using System.Globalization;
using MetadataExtractor.Formats.Png;
using Directory = MetadataExtractor.Directory;

namespace Pixhaven.Core.Media.Metadata;

/// <summary>
/// The dates a PNG without EXIF can carry: the "Creation Time" text the PNG specification defines (written by plotting
/// and drawing programs, in RFC 1123 or any common form), a capture date; and the tIME chunk, the UTC time of its last
/// change, which is no capture date (an optimiser or editor rewrites it) but outlives a copy, unlike the file's time.
/// </summary>
public static class PngDates
{
    private const string CreationTimeKeyword = "Creation Time";

    /// <summary>The "Creation Time" of a tEXt, zTXt or iTXt chunk, when it reads as a date.</summary>
    public static (DateTime Local, TimeSpan? Offset)? CreationTime(IReadOnlyList<Directory> directories)
    {
        var text = directories.OfType<PngDirectory>()
            .Select(d => d.GetObject(PngDirectory.TagTextualData))
            .OfType<IEnumerable<MetadataExtractor.KeyValuePair>>()
            .SelectMany(pairs => pairs)
            .Where(pair => pair.Key.Equals(CreationTimeKeyword, StringComparison.OrdinalIgnoreCase))
            .Select(pair => pair.Value.ToString(System.Text.Encoding.UTF8))
            .FirstOrDefault();
        if (text is null)
        {
            return null;
        }

        if (MetadataDates.ParseDateTime(text) is { } parsed)
        {
            return parsed;
        }

        return DateTimeOffset.TryParseExact(text.Trim(), "r", CultureInfo.InvariantCulture, DateTimeStyles.None, out var rfc1123) && rfc1123.Year >= 1800
            ? (DateTime.SpecifyKind(rfc1123.UtcDateTime, DateTimeKind.Unspecified), TimeSpan.Zero)
            : null;
    }

    /// <summary>The tIME chunk's time of the last change, which the specification makes UTC.</summary>
    public static DateTime? LastModifiedUtc(IReadOnlyList<Directory> directories) =>
        directories.OfType<PngDirectory>().Select(d => d.GetObject(PngDirectory.TagLastModificationTime)).OfType<DateTime>()
            .Where(time => time.Year >= 1800).Select(time => (DateTime?)DateTime.SpecifyKind(time, DateTimeKind.Unspecified)).FirstOrDefault();
}
