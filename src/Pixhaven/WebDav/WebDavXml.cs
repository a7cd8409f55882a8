using System.Text;
using System.Xml;
using System.Xml.Linq;

namespace Pixhaven.WebDav;

/// <summary>Reading request bodies safely (no DTDs, no external entities, bounded) and writing 207 Multi-Status answers.</summary>
public static class WebDavXml
{
    public static readonly XNamespace Dav = "DAV:";

    /// <summary>The parsed body; null for an empty one. Throws <see cref="XmlException"/> for a malformed one.</summary>
    public static async Task<XDocument?> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, cancellationToken);
        if (buffer.Length == 0)
        {
            return null;
        }

        buffer.Position = 0;
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            MaxCharactersInDocument = 1_000_000,
            IgnoreComments = true,
        };
        using var reader = XmlReader.Create(buffer, settings);
        return XDocument.Load(reader, LoadOptions.None);
    }

    public static async Task WriteAsync(HttpResponse response, int status, XElement root)
    {
        response.StatusCode = status;
        response.ContentType = "application/xml; charset=utf-8";
        root.SetAttributeValue(XNamespace.Xmlns + "D", Dav.NamespaceName);
        var settings = new XmlWriterSettings { Encoding = new UTF8Encoding(false), Async = true };
        await using var writer = XmlWriter.Create(response.Body, settings);
        await new XDocument(new XDeclaration("1.0", "utf-8", null), root).WriteToAsync(writer, CancellationToken.None);
    }

    public static XElement PropStat(IEnumerable<XElement> props, int status) =>
        new(Dav + "propstat", new XElement(Dav + "prop", props), new XElement(Dav + "status", StatusLine(status)));

    public static string StatusLine(int status) => status switch
    {
        200 => "HTTP/1.1 200 OK",
        403 => "HTTP/1.1 403 Forbidden",
        404 => "HTTP/1.1 404 Not Found",
        409 => "HTTP/1.1 409 Conflict",
        424 => "HTTP/1.1 424 Failed Dependency",
        507 => "HTTP/1.1 507 Insufficient Storage",
        _ => $"HTTP/1.1 {status}",
    };
}
