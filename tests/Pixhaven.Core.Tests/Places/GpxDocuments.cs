using System.Globalization;
using System.Text;

namespace Pixhaven.Core.Tests.Places;

/// <summary>GPX documents written for tests, as a GPS logger would.</summary>
public static class GpxDocuments
{
    /// <summary>A GPX 1.1 document of these segments.</summary>
    public static string Of(IEnumerable<IEnumerable<(DateTime Utc, double Latitude, double Longitude)>> segments)
    {
        var text = new StringBuilder("""<?xml version="1.0" encoding="UTF-8"?>""" + "\n" + """<gpx version="1.1" creator="test" xmlns="http://www.topografix.com/GPX/1/1"><trk>""" + "\n");
        foreach (var segment in segments)
        {
            text.Append("<trkseg>\n");
            foreach (var (utc, lat, lng) in segment)
            {
                text.Append(CultureInfo.InvariantCulture, $"""  <trkpt lat="{lat}" lon="{lng}"><ele>35</ele><time>{utc:yyyy-MM-ddTHH:mm:ssZ}</time></trkpt>""").Append('\n');
            }

            text.Append("</trkseg>\n");
        }

        return text.Append("</trk></gpx>\n").ToString();
    }
}
