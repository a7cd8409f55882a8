using System.Security.Claims;
using System.Text;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.StaticFiles;
using Pixhaven.Core.Accounts;
using Pixhaven.Core.Jobs;
using Pixhaven.Core.Media;
using Pixhaven.Core.Media.Detection;
using Pixhaven.Core.Model;
using Pixhaven.Core.Options;
using Pixhaven.Core.Organizing;
using Pixhaven.Security;

namespace Pixhaven.WebDav;

/// <summary>
/// WebDAV (RFC 4918, class 1) for sync clients under <c>/webdav</c>: <c>originals</c> read-only, <c>import</c>
/// read-write, where uploads are imported after a quiet pause. Authenticated with app passwords over HTTP basic.
/// Written here because no maintained WebDAV server library exists for ASP.NET Core; litmus checks it.
/// </summary>
public sealed class WebDavHandler(WebDavPaths paths, WebDavProperties properties, DeadProperties dead, ImportAfterUpload importer,
    WebDavEntries entries, PixhavenOptions options, IHostApplicationLifetime lifetime)
{
    private const string Allowed = "OPTIONS, GET, HEAD, PUT, DELETE, MKCOL, COPY, MOVE, PROPFIND, PROPPATCH";
    private static readonly FileExtensionContentTypeProvider ContentTypes = new();

    public async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        var response = context.Response;
        if (context.User.Identity?.IsAuthenticated != true)
        {
            await context.ChallengeAsync();
            return;
        }

        if (!TokenScopes.Allows(context.User.FindFirstValue(SessionClaims.Scopes) ?? "", TokenScopes.WebDav))
        {
            response.StatusCode = StatusCodes.Status403Forbidden;
            return;
        }

        response.Headers["DAV"] = "1";
        response.Headers["MS-Author-Via"] = "DAV";
        if (HttpMethods.IsOptions(request.Method))
        {
            response.Headers.Allow = Allowed;
            return;
        }

        var relative = request.Path.Value ?? "";
        if (relative.Trim('/').Length == 0)
        {
            await RootAsync(context);
            return;
        }

        if (paths.Resolve(relative) is not { } target)
        {
            response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        if (target.Mount.Name == WebDavPaths.Import)
        {
            importer.ClientBusy();
        }

        var reading = HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || request.Method == "PROPFIND";
        if (!reading && (!target.Mount.Writable || !CanWrite(context.User)))
        {
            response.StatusCode = StatusCodes.Status403Forbidden;
            await response.WriteAsync(target.Mount.Writable ? "your account may not change files" : $"{target.Mount.Name} is read-only");
            return;
        }

        switch (request.Method)
        {
            case "GET" or "HEAD": await GetAsync(context, target); break;
            case "PUT": await PutAsync(context, target); break;
            case "DELETE": await DeleteAsync(context, target); break;
            case "MKCOL": await MakeCollectionAsync(context, target); break;
            case "COPY" or "MOVE": await CopyOrMoveAsync(context, target, move: request.Method == "MOVE"); break;
            case "PROPFIND": await properties.PropFindAsync(context, target); break;
            case "PROPPATCH": await properties.PropPatchAsync(context, target); break;
            default:
                response.StatusCode = StatusCodes.Status405MethodNotAllowed;
                response.Headers.Allow = Allowed;
                break;
        }
    }

    private static bool CanWrite(ClaimsPrincipal user) =>
        Enum.TryParse<UserRole>(user.FindFirstValue(ClaimTypes.Role), out var role) && role >= UserRole.User;

    /// <summary>The top level lists the mounts.</summary>
    private async Task RootAsync(HttpContext context)
    {
        if (context.Request.Method != "PROPFIND")
        {
            context.Response.StatusCode = HttpMethods.IsGet(context.Request.Method) ? StatusCodes.Status200OK : StatusCodes.Status405MethodNotAllowed;
            if (HttpMethods.IsGet(context.Request.Method))
            {
                await context.Response.WriteAsync(string.Join('\n', paths.Mounts.Select(m => m.Name + "/")));
            }

            return;
        }

        var dav = WebDavXml.Dav;
        var entries = new List<System.Xml.Linq.XElement>
        {
            new(dav + "response", new System.Xml.Linq.XElement(dav + "href", WebDavPaths.Prefix + "/"),
                WebDavXml.PropStat([new(dav + "resourcetype", new System.Xml.Linq.XElement(dav + "collection")), new(dav + "displayname", "Pixhaven")], 200)),
        };
        if (context.Request.Headers["Depth"] == "1")
        {
            entries.AddRange(paths.Mounts.Select(m => new System.Xml.Linq.XElement(dav + "response",
                new System.Xml.Linq.XElement(dav + "href", $"{WebDavPaths.Prefix}/{m.Name}/"),
                WebDavXml.PropStat([new(dav + "resourcetype", new System.Xml.Linq.XElement(dav + "collection")), new(dav + "displayname", m.Name)], 200))));
        }

        await WebDavXml.WriteAsync(context.Response, StatusCodes.Status207MultiStatus, new System.Xml.Linq.XElement(dav + "multistatus", entries));
    }

    private static async Task GetAsync(HttpContext context, WebDavTarget target)
    {
        if (target.IsCollection)
        {
            // A plain list for a browser that opens a folder; clients use PROPFIND.
            context.Response.ContentType = "text/plain; charset=utf-8";
            var names = new DirectoryInfo(target.FullPath).EnumerateFileSystemInfos().Where(i => i.LinkTarget is null)
                .Select(i => i is DirectoryInfo ? i.Name + "/" : i.Name).Order(StringComparer.Ordinal);
            await context.Response.WriteAsync(string.Join('\n', names));
            return;
        }

        if (!target.IsFile)
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        var file = new FileInfo(target.FullPath);
        var type = ContentTypes.TryGetContentType(file.Name, out var known) ? known : "application/octet-stream";
        await TypedResults.PhysicalFile(file.FullName, type, lastModified: file.LastWriteTimeUtc,
            entityTag: new Microsoft.Net.Http.Headers.EntityTagHeaderValue(WebDavProperties.ETag(file)), enableRangeProcessing: true).ExecuteAsync(context);
    }

    private async Task PutAsync(HttpContext context, WebDavTarget target)
    {
        if (target.IsCollection || target.IsMountRoot)
        {
            context.Response.StatusCode = StatusCodes.Status405MethodNotAllowed;
            return;
        }

        if (!Directory.Exists(Path.GetDirectoryName(target.FullPath)))
        {
            context.Response.StatusCode = StatusCodes.Status409Conflict;
            return;
        }

        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = options.UploadMaxMegabytes * 1024L * 1024;
        }

        var existed = target.IsFile;
        // Written beside the target and renamed over it: a dropped connection never leaves half a photo to import.
        var partial = Path.Combine(Path.GetDirectoryName(target.FullPath)!, $".{Path.GetFileName(target.FullPath)}.{Guid.NewGuid():N}.part");
        try
        {
            await using (var output = new FileStream(partial, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true))
            {
                await context.Request.Body.CopyToAsync(output, context.RequestAborted);
            }

            if (!UploadChecks.Accepts(partial, target.FullPath))
            {
                context.Response.StatusCode = StatusCodes.Status415UnsupportedMediaType;
                await context.Response.WriteAsync("the content is not the photo or video its name says; nothing was stored");
                return;
            }

            if (existed && target.Mount.Name == WebDavPaths.Originals)
            {
                await entries.RemoveAsync(target, context.RequestAborted); // the replaced original goes to the trash
            }

            File.Move(partial, target.FullPath, overwrite: target.Mount.Name != WebDavPaths.Originals);
        }
        finally
        {
            if (File.Exists(partial))
            {
                WebDavEntries.RemoveFile(partial);
            }
        }

        context.Response.StatusCode = existed ? StatusCodes.Status204NoContent : StatusCodes.Status201Created;
        importer.Uploaded(lifetime.ApplicationStopping);
    }

    private async Task DeleteAsync(HttpContext context, WebDavTarget target)
    {
        if (target.IsMountRoot)
        {
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            return;
        }

        if (!target.Exists)
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        await entries.RemoveAsync(target, context.RequestAborted);
        dead.Delete(target.FullPath);
        context.Response.StatusCode = StatusCodes.Status204NoContent;
    }

    private static async Task MakeCollectionAsync(HttpContext context, WebDavTarget target)
    {
        if (context.Request.ContentLength > 0 || context.Request.Headers.TransferEncoding.Count > 0)
        {
            context.Response.StatusCode = StatusCodes.Status415UnsupportedMediaType;
            return;
        }

        if (target.Exists)
        {
            context.Response.StatusCode = StatusCodes.Status405MethodNotAllowed;
            return;
        }

        if (!Directory.Exists(Path.GetDirectoryName(target.FullPath)))
        {
            context.Response.StatusCode = StatusCodes.Status409Conflict;
            return;
        }

        Directory.CreateDirectory(target.FullPath);
        context.Response.StatusCode = StatusCodes.Status201Created;
        await Task.CompletedTask;
    }

    private async Task CopyOrMoveAsync(HttpContext context, WebDavTarget source, bool move)
    {
        var response = context.Response;
        if (!source.Exists)
        {
            response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        var destinationHeader = context.Request.Headers["Destination"].ToString();
        var destinationPath = Uri.TryCreate(destinationHeader, UriKind.Absolute, out var uri) ? uri.AbsolutePath
            : destinationHeader.StartsWith('/') ? destinationHeader : null;
        if (destinationPath is null || !destinationPath.StartsWith(WebDavPaths.Prefix + "/", StringComparison.Ordinal))
        {
            response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        if (paths.Resolve(destinationPath[WebDavPaths.Prefix.Length..]) is not { } destination || destination.IsMountRoot || source.IsMountRoot)
        {
            response.StatusCode = StatusCodes.Status403Forbidden;
            return;
        }

        if (destination.Mount != source.Mount)
        {
            response.StatusCode = StatusCodes.Status502BadGateway;
            return;
        }

        if (destination.FullPath == source.FullPath
            || destination.FullPath.StartsWith(source.FullPath + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            response.StatusCode = StatusCodes.Status403Forbidden;
            return;
        }

        if (!Directory.Exists(Path.GetDirectoryName(destination.FullPath)))
        {
            response.StatusCode = StatusCodes.Status409Conflict;
            return;
        }

        var existed = destination.Exists;
        if (existed)
        {
            if (context.Request.Headers["Overwrite"].ToString().Equals("F", StringComparison.OrdinalIgnoreCase))
            {
                response.StatusCode = StatusCodes.Status412PreconditionFailed;
                return;
            }

            await entries.RemoveAsync(destination, context.RequestAborted);
            dead.Delete(destination.FullPath);
        }

        if (move)
        {
            WebDavEntries.Move(source, destination);
            dead.Move(source.FullPath, destination.FullPath);
        }
        else
        {
            var shallow = context.Request.Headers["Depth"].ToString() == "0";
            WebDavEntries.Copy(source.FullPath, destination.FullPath, shallow);
            dead.Copy(source.FullPath, destination.FullPath);
        }

        response.StatusCode = existed ? StatusCodes.Status204NoContent : StatusCodes.Status201Created;
        if (destination.Mount.Writable)
        {
            importer.Uploaded(lifetime.ApplicationStopping);
        }
    }
}
