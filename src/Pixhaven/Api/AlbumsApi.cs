using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Pixhaven.Core.Organizing;
using Pixhaven.Core.Search;

namespace Pixhaven.Api;

/// <summary>Albums: list, create, rename, delete; add, remove and order their photos; choose the cover.</summary>
public static class AlbumsApi
{
    public static RouteGroupBuilder MapAlbumsApi(this RouteGroupBuilder api)
    {
        api.MapGet("/albums", List).WithName("ListAlbums").WithSummary("Every album by title, with photo count and cover");
        api.MapPost("/albums", Create).WithName("CreateAlbum").WithSummary("Create an empty album");
        api.MapGet("/albums/{uid}", Get).WithName("GetAlbum").WithSummary("One album");
        api.MapPatch("/albums/{uid}", Update).WithName("UpdateAlbum").WithSummary("Rename an album, change its description or cover");
        api.MapDelete("/albums/{uid}", Delete).WithName("DeleteAlbum").WithSummary("Delete an album; its photos stay in the library");
        api.MapGet("/albums/{uid}/photos", Photos).WithName("ListAlbumPhotos").WithSummary("The album's photos in album order, paged");
        api.MapGet("/albums/{uid}/photos/{photo}/position", Position).WithName("AlbumPhotoPosition")
            .WithSummary("The photo's index in album order (how many come before it); 404 when the album does not hold it");
        api.MapPost("/albums/{uid}/photos", Add).WithName("AddAlbumPhotos").WithSummary("Append photos to the album");
        api.MapDelete("/albums/{uid}/photos", Remove).WithName("RemoveAlbumPhotos").WithSummary("Take photos out of the album");
        api.MapPut("/albums/{uid}/order", Reorder).WithName("OrderAlbumPhotos").WithSummary("Put the given photos first, in this order");
        return api;
    }

    /// <summary>Title and description of a new or changed album, and the uid of its cover photo.</summary>
    public sealed record AlbumRequest(string? Title, string? Description, string? Cover);

    public static async Task<Ok<IReadOnlyList<AlbumSummary>>> List(AlbumService albums, CancellationToken cancellationToken) =>
        TypedResults.Ok(await albums.ListAsync(cancellationToken));

    public static async Task<Results<Created<AlbumSummary>, BadRequest<ApiError>>> Create(AlbumRequest request, AlbumService albums, CancellationToken cancellationToken)
    {
        try
        {
            var album = await albums.CreateAsync(request.Title ?? "", request.Description, cancellationToken);
            return TypedResults.Created($"/api/v1/albums/{album.Uid}", album);
        }
        catch (OrganizeException e)
        {
            return TypedResults.BadRequest(new ApiError(e.Message));
        }
    }

    public static async Task<Results<Ok<AlbumSummary>, NotFound>> Get(string uid, AlbumService albums, CancellationToken cancellationToken) =>
        await albums.FindAsync(uid, cancellationToken) is { } album ? TypedResults.Ok(album) : TypedResults.NotFound();

    public static async Task<Results<Ok<AlbumSummary>, NotFound, BadRequest<ApiError>>> Update(
        string uid, AlbumRequest request, AlbumService albums, CancellationToken cancellationToken)
    {
        try
        {
            return await albums.UpdateAsync(uid, request.Title, request.Description, request.Cover, cancellationToken) is { } album
                ? TypedResults.Ok(album)
                : TypedResults.NotFound();
        }
        catch (OrganizeException e)
        {
            return TypedResults.BadRequest(new ApiError(e.Message));
        }
    }

    public static async Task<Results<NoContent, NotFound>> Delete(string uid, AlbumService albums, CancellationToken cancellationToken) =>
        await albums.DeleteAsync(uid, cancellationToken) ? TypedResults.NoContent() : TypedResults.NotFound();

    public static async Task<Results<Ok<PhotoPage>, NotFound, BadRequest<ApiError>>> Photos(
        string uid, int? count, string? after, AlbumService albums, CancellationToken cancellationToken)
    {
        try
        {
            return await albums.PhotosAsync(uid, count ?? 100, after, cancellationToken) is { } page ? TypedResults.Ok(page) : TypedResults.NotFound();
        }
        catch (FormatException e)
        {
            return TypedResults.BadRequest(new ApiError(e.Message));
        }
    }

    public static async Task<Results<Ok<PhotosApi.PhotoPosition>, NotFound>> Position(
        string uid, string photo, AlbumService albums, CancellationToken cancellationToken) =>
        await albums.PositionAsync(uid, photo, cancellationToken) is { } index ? TypedResults.Ok(new PhotosApi.PhotoPosition(index)) : TypedResults.NotFound();

    public static Task<Results<Ok<OrganizeApi.BatchResult>, NotFound, BadRequest<ApiError>>> Add(
        string uid, OrganizeApi.Selection request, AlbumService albums, CancellationToken cancellationToken) =>
        Change(() => albums.AddAsync(uid, request.Photos ?? [], cancellationToken));

    public static Task<Results<Ok<OrganizeApi.BatchResult>, NotFound, BadRequest<ApiError>>> Remove(
        string uid, [FromBody] OrganizeApi.Selection request, AlbumService albums, CancellationToken cancellationToken) =>
        Change(() => albums.RemoveAsync(uid, request.Photos ?? [], cancellationToken));

    public static async Task<Results<NoContent, NotFound>> Reorder(
        string uid, OrganizeApi.Selection request, AlbumService albums, CancellationToken cancellationToken) =>
        await albums.ReorderAsync(uid, request.Photos ?? [], cancellationToken) ? TypedResults.NoContent() : TypedResults.NotFound();

    private static async Task<Results<Ok<OrganizeApi.BatchResult>, NotFound, BadRequest<ApiError>>> Change(Func<Task<int?>> action)
    {
        try
        {
            return await action() is { } count ? TypedResults.Ok(new OrganizeApi.BatchResult(count)) : TypedResults.NotFound();
        }
        catch (OrganizeException e)
        {
            return TypedResults.BadRequest(new ApiError(e.Message));
        }
    }
}
