using Microsoft.EntityFrameworkCore;
using Pixhaven.Core.Catalog;
using Pixhaven.Core.Media.Metadata;
using Pixhaven.Core.Model;

namespace Pixhaven.Core.Organizing;

/// <summary>Renames and hides people; a new name that another person already has merges the two.</summary>
public sealed class PeopleService(IDbContextFactory<CatalogDbContext> contextFactory)
{
    /// <summary>
    /// Hides the person with <paramref name="slug"/> from the People view, or shows them again; returns the slug to
    /// find them by, or null when there is no such person.
    /// </summary>
    public async Task<string?> SetHiddenAsync(string slug, bool hidden, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var person = await db.People.FirstOrDefaultAsync(p => p.Slug == slug, cancellationToken);
        if (person is null)
        {
            return null;
        }

        // A merged person is shown as the one they were merged into, so that one is hidden.
        if (person.MergedIntoId is { } into && await db.People.FindAsync([into], cancellationToken) is { } target)
        {
            person = target;
        }

        person.Hidden = hidden;
        await db.SaveChangesAsync(cancellationToken);
        return person.Slug;
    }

    /// <summary>Renames the person with <paramref name="slug"/> and returns the slug to find them by now, or null when there is no such person.</summary>
    /// <remarks>
    /// The person keeps the slug of the files' name, so re-indexing a file with that name still finds them. A name
    /// that is already another person's moves every face to that person: naming two people alike is how they merge.
    /// </remarks>
    public async Task<string?> RenameAsync(string slug, string name, CancellationToken cancellationToken)
    {
        var clean = FaceRegion.Create(name, 0, 0, 1, 1)?.Name ?? throw new OrganizeException("a person's name must not be empty");
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var person = await db.People.FirstOrDefaultAsync(p => p.Slug == slug, cancellationToken);
        if (person is null)
        {
            return null;
        }

        var wantedSlug = Label.SlugOf(clean);
        var others = await db.People.Where(p => p.Id != person.Id && p.MergedIntoId == null).Select(p => new { p.Id, p.Slug, p.Name }).ToListAsync(cancellationToken);
        var namesake = others.FirstOrDefault(p => p.Slug == wantedSlug) ?? others.FirstOrDefault(p => Label.SlugOf(p.Name) == wantedSlug);
        if (namesake is not null)
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await db.Faces.Where(f => f.PersonId == person.Id).ExecuteUpdateAsync(s => s.SetProperty(f => f.PersonId, namesake.Id), cancellationToken);
            // Earlier merges into this person now point at the namesake too.
            await db.People.Where(p => p.MergedIntoId == person.Id).ExecuteUpdateAsync(s => s.SetProperty(p => p.MergedIntoId, namesake.Id), cancellationToken);
            // Kept, pointing at the namesake, so that a file that still says the old name does not bring them back apart.
            (person.Name, person.NameSource, person.MergedIntoId) = (namesake.Name, MetadataSource.Manual, namesake.Id);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return namesake.Slug;
        }

        (person.Name, person.NameSource) = (clean, MetadataSource.Manual);
        await db.SaveChangesAsync(cancellationToken);
        return person.Slug;
    }
}
