using Microsoft.AspNetCore.Http.HttpResults;
using Pixhaven.Core.Accounts;
using Pixhaven.Core.Media;
using Pixhaven.Core.Media.Video;
using Pixhaven.Core.Options;
using Pixhaven.Core.Places;
using Pixhaven.Core.Scanning;
using Pixhaven.Core.Search;
using Pixhaven.Core.Search.Query;

namespace Pixhaven.Api;

/// <summary>Browsing photos: pages newest first, one photo with all its metadata and files, and its original.</summary>
public static class PhotosApi
{
    public static RouteGroupBuilder MapPhotosApi(this RouteGroupBuilder api)
    {
        api.MapGet("/photos", ListPhotos).WithName("ListPhotos")
            .WithSummary("Photos matching the search 'q' in 'order'; pass the returned 'next' as 'after' for the following page");
        api.MapGet("/photos/facets", Facets).WithName("PhotoFacets")
            .WithSummary("The number of photos matching 'q' and counts per year, country, camera, label and album");
        api.MapGet("/photos/years", Years).WithName("PhotoYears")
            .WithSummary("The number of photos matching 'q' per year taken, newest year first: the facets' years, cheaper when they are not at hand");
        api.MapGet("/photos/{uid}/position", Position).WithName("PhotoPosition")
            .WithSummary("The photo's index among the photos matching 'q' in 'order' (how many come before it); 404 when they do not include it");
        api.MapGet("/photos/{uid}", GetPhoto).WithName("GetPhoto").WithSummary("One photo with all metadata and files");
        api.MapMethods("/photos/{uid}/download", [HttpMethods.Get, HttpMethods.Head], DownloadOriginal).WithName("DownloadOriginal")
            .WithSummary("The original file of a photo (its primary file, or the file given by 'file')");
        api.MapMethods("/dl/{hash}/{token}", [HttpMethods.Get, HttpMethods.Head], DownloadByHash).WithName("DownloadByHash").AllowAnonymous()
            .WithSummary("An original file by content hash and download token; no session needed, so links work in any download manager");
        api.MapMethods("/photos/{uid}/video", [HttpMethods.Get, HttpMethods.Head], PlayVideo).WithName("PlayVideo")
            .WithSummary("The photo's video (or a Live Photo's motion) in a form browsers play, transcoded once when needed; a video in "
                + "one of the 'codecs' this browser names beyond H.264, VP8, VP9 and AV1 (hevc) is sent as it is");
        api.MapMethods("/photos/{uid}/animation", [HttpMethods.Get, HttpMethods.Head], PlayAnimation).WithName("PlayAnimation")
            .WithSummary("An animated GIF or WebP as it is, for the viewer to play; 404 for any other photo");
        api.MapGet("/photos/{uid}/video/progress", VideoProgress).WithName("VideoProgress")
            .WithSummary("Whether the photo's video is being transcoded for browsers, and the share done: a player waiting for its video shows it");
        return api;
    }

    /// <summary>A transcode for browsers: running or not, waiting for its turn (transcode-limit), and the share done (0 to 1).</summary>
    public sealed record VideoConversion(bool Converting, bool Waiting, double? Done);

    public static async Task<Results<Ok<VideoConversion>, NotFound>> VideoProgress(string uid, PhotoSearch search, VideoTranscoder transcoder, CancellationToken cancellationToken) =>
        await search.FindAsync(uid, cancellationToken) is { } photo ? TypedResults.Ok(ConversionOf(photo, transcoder)) : TypedResults.NotFound();

    /// <summary>How far the transcode of the photo's video is: a video's transcode is keyed by its content, a motion photo's by its still's.</summary>
    internal static VideoConversion ConversionOf(Core.Model.Photo photo, VideoTranscoder transcoder)
    {
        var done = photo.Files.Where(f => (f.Type == Core.Model.MediaType.Video || f.EmbeddedVideo) && f.Hash is not null)
            .Select(f => transcoder.Progress(f.Hash!)).FirstOrDefault(p => p is not null);
        return new VideoConversion(done is not null, done < 0, done is null ? null : Math.Max(0, done.Value));
    }

    public static async Task<Results<PhysicalFileHttpResult, NotFound, ProblemHttpResult>> PlayVideo(
        string uid, string? codecs, PhotoSearch search, PixhavenOptions options, VideoTranscoder transcoder, MotionPhotoExtractor motion, CancellationToken cancellationToken) =>
        await VideoOfAsync(await search.FindAsync(uid, cancellationToken), codecs, options, transcoder, motion, cancellationToken);

