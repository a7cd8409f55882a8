using Microsoft.EntityFrameworkCore;
using Pixhaven.Core.Media.Metadata;
using Pixhaven.Core.Model;

namespace Pixhaven.Core.Catalog;

/// <summary>
/// Keeps each photo's face rows equal to its face regions, inside the same save, like <see cref="KeywordLabels"/> does
/// for labels: a named region finds its person by the name's slug, or makes one. The regions are read off the picture
/// as its files show it; a photo the user turned (<see cref="Photo.Rotation"/>) has its boxes turned with it.
/// </summary>
internal static class FacePeople
{
    public static async Task SyncAsync(CatalogDbContext db, CancellationToken cancellationToken)
    {
        var changed = db.ChangeTracker.Entries<Photo>()
            .Where(e => (e.State == EntityState.Added && e.Entity.FaceRegions is not null)
                        || (e.State == EntityState.Modified && (e.Property(p => p.FaceRegions).IsModified || e.Property(p => p.Rotation).IsModified)))
            .Select(e => e.Entity).ToList();
        if (changed.Count == 0)
        {
            return;
        }

        var wanted = changed.ToDictionary(p => p, p => FaceRegion.Parse(p.FaceRegions).Select(r => r.Turned(p.Rotation)).ToList());
        var people = db.ChangeTracker.Entries<Person>().Select(e => e.Entity).ToDictionary(p => p.Slug);
        var slugs = wanted.Values.SelectMany(r => r).Select(r => r.Name).OfType<string>().Select(Label.SlugOf).Distinct().ToList();
        foreach (var chunk in slugs.Where(s => !people.ContainsKey(s)).Chunk(500))
        {
            foreach (var person in await db.People.Where(p => chunk.Contains(p.Slug)).ToListAsync(cancellationToken))
            {
                people[person.Slug] = person;
            }
        }

        // A person merged into another hands their faces on.
        var mergedInto = people.Values.Where(p => p.MergedIntoId is not null).Select(p => p.MergedIntoId!.Value).Distinct().ToList();
        var targets = mergedInto.Count == 0 ? [] : await db.People.Where(p => mergedInto.Contains(p.Id)).ToDictionaryAsync(p => p.Id, cancellationToken);
        foreach (var (slug, person) in people.Where(p => p.Value.MergedIntoId is not null).ToList())
        {
            if (targets.TryGetValue(person.MergedIntoId!.Value, out var target))
            {
                people[slug] = target;
            }
        }

        var existingIds = changed.Where(p => p.Id > 0).Select(p => p.Id).ToList();
        foreach (var chunk in existingIds.Chunk(500))
        {
            db.Faces.RemoveRange(await db.Faces.Where(f => chunk.Contains(f.PhotoId)).ToListAsync(cancellationToken));
        }

        foreach (var (photo, regions) in wanted)
        {
            foreach (var region in regions)
            {
                Person? person = null;
                if (region.Name is { } name && Label.SlugOf(name) is { Length: > 0 } slug && !people.TryGetValue(slug, out person))
                {
                    person = new Person { Slug = slug, Name = name, NameSource = photo.FacesSource };
                    people[slug] = person;
                    db.People.Add(person);
                }

                db.Faces.Add(new Face { Photo = photo, Person = person, X = region.X, Y = region.Y, Width = region.Width, Height = region.Height });
            }
        }
    }
}
