using Microsoft.AspNetCore.Http.HttpResults;
using Pixhaven.Core.Organizing;
using Pixhaven.Core.Places;
using Pixhaven.Core.Search;

namespace Pixhaven.Api;

/// <summary>Editing and organising photos: edit one, or edit, archive, restore and delete a selection.</summary>
public static class OrganizeApi
{
    public static RouteGroupBuilder MapOrganizeApi(this RouteGroupBuilder api)
    {
        api.MapPatch("/photos/{uid}", EditPhoto).WithName("EditPhoto")
            .WithSummary("Change a photo's title, description, keywords, time, place, camera or flags; a manual edit survives re-indexing");
        api.MapPost("/batch/photos/edit", EditSelection).WithName("EditSelection").WithSummary("Apply one edit to every photo of a selection");
        api.MapPost("/batch/photos/archive", ArchiveSelection).WithName("ArchiveSelection").WithSummary("Archive photos: hidden everywhere, restorable");
        api.MapPost("/batch/photos/restore", RestoreSelection).WithName("RestoreSelection").WithSummary("Restore archived photos");
        api.MapPost("/batch/photos/delete", DeleteSelection).WithName("DeleteSelection")
            .WithSummary("Delete archived photos from the library; originals stay where they are and are not indexed again unless they change");
        return api;
    }

    /// <summary>A selection of photos by uid.</summary>
    public sealed record Selection(IReadOnlyList<string>? Photos);

    /// <summary>A selection and the edit for all of them.</summary>
    public sealed record SelectionEdit(IReadOnlyList<string>? Photos, PhotoEdit? Values);

    /// <summary>How many photos a batch request changed.</summary>
    public sealed record BatchResult(int Count);

    public static async Task<Results<Ok<PhotoDetails>, NotFound, BadRequest<ApiError>>> EditPhoto(
        string uid, PhotoEdit edit, PhotoEditor editor, PhotoSearch search, Gazetteer gazetteer, CancellationToken cancellationToken)
    {
        try
        {
            if (await editor.EditAsync([uid], edit, cancellationToken) == 0)
            {
                return TypedResults.NotFound();
            }
        }
        catch (OrganizeException e)
        {
            return TypedResults.BadRequest(new ApiError(e.Message));
        }

        return TypedResults.Ok(PhotoDetails.From((await search.FindAsync(uid, cancellationToken))!, gazetteer.CountryName));
    }

    public static Task<Results<Ok<BatchResult>, BadRequest<ApiError>>> EditSelection(SelectionEdit request, PhotoEditor editor, CancellationToken cancellationToken) =>
        Run(request.Photos, photos => editor.EditAsync(photos, request.Values ?? new PhotoEdit(), cancellationToken));

    public static Task<Results<Ok<BatchResult>, BadRequest<ApiError>>> ArchiveSelection(Selection request, PhotoEditor editor, CancellationToken cancellationToken) =>
        Run(request.Photos, photos => editor.ArchiveAsync(photos, cancellationToken));

    public static Task<Results<Ok<BatchResult>, BadRequest<ApiError>>> RestoreSelection(Selection request, PhotoEditor editor, CancellationToken cancellationToken) =>
        Run(request.Photos, photos => editor.RestoreAsync(photos, cancellationToken));

    public static Task<Results<Ok<BatchResult>, BadRequest<ApiError>>> DeleteSelection(Selection request, PhotoEditor editor, CancellationToken cancellationToken) =>
        Run(request.Photos, photos => editor.DeleteAsync(photos, cancellationToken));

    private static async Task<Results<Ok<BatchResult>, BadRequest<ApiError>>> Run(IReadOnlyList<string>? photos, Func<IReadOnlyList<string>, Task<int>> action)
    {
        try
        {
            return TypedResults.Ok(new BatchResult(await action(photos ?? [])));
        }
        catch (OrganizeException e)
        {
            return TypedResults.BadRequest(new ApiError(e.Message));
        }
    }
}