    /// <summary>The photo's video as the browser plays it: its original, or the transcode made once; for the library and share links alike.</summary>
    internal static async Task<Results<PhysicalFileHttpResult, NotFound, ProblemHttpResult>> VideoOfAsync(
        Core.Model.Photo? photo, string? codecs, PixhavenOptions options, VideoTranscoder transcoder, MotionPhotoExtractor motion, CancellationToken cancellationToken)
    {
        var video = photo?.Files.Where(f => f.Type == Core.Model.MediaType.Video && !f.Missing && f.Hash is not null).OrderByDescending(f => f.Primary).FirstOrDefault();
        var browserCodecs = VideoTranscoder.BrowserCodecs(codecs);
        try
        {
            if (video is null && photo?.Files.FirstOrDefault(f => f.EmbeddedVideo && f.Hash is not null) is { } still && File.Exists(motion.CachePath(still.Hash!)))
            {
                var embedded = await transcoder.PlayableEmbeddedAsync(motion.CachePath(still.Hash!), still.Hash!, browserCodecs, cancellationToken);
                return TypedResults.PhysicalFile(embedded, "video/mp4", enableRangeProcessing: true);
            }

            if (video is null || OriginalPath(options, video.Path) is not { } path)
            {
                return TypedResults.NotFound();
            }

            return VideoTranscoder.IsPlayable(video.Format, video.Codec, browserCodecs)
                ? TypedResults.PhysicalFile(path, video.Mime ?? "video/mp4", enableRangeProcessing: true)
                : TypedResults.PhysicalFile(await transcoder.PlayableAsync(path, video.Hash!, cancellationToken), "video/mp4", enableRangeProcessing: true);
        }
        catch (InvalidDataException e)
        {
            return TypedResults.Problem(e.Message, statusCode: StatusCodes.Status422UnprocessableEntity);
        }
    }

    public static async Task<Results<PhysicalFileHttpResult, NotFound>> PlayAnimation(string uid, PhotoSearch search, PixhavenOptions options, CancellationToken cancellationToken) =>
        AnimationOf(await search.FindAsync(uid, cancellationToken), options);

    /// <summary>An animated GIF or WebP as it is; for the library and share links alike.</summary>
    internal static Results<PhysicalFileHttpResult, NotFound> AnimationOf(Core.Model.Photo? photo, PixhavenOptions options)
    {
        // One turned by hand is shown by its turned stills: its original lies on its side.
        return photo is { Animated: true, Rotation: 0 } && photo.Files.FirstOrDefault(f => f.Primary && !f.Missing) is { Mime: { } mime } primary
                                                        && OriginalPath(options, primary.Path) is { } path
            ? TypedResults.PhysicalFile(path, mime, enableRangeProcessing: true)
            : TypedResults.NotFound();
    }

    private static string? OriginalPath(PixhavenOptions options, string relative) =>
        SafePaths.ResolveFile(options.OriginalsFullPath, relative);

    /// <summary>The query string of a photo list. Settable properties rather than a positional record: the request
    /// delegate generator looks positional constructors up with <c>typeof(string?)</c>, which does not compile.</summary>
    public sealed record ListPhotosRequest
    {
        /// <summary>A search in the filter language, e.g. <c>label:cat year:2019 country:de</c>.</summary>
        public string? Q { get; init; }

        /// <summary>newest (default), oldest, added, edited, name, size, random or relevance.</summary>
        public string? Order { get; init; }

        /// <summary>Photos per page, 1 to 1000; default 100.</summary>
        public int? Count { get; init; }

        /// <summary>Cursor from the previous page's <c>next</c>.</summary>
        public string? After { get; init; }

        /// <summary>Seed of the random order.</summary>
        public int? Seed { get; init; }
    }

