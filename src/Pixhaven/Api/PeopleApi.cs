using Microsoft.AspNetCore.Http.HttpResults;
using Pixhaven.Core.Organizing;
using Pixhaven.Core.Search;
using Pixhaven.Core.Search.Query;

namespace Pixhaven.Api;

/// <summary>People whose faces are marked on photos: list them with a face to show, rename, merge or hide them.</summary>
public static class PeopleApi
{
    public static RouteGroupBuilder MapPeopleApi(this RouteGroupBuilder api)
    {
        api.MapGet("/people", List).WithName("ListPeople")
            .WithSummary("People with their photo counts, most photos first, each with a face to show (its photo and its box in fractions of the picture)");
        api.MapPatch("/people/{slug}", Change).WithName("ChangePerson")
            .WithSummary("Rename a person (a name another person has merges the two), or hide them from the People view. Answers the person as listed now");
        return api;
    }

    /// <summary>What to change of a person: the shown name, whether the People view leaves them out, or both.</summary>
    public sealed record PersonChange(string? Name, bool? Hidden);

    public static async Task<Results<Ok<IReadOnlyList<PersonCount>>, BadRequest<ApiError>>> List(string? q, LibraryBrowser browser, CancellationToken cancellationToken) =>
        await BrowseApi.WithQuery(q, query => browser.PeopleAsync(query, cancellationToken));

    public static async Task<Results<Ok<PersonCount>, NotFound, BadRequest<ApiError>>> Change(
        string slug, PersonChange request, PeopleService people, LibraryBrowser browser, CancellationToken cancellationToken)
    {
        if (request is { Name: null, Hidden: null })
        {
            return TypedResults.BadRequest(new ApiError("nothing to change: give a name, hidden, or both"));
        }

        try
        {
            string? now = slug;
            if (request.Name is not null)
            {
                now = await people.RenameAsync(slug, request.Name ?? "", cancellationToken);
            }

            if (now is not null && request.Hidden is { } hidden)
            {
                now = await people.SetHiddenAsync(now, hidden, cancellationToken);
            }

            var listed = now is null ? null : (await browser.PeopleAsync(SearchQuery.Empty, cancellationToken)).FirstOrDefault(p => p.Slug == now);
            return listed is null ? TypedResults.NotFound() : TypedResults.Ok(listed);
        }
        catch (OrganizeException e)
        {
            return TypedResults.BadRequest(new ApiError(e.Message));
        }
    }
}
