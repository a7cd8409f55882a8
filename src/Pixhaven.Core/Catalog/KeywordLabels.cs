using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Pixhaven.Core.Model;

namespace Pixhaven.Core.Catalog;

/// <summary>
/// Keeps each photo's labels equal to its keywords, inside the same save: whoever changes keywords (indexer, sidecar,
/// edit) gets the labels right without remembering to. Labels from other sources (classifiers, Auto) are left alone.
/// </summary>
internal static class KeywordLabels
{
    public static async Task SyncAsync(CatalogDbContext db, CancellationToken cancellationToken)
    {
        var changed = db.ChangeTracker.Entries<Photo>()
            .Where(e => e.State == EntityState.Added || (e.State == EntityState.Modified && KeywordsChanged(e)))
            .Select(e => e.Entity).ToList();
        if (changed.Count == 0)
        {
            return;
        }

        var wanted = changed.ToDictionary(p => p, p => Split(p.Keywords));
        var slugs = wanted.Values.SelectMany(k => k.Keys).Distinct().ToList();
        var labels = db.ChangeTracker.Entries<Label>().Select(e => e.Entity).ToDictionary(l => l.Slug);
        foreach (var chunk in slugs.Where(s => !labels.ContainsKey(s)).Chunk(500))
        {
            foreach (var label in await db.Labels.Where(l => chunk.Contains(l.Slug)).ToListAsync(cancellationToken))
            {
                labels[label.Slug] = label;
            }
        }

        var existingIds = changed.Where(p => p.Id > 0).Select(p => p.Id).ToList();
        var existing = existingIds.Count == 0
            ? []
            : await db.PhotoLabels.Include(l => l.Label).Where(l => existingIds.Contains(l.PhotoId) && l.Source != MetadataSource.Auto)
                .ToListAsync(cancellationToken);

        foreach (var photo in changed)
        {
            var keep = wanted[photo];
            foreach (var old in existing.Where(l => l.PhotoId == photo.Id && photo.Id > 0))
            {
                if (!keep.Remove(old.Label!.Slug))
                {
                    db.PhotoLabels.Remove(old);
                }
                else
                {
                    old.Source = photo.KeywordsSource;
                }
            }

            foreach (var (slug, name) in keep)
            {
                if (!labels.TryGetValue(slug, out var label))
                {
                    label = new Label { Slug = slug, Name = name };
                    labels[slug] = label;
                    db.Labels.Add(label);
                }

                db.PhotoLabels.Add(new PhotoLabel { Photo = photo, Label = label, Source = photo.KeywordsSource });
            }
        }
    }

    private static bool KeywordsChanged(EntityEntry<Photo> entry) => entry.Property(p => p.Keywords).IsModified;

    private static Dictionary<string, string> Split(string? keywords)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var keyword in (keywords ?? "").Split([',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var slug = Label.SlugOf(keyword);
            if (slug.Length is > 0 and <= 256)
            {
                result.TryAdd(slug, keyword);
            }
        }

        return result;
    }
}
