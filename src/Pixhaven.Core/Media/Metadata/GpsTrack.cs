using System.Globalization;
using System.Xml;

namespace Pixhaven.Core.Media.Metadata;

/// <summary>One timed position of a GPS track.</summary>
public readonly record struct TrackPoint(DateTime Utc, double Latitude, double Longitude, double? Elevation);

/// <summary>
/// A GPS logger's or phone app's track (GPX 1.0 or 1.1): the timed points of each segment, in time order. Waypoints and
/// routes carry no times and are left out. Read as a stream, with DTDs prohibited: a track can run to tens of megabytes,
/// and comes from anyone.
/// </summary>
public sealed class GpsTrack
{
    public required IReadOnlyList<IReadOnlyList<TrackPoint>> Segments { get; init; }

    /// <summary>Why the file could not be read to its end; the points before the damage are kept.</summary>
    public string? Warning { get; init; }

    /// <summary>Whether these first bytes of a file begin a GPX document.</summary>
    public static bool Describes(ReadOnlySpan<byte> header) => header.IndexOf("<gpx"u8) >= 0;

    public static GpsTrack Read(Stream stream)
    {
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, IgnoreComments = true, IgnoreWhitespace = true,
        };
        var segments = new List<IReadOnlyList<TrackPoint>>();
        var segment = new List<TrackPoint>();
        string? warning = null;
        try
        {
            using var reader = XmlReader.Create(stream, settings);
            while (reader.Read())
            {
                if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "trkseg")
                {
                    Close(segments, segment);
                }
                else if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "trkpt" && ReadPoint(reader) is { } point)
                {
                    segment.Add(point);
                }
            }
        }
        catch (Exception e) when (e is not (OutOfMemoryException or OperationCanceledException))
        {
            warning = $"GPS track could not be read to its end: {(e is XmlException ? e.Message : "the document is damaged")}";
        }

        Close(segments, segment);
        return new GpsTrack { Segments = segments, Warning = warning };
    }

    private static void Close(List<IReadOnlyList<TrackPoint>> segments, List<TrackPoint> segment)
    {
        if (segment.Count > 0)
        {
            segments.Add(segment.OrderBy(p => p.Utc).ToList());
            segment.Clear();
        }
    }

    /// <summary>A track point with a position and a time; its elevation when it has one.</summary>
    private static TrackPoint? ReadPoint(XmlReader reader)
    {
        var latitude = Number(reader.GetAttribute("lat"));
        var longitude = Number(reader.GetAttribute("lon"));
        DateTime? utc = null;
        double? elevation = null;
        if (!reader.IsEmptyElement)
        {
            var depth = reader.Depth;
            reader.Read();
            while (!reader.EOF && reader.Depth > depth)
            {
                // Reading an element's content moves to the node after it, which the loop must not skip.
                if (reader.NodeType == XmlNodeType.Element && reader.Depth == depth + 1 && reader.LocalName is "time" or "ele")
                {
                    var isTime = reader.LocalName == "time";
                    var content = reader.ReadElementContentAsString();
                    (utc, elevation) = isTime ? (Time(content), elevation) : (utc, Number(content));
                    continue;
                }

                reader.Read();
            }
        }

        return latitude is { } lat and >= -90 and <= 90 && longitude is { } lng and >= -180 and <= 180 && utc is { } time
            ? new TrackPoint(time, lat, lng, elevation)
            : null;
    }

    /// <summary>GPX times are UTC ("2008-05-08T17:50:53Z"); one written with another offset is turned into UTC.</summary>
    private static DateTime? Time(string text) =>
        DateTimeOffset.TryParse(text.Trim(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time) && time.Year is >= 1990 and <= 2100
            ? time.UtcDateTime
            : null;

    private static double? Number(string? text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && double.IsFinite(number) ? number : null;
}
