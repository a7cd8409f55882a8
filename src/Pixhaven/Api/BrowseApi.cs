using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Pixhaven.Core.Search;
using Pixhaven.Core.Search.Query;

namespace Pixhaven.Api;

/// <summary>Overviews of the library for the calendar, labels, cameras, folders and map views; each takes an optional search.</summary>
public static class BrowseApi
{
    public static RouteGroupBuilder MapBrowseApi(this RouteGroupBuilder api)
    {
        api.MapGet("/calendar", Calendar).WithName("Calendar").WithSummary("Photo counts per month, newest first, with a cover each");
        api.MapGet("/moments", MomentsList).WithName("ListMoments")
            .WithSummary("Moments: photos taken in one place without a gap of more than two days, at least three, newest first, each with the search that lists them");
        api.MapGet("/places", Places).WithName("ListPlaces")
            .WithSummary("Countries with photo counts, most photos first, each with a cover and its regions");
        api.MapGet("/labels", Labels).WithName("ListLabels").WithSummary("Labels with their photo counts, most used first");
        api.MapGet("/cameras", Cameras).WithName("ListCameras")
            .WithSummary("Every camera model with its photo count, most used first: the model as the files name it, and the camera's name as people know it");
        api.MapGet("/folders", Folders).WithName("ListFolders").WithSummary("The folders inside 'path' under originals, with photo counts");
        api.MapGet("/places/clusters", Clusters).WithName("PlaceClusters")
            .WithSummary("Photos with a position in the box 'bbox' (west,south,east,north) grouped for map markers at 'zoom'");
        return api;
    }

    public static async Task<Results<Ok<IReadOnlyList<Moment>>, BadRequest<ApiError>>> MomentsList(string? q, LibraryBrowser browser, CancellationToken cancellationToken) =>
        await WithQuery(q, query => browser.MomentsAsync(query, cancellationToken));

    public static async Task<Results<Ok<IReadOnlyList<PlaceCount>>, BadRequest<ApiError>>> Places(string? q, LibraryBrowser browser, CancellationToken cancellationToken) =>
        await WithQuery(q, query => browser.PlacesAsync(query, cancellationToken));

    public static async Task<Results<Ok<IReadOnlyList<CalendarMonth>>, BadRequest<ApiError>>> Calendar(string? q, LibraryBrowser browser, CancellationToken cancellationToken) =>
        await WithQuery(q, query => browser.CalendarAsync(query, cancellationToken));

    public static async Task<Results<Ok<IReadOnlyList<LabelCount>>, BadRequest<ApiError>>> Labels(string? q, LibraryBrowser browser, CancellationToken cancellationToken) =>
        await WithQuery(q, query => browser.LabelsAsync(query, cancellationToken));

    public static async Task<Results<Ok<IReadOnlyList<CameraCount>>, BadRequest<ApiError>>> Cameras(string? q, LibraryBrowser browser, CancellationToken cancellationToken) =>
        await WithQuery(q, query => browser.CamerasAsync(query, cancellationToken));

    public static async Task<Ok<IReadOnlyList<FolderCount>>> Folders(string? path, LibraryBrowser browser, CancellationToken cancellationToken) =>
        TypedResults.Ok(await browser.FoldersAsync(path ?? "", cancellationToken));

    /// <param name="bbox">west,south,east,north in degrees; the whole world when left out.</param>
    /// <param name="zoom">Map zoom level, 0 (world) to 20.</param>
    /// <param name="q">A search to restrict the photos.</param>
    public static async Task<Results<Ok<IReadOnlyList<PlaceCluster>>, BadRequest<ApiError>>> Clusters(
        string? bbox, int? zoom, string? q, LibraryBrowser browser, CancellationToken cancellationToken)
    {
        var box = (bbox ?? "-180,-90,180,90").Split(',');
        var numbers = box.Select(v => double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out var n) && double.IsFinite(n) ? n : double.NaN).ToArray();
        if (numbers.Length != 4 || numbers.Any(double.IsNaN) || Math.Abs(numbers[1]) > 90 || Math.Abs(numbers[3]) > 90 || numbers[1] > numbers[3]
            || Math.Abs(numbers[0]) > 180 || Math.Abs(numbers[2]) > 180)
        {
            return TypedResults.BadRequest(new ApiError("bbox must be west,south,east,north in degrees"));
        }

        return await WithQuery(q, query => browser.ClustersAsync(query, numbers[0], numbers[1], numbers[2], numbers[3], zoom ?? 0, cancellationToken));
    }

    /// <summary>Runs an overview for a search, or answers 400 with where the search is wrong.</summary>
    internal static async Task<Results<Ok<T>, BadRequest<ApiError>>> WithQuery<T>(string? q, Func<SearchQuery, Task<T>> run)
    {
        try
        {
            return TypedResults.Ok(await run(SearchQueryParser.Parse(q)));
        }
        catch (SearchQueryException e)
        {
            return TypedResults.BadRequest(new ApiError(e.Message, e.Position));
        }
    }
}
