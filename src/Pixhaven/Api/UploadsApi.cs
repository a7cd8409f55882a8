using System.Globalization;
using System.Security.Claims;
using System.Text;
using Microsoft.AspNetCore.Http.Features;
using Pixhaven.Core.Jobs;
using Pixhaven.Core.Options;
using Pixhaven.Security;

namespace Pixhaven.Api;

/// <summary>
/// Resumable uploads into the import inbox, speaking the tus 1.0.0 protocol (core and creation, with termination), so
/// any tus client resumes an upload after a dropped connection or a reload: POST creates, HEAD says how far it got,
/// PATCH appends from there. The web app's Upload dialog uses tus-js-client.
/// </summary>
public static class UploadsApi
{
    private const string TusVersion = "1.0.0";

    /// <summary>One PATCH carries at most this much; clients send chunks (the web app: 8 MB).</summary>
    private const long MaxChunk = 64L * 1024 * 1024;

    public static RouteGroupBuilder MapUploadsApi(this RouteGroupBuilder api)
    {
        api.MapMethods("/uploads", [HttpMethods.Options], Describe).WithName("DescribeUploads").RequireAuthorization(AuthPolicies.Organize)
            .WithSummary("tus: the protocol version, extensions and largest upload");
        api.MapPost("/uploads", Create).WithName("CreateUpload").RequireAuthorization(AuthPolicies.Organize)
            .WithSummary("tus: start a resumable upload (Upload-Length; Upload-Metadata with filename and folder); Location says where to send it");
        api.MapMethods("/uploads/{id}", [HttpMethods.Head], Offset).WithName("GetUploadOffset").RequireAuthorization(AuthPolicies.Organize)
            .WithSummary("tus: how many bytes of the upload the server has (Upload-Offset)");
        api.MapPatch("/uploads/{id}", AppendAsync).WithName("AppendUpload").RequireAuthorization(AuthPolicies.Organize)
            .WithSummary("tus: send bytes from Upload-Offset; the complete file moves into the import inbox");
        api.MapDelete("/uploads/{id}", Terminate).WithName("CancelUpload").RequireAuthorization(AuthPolicies.Organize)
            .WithSummary("tus: cancel an upload and drop its bytes");
        return api;
    }

    private static IResult Describe(HttpContext context, PixhavenOptions options)
    {
        Headers(context);
        context.Response.Headers["Tus-Version"] = TusVersion;
        context.Response.Headers["Tus-Extension"] = "creation,termination";
        context.Response.Headers["Tus-Max-Size"] = (options.UploadMaxMegabytes * 1024L * 1024).ToString(CultureInfo.InvariantCulture);
        return TypedResults.NoContent();
    }

    /// <summary>Upload-Length and Upload-Metadata (filename, and the folder of this batch in the inbox) start an upload.</summary>
    private static IResult Create(HttpContext context, PartialUploads uploads, ClaimsPrincipal user, TimeProvider time)
    {
        Headers(context);
        if (!long.TryParse(context.Request.Headers["Upload-Length"], NumberStyles.None, CultureInfo.InvariantCulture, out var length))
        {
            return Refuse("Upload-Length is missing or not a number");
        }

        var metadata = Metadata(context.Request.Headers["Upload-Metadata"].ToString());
        try
        {
            var upload = uploads.Create(user.UserUid() ?? "", metadata.GetValueOrDefault("folder", "uploads"), metadata.GetValueOrDefault("filename", ""), length,
                time.GetUtcNow().UtcDateTime);
            context.Response.Headers.Location = $"/api/v1/uploads/{upload.Id}";
            return TypedResults.StatusCode(StatusCodes.Status201Created);
        }
        catch (UploadTooLargeException e)
        {
            return TypedResults.Json(new ApiError(e.Message), statusCode: StatusCodes.Status413RequestEntityTooLarge);
        }
        catch (UploadException e)
        {
            return Refuse(e.Message);
        }
    }

    private static IResult Offset(string id, HttpContext context, PartialUploads uploads, ClaimsPrincipal user)
    {
        Headers(context);
        context.Response.Headers.CacheControl = "no-store";
        if (uploads.Find(id, user.UserUid() ?? "") is not var (upload, offset))
        {
            return TypedResults.NotFound();
        }

        context.Response.Headers["Upload-Offset"] = offset.ToString(CultureInfo.InvariantCulture);
        context.Response.Headers["Upload-Length"] = upload.Length.ToString(CultureInfo.InvariantCulture);
        return TypedResults.Ok();
    }

    private static async Task<IResult> AppendAsync(
        string id, HttpContext context, PartialUploads uploads, ClaimsPrincipal user, ImportAfterUpload importer, IHostApplicationLifetime lifetime)
    {
        Headers(context);
        if (context.Request.ContentType != "application/offset+octet-stream")
        {
            return TypedResults.StatusCode(StatusCodes.Status415UnsupportedMediaType);
        }

        if (!long.TryParse(context.Request.Headers["Upload-Offset"], NumberStyles.None, CultureInfo.InvariantCulture, out var offset))
        {
            return Refuse("Upload-Offset is missing or not a number");
        }

        if (uploads.Find(id, user.UserUid() ?? "") is not var (upload, _))
        {
            return TypedResults.NotFound();
        }

        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = MaxChunk;
        }

        try
        {
            var reached = await uploads.AppendAsync(upload, offset, context.Request.Body, context.RequestAborted);
            context.Response.Headers["Upload-Offset"] = reached.ToString(CultureInfo.InvariantCulture);
            if (reached == upload.Length)
            {
                if (uploads.Complete(upload, UploadChecks.Accepts) is null)
                {
                    return TypedResults.Json(new ApiError("the content is not the photo or video its name says; nothing was stored"),
                        statusCode: StatusCodes.Status415UnsupportedMediaType);
                }

                importer.Uploaded(lifetime.ApplicationStopping);
            }

            return TypedResults.NoContent();
        }
        catch (UploadConflictException)
        {
            return TypedResults.Conflict(new ApiError("Upload-Offset is not where the upload stands; ask with HEAD"));
        }
        catch (UploadException e)
        {
            return Refuse(e.Message);
        }
    }

    private static IResult Terminate(string id, HttpContext context, PartialUploads uploads, ClaimsPrincipal user)
    {
        Headers(context);
        if (uploads.Find(id, user.UserUid() ?? "") is null)
        {
            return TypedResults.NotFound();
        }

        uploads.Remove(id);
        return TypedResults.NoContent();
    }

    private static void Headers(HttpContext context) => context.Response.Headers["Tus-Resumable"] = TusVersion;

    private static IResult Refuse(string message) => TypedResults.BadRequest(new ApiError(message));

    /// <summary>tus metadata: comma-separated "key base64value" pairs.</summary>
    private static Dictionary<string, string> Metadata(string header)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in header.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var parts = pair.Split(' ', 2);
            try
            {
                values[parts[0]] = parts.Length == 2 ? Encoding.UTF8.GetString(Convert.FromBase64String(parts[1])) : "";
            }
            catch (FormatException)
            {
                // A value that is not base64 is left out; a missing file name is refused when the upload is made.
            }
        }

        return values;
    }
}
