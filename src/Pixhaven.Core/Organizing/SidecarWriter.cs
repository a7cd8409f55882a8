using System.Globalization;
using System.Xml.Linq;
using Microsoft.EntityFrameworkCore;
using Pixhaven.Core.Catalog;
using Pixhaven.Core.Indexing;
using Pixhaven.Core.Media;
using Pixhaven.Core.Model;
using Pixhaven.Core.Options;

namespace Pixhaven.Core.Organizing;

/// <summary>
/// Writes a photo's manual edits to an XMP sidecar in storage, named after its primary file
/// (<c>storage/sidecars/2019/trip/IMG_1.jpg.xmp</c>): the edits outlive the catalog, and other photo tools read XMP.
/// Written to a temporary file and renamed, so a crash never leaves half a sidecar.
/// </summary>
public sealed class SidecarWriter(PixhavenOptions options, PhotoOrienter orienter)
{
    private static readonly XNamespace X = "adobe:ns:meta/";
    private static readonly XNamespace Rdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
    private static readonly XNamespace Dc = "http://purl.org/dc/elements/1.1/";
    private static readonly XNamespace Xmp = "http://ns.adobe.com/xap/1.0/";
    private static readonly XNamespace Photoshop = "http://ns.adobe.com/photoshop/1.0/";
    private static readonly XNamespace Exif = "http://ns.adobe.com/exif/1.0/";
    private static readonly XNamespace Tiff = "http://ns.adobe.com/tiff/1.0/";
    private static readonly XNamespace ExifEx = "http://cipa.jp/exif/1.0/";

    /// <summary>The sidecar path of a primary file, inside the sidecar folder; null for a path that would leave it.</summary>
    public string? PathFor(string relativePath)
    {
        var root = Path.TrimEndingDirectorySeparator(options.SidecarPath) + Path.DirectorySeparatorChar;
        var path = Path.GetFullPath(Path.Combine(root, relativePath + ".xmp"));
        return path.StartsWith(root, StringComparison.Ordinal) ? path : null;
    }

    public async Task WriteAsync(CatalogDbContext db, IReadOnlyList<Photo> photos, CancellationToken cancellationToken)
    {
        if (!options.SidecarWrite)
        {
            return;
        }

        foreach (var photo in photos)
        {
            var primary = photo.Files.FirstOrDefault(f => f.Primary) ?? await db.Files.FirstOrDefaultAsync(f => f.PhotoId == photo.Id && f.Primary, cancellationToken);
            if (primary is null || PathFor(primary.Path) is not { } path)
            {
                continue;
            }

            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            var orientation = photo.Rotation == 0 ? (int?)null : Orientations.Turn(await ShownOrientationAsync(db, primary, cancellationToken), photo.Rotation);
            var temporary = path + ".tmp";
            await using (var stream = File.Create(temporary))
            {
                await Document(photo, orientation).SaveAsync(stream, SaveOptions.None, cancellationToken);
            }

            File.Move(temporary, path, overwrite: true);
        }
    }

    /// <summary>
    /// The orientation the file is shown in before the user's turn: its sidecar's or its own. A HEIF's pixels are
    /// turned by its container, which tools apply before any orientation tag, so its turn starts from upright.
    /// </summary>
    private async Task<int> ShownOrientationAsync(CatalogDbContext db, PhotoFile primary, CancellationToken cancellationToken) =>
        primary.Format is "heif" or "avif" ? 1
            : (primary.Type == MediaType.Image ? await orienter.SidecarOrientationAsync(db, primary, cancellationToken) : null) ?? primary.Orientation ?? 1;