    public static async Task<Results<Ok<PhotoPage>, BadRequest<ApiError>>> ListPhotos(
        [AsParameters] ListPhotosRequest request, PhotoSearch search, CancellationToken cancellationToken)
    {
        if (request.Count is < 1 or > PhotoSearch.MaxCount)
        {
            return TypedResults.BadRequest(new ApiError($"count must be between 1 and {PhotoSearch.MaxCount}"));
        }

        if (SearchRequest.ParseOrder(request.Order) is not { } order)
        {
            return TypedResults.BadRequest(UnknownOrder);
        }

        try
        {
            var query = SearchQueryParser.Parse(request.Q);
            return TypedResults.Ok(await search.SearchAsync(new SearchRequest(query, order, request.Count ?? 100, request.After, request.Seed ?? 0), cancellationToken));
        }
        catch (SearchQueryException e)
        {
            return TypedResults.BadRequest(new ApiError(e.Message, e.Position));
        }
        catch (FormatException e)
        {
            return TypedResults.BadRequest(new ApiError(e.Message));
        }
    }

    /// <summary>A photo's index among a list's photos: how many come before it.</summary>
    public sealed record PhotoPosition(int Index);

    public static async Task<Results<Ok<PhotoPosition>, NotFound, BadRequest<ApiError>>> Position(
        string uid, string? q, string? order, int? seed, PhotoSearch search, CancellationToken cancellationToken)
    {
        if (SearchRequest.ParseOrder(order) is not { } parsedOrder)
        {
            return TypedResults.BadRequest(UnknownOrder);
        }

        try
        {
            return await search.PositionAsync(new SearchRequest(SearchQueryParser.Parse(q), parsedOrder, Seed: seed ?? 0), uid, cancellationToken) is { } index
                ? TypedResults.Ok(new PhotoPosition(index))
                : TypedResults.NotFound();
        }
        catch (SearchQueryException e)
        {
            return TypedResults.BadRequest(new ApiError(e.Message, e.Position));
        }
    }

    private static ApiError UnknownOrder =>
        new($"order must be one of {string.Join(", ", Enum.GetNames<PhotoOrder>().SkipLast(1)).ToLowerInvariant()}");

    public static async Task<Results<Ok<SearchFacets>, BadRequest<ApiError>>> Facets(string? q, PhotoSearch search, CancellationToken cancellationToken)
    {
        try
        {
            return TypedResults.Ok(await search.FacetsAsync(SearchQueryParser.Parse(q), cancellationToken));
        }
        catch (SearchQueryException e)
        {
            return TypedResults.BadRequest(new ApiError(e.Message, e.Position));
        }
    }

    public static async Task<Results<Ok<IReadOnlyList<FacetCount>>, BadRequest<ApiError>>> Years(string? q, PhotoSearch search, CancellationToken cancellationToken)
    {
        try
        {
            return TypedResults.Ok(await search.YearsAsync(SearchQueryParser.Parse(q), cancellationToken));
        }
        catch (SearchQueryException e)
        {
            return TypedResults.BadRequest(new ApiError(e.Message, e.Position));
        }
    }

    public static async Task<Results<Ok<PhotoDetails>, NotFound>> GetPhoto(string uid, PhotoSearch search, Gazetteer gazetteer, CancellationToken cancellationToken) =>
        await search.FindAsync(uid, cancellationToken) is { } photo ? TypedResults.Ok(PhotoDetails.From(photo, gazetteer.CountryName)) : TypedResults.NotFound();

    public static async Task<Results<PhysicalFileHttpResult, NotFound>> DownloadOriginal(
        string uid, long? file, PhotoSearch search, PixhavenOptions options, CancellationToken cancellationToken)
    {
        var photo = await search.FindAsync(uid, cancellationToken);
        var target = photo?.Files.FirstOrDefault(f => !f.Missing && (file is null ? f.Primary : f.Id == file));
        if (target is null)
        {
            return TypedResults.NotFound();
        }

        if (OriginalPath(options, target.Path) is not { } path)
        {
            return TypedResults.NotFound();
        }

        return TypedResults.PhysicalFile(path, target.Mime ?? "application/octet-stream", Path.GetFileName(path), enableRangeProcessing: true);
    }

    public static async Task<Results<PhysicalFileHttpResult, NotFound>> DownloadByHash(
        string hash, string token, PhotoSearch search, DownloadTokens downloads, PixhavenOptions options, CancellationToken cancellationToken)
    {
        if (!ContentHasher.IsValidHash(hash) || !await downloads.IsValidAsync(token, cancellationToken)
            || await search.FindFileAsync(hash, cancellationToken) is not { } file || OriginalPath(options, file.Path) is not { } path)
        {
            return TypedResults.NotFound();
        }

        return TypedResults.PhysicalFile(path, file.Mime ?? "application/octet-stream", Path.GetFileName(path), enableRangeProcessing: true);
    }
}
