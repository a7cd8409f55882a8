using System.Globalization;
using System.Xml;
using System.Xml.Linq;
using Microsoft.AspNetCore.StaticFiles;

namespace Pixhaven.WebDav;

/// <summary>PROPFIND and PROPPATCH: the live properties of files and folders, and the dead ones clients set.</summary>
public sealed class WebDavProperties(WebDavPaths paths, DeadProperties dead)
{
    private static readonly XNamespace Dav = WebDavXml.Dav;
    private static readonly FileExtensionContentTypeProvider ContentTypes = new();

    private static readonly XName[] LiveNames =
    [
        Dav + "resourcetype", Dav + "displayname", Dav + "getcontentlength", Dav + "getlastmodified",
        Dav + "creationdate", Dav + "getetag", Dav + "getcontenttype", Dav + "supportedlock",
    ];

    public async Task PropFindAsync(HttpContext context, WebDavTarget target)
    {
        if (!target.Exists)
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        var depth = context.Request.Headers["Depth"].ToString();
        if (depth is "infinity" or "")
        {
            // Walking a whole photo library for one request is a denial of service; RFC 4918 lets servers refuse it.
            await WebDavXml.WriteAsync(context.Response, StatusCodes.Status403Forbidden, new XElement(Dav + "error", new XElement(Dav + "propfind-finite-depth")));
            return;
        }

        var (wellFormed, body) = await ReadBodyAsync(context);
        if (!wellFormed)
        {
            return;
        }

        var request = body?.Root;
        if (request is not null && request.Name != Dav + "propfind")
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        var named = request?.Element(Dav + "prop")?.Elements().Select(e => e.Name).ToList();
        var namesOnly = request?.Element(Dav + "propname") is not null;
        var entries = new List<WebDavTarget> { target };
        if (depth == "1" && target.IsCollection)
        {
            entries.AddRange(new DirectoryInfo(target.FullPath).EnumerateFileSystemInfos()
                .Where(i => i.LinkTarget is null)
                .OrderBy(i => i.Name, StringComparer.Ordinal)
                .Select(i => paths.Child(target, i.Name)));
        }

        var responses = entries.Select(entry => Response(entry, named, namesOnly)).ToList();
        await WebDavXml.WriteAsync(context.Response, StatusCodes.Status207MultiStatus, new XElement(Dav + "multistatus", responses));
    }

    public async Task PropPatchAsync(HttpContext context, WebDavTarget target)
    {
        if (!target.Exists)
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        var (wellFormed, body) = await ReadBodyAsync(context);
        if (!wellFormed)
        {
            return;
        }

        if (body?.Root is not { } update || update.Name != Dav + "propertyupdate")
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        var changes = new List<(XName Name, XElement? Value)>();
        foreach (var instruction in update.Elements())
        {
            var props = instruction.Element(Dav + "prop")?.Elements() ?? [];
            if (instruction.Name == Dav + "set")
            {
                changes.AddRange(props.Select(p => (p.Name, (XElement?)p)));
            }
            else if (instruction.Name == Dav + "remove")
            {
                changes.AddRange(props.Select(p => (p.Name, (XElement?)null)));
            }
        }

        var protectedNames = changes.Where(c => LiveNames.Contains(c.Name)).Select(c => c.Name).ToHashSet();
        XElement result;
        if (protectedNames.Count > 0)
        {
            // All or nothing: the live ones are refused, the rest fail with them.
            result = new XElement(Dav + "response", new XElement(Dav + "href", WebDavPaths.Href(target, target.IsCollection)),
                WebDavXml.PropStat(protectedNames.Select(n => new XElement(n)), 403),
                WebDavXml.PropStat(changes.Select(c => c.Name).Distinct().Where(n => !protectedNames.Contains(n)).Select(n => new XElement(n)), 424));
        }
        else
        {
            // 507: the server cannot record them (RFC 4918 9.2.1); here, the bound on what clients may store.
            var stored = dead.Apply(target.FullPath, changes);
            result = new XElement(Dav + "response", new XElement(Dav + "href", WebDavPaths.Href(target, target.IsCollection)),
                WebDavXml.PropStat(changes.Select(c => c.Name).Distinct().Select(n => new XElement(n)), stored ? 200 : 507));
        }

        await WebDavXml.WriteAsync(context.Response, StatusCodes.Status207MultiStatus, new XElement(Dav + "multistatus", result));
    }

    /// <summary>The request's XML body (null when empty); a malformed one is answered with 400 here.</summary>
    private static async Task<(bool WellFormed, XDocument? Body)> ReadBodyAsync(HttpContext context)
    {
        try
        {
            return (true, await WebDavXml.ReadAsync(context.Request, context.RequestAborted));
        }
        catch (XmlException)
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return (false, null);
        }
    }

    private XElement Response(WebDavTarget entry, List<XName>? named, bool namesOnly)
    {
        var collection = entry.IsCollection;
        var available = Live(entry, collection).Concat(dead.Get(entry.FullPath)).ToList();
        var response = new XElement(Dav + "response", new XElement(Dav + "href", WebDavPaths.Href(entry, collection)));
        if (namesOnly)
        {
            response.Add(WebDavXml.PropStat(available.Select(p => new XElement(p.Name)), 200));
        }
        else if (named is null)
        {
            response.Add(WebDavXml.PropStat(available, 200));
        }
        else
        {
            var found = named.Select(n => available.FirstOrDefault(p => p.Name == n)).Where(p => p is not null).Select(p => p!).ToList();
            var missing = named.Where(n => available.All(p => p.Name != n)).Select(n => new XElement(n)).ToList();
            if (found.Count > 0)
            {
                response.Add(WebDavXml.PropStat(found, 200));
            }

            if (missing.Count > 0)
            {
                response.Add(WebDavXml.PropStat(missing, 404));
            }
        }

        return response;
    }

    private static IEnumerable<XElement> Live(WebDavTarget entry, bool collection)
    {
        FileSystemInfo info = collection ? new DirectoryInfo(entry.FullPath) : new FileInfo(entry.FullPath);
        yield return new XElement(Dav + "resourcetype", collection ? new XElement(Dav + "collection") : null);
        yield return new XElement(Dav + "displayname", entry.IsMountRoot ? entry.Mount.Name : info.Name);
        yield return new XElement(Dav + "getlastmodified", info.LastWriteTimeUtc.ToString("R", CultureInfo.InvariantCulture));
        yield return new XElement(Dav + "creationdate", info.CreationTimeUtc.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
        yield return new XElement(Dav + "supportedlock");
        if (info is FileInfo file)
        {
            yield return new XElement(Dav + "getcontentlength", file.Length.ToString(CultureInfo.InvariantCulture));
            yield return new XElement(Dav + "getetag", ETag(file));
            yield return new XElement(Dav + "getcontenttype", ContentTypes.TryGetContentType(file.Name, out var type) ? type : "application/octet-stream");
        }
    }

    public static string ETag(FileInfo file) =>
        $"\"{file.Length:x}-{file.LastWriteTimeUtc.Ticks:x}\"";
}
