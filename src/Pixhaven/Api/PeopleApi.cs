using Microsoft.AspNetCore.Http.HttpResults;
using Pixhaven.Core.Organizing;
using Pixhaven.Core.Search;
using Pixhaven.Core.Search.Query;

namespace Pixhaven.Api;

/// <summary>People whose faces are marked on photos: list them with a face to show, rename or merge them.</summary>
public static class PeopleApi
{
    public static RouteGroupBuilder MapPeopleApi(this RouteGroupBuilder api)
    {
        api.MapGet("/people", List).WithName("ListPeople")
            .WithSummary("People with their photo counts, most photos first, each with a face to show (its photo and its box in fractions of the picture)");
        api.MapPatch("/people/{slug}", Rename).WithName("RenamePerson")
            .WithSummary("Rename a person; a name another person has merges the two. Answers the person as listed now");
        return api;
    }

    /// <summary>The new name of a person.</summary>
    public sealed record PersonRename(string? Name);

    public static async Task<Results<Ok<IReadOnlyList<PersonCount>>, BadRequest<ApiError>>> List(string? q, LibraryBrowser browser, CancellationToken cancellationToken) =>
        await BrowseApi.WithQuery(q, query => browser.PeopleAsync(query, cancellationToken));

    public static async Task<Results<Ok<PersonCount>, NotFound, BadRequest<ApiError>>> Rename(
        string slug, PersonRename request, PeopleService people, LibraryBrowser browser, CancellationToken cancellationToken)
    {
        try
        {
            if (await people.RenameAsync(slug, request.Name ?? "", cancellationToken) is not { } now)
            {
                return TypedResults.NotFound();
            }

            var listed = (await browser.PeopleAsync(SearchQuery.Empty, cancellationToken)).FirstOrDefault(p => p.Slug == now);
            return listed is null ? TypedResults.NotFound() : TypedResults.Ok(listed);
        }
        catch (OrganizeException e)
        {
            return TypedResults.BadRequest(new ApiError(e.Message));
        }
    }
}