    /// <summary>
    /// The XMP packet: only fields whose value is a manual edit, so tools reading it see the user's word; a turn by
    /// hand as the orientation that shows the file that way.
    /// </summary>
    public static XDocument Document(Photo photo, int? orientation = null)
    {
        var description = new XElement(Rdf + "Description", new XAttribute(Rdf + "about", ""),
            new XAttribute(XNamespace.Xmlns + "dc", Dc), new XAttribute(XNamespace.Xmlns + "xmp", Xmp),
            new XAttribute(XNamespace.Xmlns + "photoshop", Photoshop), new XAttribute(XNamespace.Xmlns + "exif", Exif),
            new XAttribute(XNamespace.Xmlns + "tiff", Tiff), new XAttribute(XNamespace.Xmlns + "exifEX", ExifEx));
        if (photo.TitleSource == MetadataSource.Manual && photo.Title is { } title)
        {
            description.Add(new XElement(Dc + "title", Alt(title)));
        }

        if (photo.DescriptionSource == MetadataSource.Manual && photo.Description is { } text)
        {
            description.Add(new XElement(Dc + "description", Alt(text)));
        }

        if (photo.KeywordsSource == MetadataSource.Manual && photo.Keywords is { } keywords)
        {
            description.Add(new XElement(Dc + "subject", new XElement(Rdf + "Bag",
                keywords.Split(", ", StringSplitOptions.RemoveEmptyEntries).Select(k => new XElement(Rdf + "li", k)))));
        }

        if (photo.TakenAtSource == MetadataSource.Manual)
        {
            var offset = photo.TakenAtOffsetMinutes is { } minutes
                ? (minutes < 0 ? "-" : "+") + TimeSpan.FromMinutes(Math.Abs(minutes)).ToString(@"hh\:mm", CultureInfo.InvariantCulture)
                : "";
            var local = photo.TakenAt.ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture);
            description.Add(new XElement(Photoshop + "DateCreated", local + offset), new XElement(Exif + "DateTimeOriginal", local + offset));
        }

        if (photo.LocationSource == MetadataSource.Manual && photo is { Latitude: { } lat, Longitude: { } lng })
        {
            description.Add(new XElement(Exif + "GPSLatitude", Coordinate(lat, 'N', 'S')), new XElement(Exif + "GPSLongitude", Coordinate(lng, 'E', 'W')));
        }

        if (photo.CameraSource == MetadataSource.Manual)
        {
            AddIfSet(description, Tiff + "Make", photo.CameraMake);
            AddIfSet(description, Tiff + "Model", photo.CameraModel);
            AddIfSet(description, ExifEx + "LensModel", photo.Lens);
        }

        if (orientation is { } shown)
        {
            description.Add(new XElement(Tiff + "Orientation", shown.ToString(CultureInfo.InvariantCulture)));
        }

        if (photo.Rating is { } rating)
        {
            description.Add(new XElement(Xmp + "Rating", rating.ToString(CultureInfo.InvariantCulture)));
        }

        var meta = new XElement(X + "xmpmeta", new XAttribute(XNamespace.Xmlns + "x", X), new XAttribute(X + "xmptk", "Pixhaven"),
            new XElement(Rdf + "RDF", new XAttribute(XNamespace.Xmlns + "rdf", Rdf), description));
        return new XDocument(
            new XProcessingInstruction("xpacket", "begin=\"\uFEFF\" id=\"W5M0MpCehiHzreSzNTczkc9d\""),
            meta,
            new XProcessingInstruction("xpacket", "end=\"w\""));
    }

    private static XElement Alt(string text) =>
        new(Rdf + "Alt", new XElement(Rdf + "li", new XAttribute(XNamespace.Xml + "lang", "x-default"), text));

    private static void AddIfSet(XElement parent, XName name, string? value)
    {
        if (value is not null)
        {
            parent.Add(new XElement(name, value));
        }
    }

    /// <summary>XMP's GPS form: degrees, decimal minutes and the hemisphere letter, e.g. "48,51.4700N".</summary>
    private static string Coordinate(double value, char positive, char negative)
    {
        var absolute = Math.Abs(value);
        var degrees = Math.Floor(absolute);
        var minutes = (absolute - degrees) * 60;
        return string.Create(CultureInfo.InvariantCulture, $"{degrees:0},{minutes:0.000000}{(value < 0 ? negative : positive)}");
    }
}
