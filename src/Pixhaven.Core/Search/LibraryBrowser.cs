using Microsoft.EntityFrameworkCore;
using Pixhaven.Core.Catalog;
using Pixhaven.Core.Media.Metadata;
using Pixhaven.Core.Model;
using Pixhaven.Core.Places;
using Pixhaven.Core.Search.Query;

namespace Pixhaven.Core.Search;

/// <summary>
/// The library's overviews, each for the photos of a search: the calendar, moments, places, labels, cameras, folders and map clusters.
/// Every overview is one grouped SQL query plus at most one lookup of the photos shown for the groups.
/// </summary>
public sealed class LibraryBrowser(IDbContextFactory<CatalogDbContext> contextFactory, ICatalogProvider provider, Gazetteer gazetteer, ResultCache cache)
{
    /// <summary>Most photo-search maps show at most a few hundred markers; more cost without helping.</summary>
    public const int MaxClusters = 2000;

    /// <summary>Photo counts per month, newest first, each with a cover; cached until the catalog changes.</summary>
    public Task<IReadOnlyList<CalendarMonth>> CalendarAsync(SearchQuery query, CancellationToken cancellationToken) =>
        cache.GetOrAddAsync("calendar:" + query.Text, () => ComputeCalendarAsync(query, cancellationToken), cancellationToken);

    public Task<IReadOnlyList<LabelCount>> LabelsAsync(SearchQuery query, CancellationToken cancellationToken) =>
        cache.GetOrAddAsync("labels:" + query.Text, () => ComputeLabelsAsync(query, cancellationToken), cancellationToken);

    /// <summary>
    /// Every camera model among the photos of a search with its photo count, most photos first; cached until the catalog
    /// changes. The facets list only the most common; this is the whole vocabulary, for the search bar's suggestions.
    /// </summary>
    public Task<IReadOnlyList<CameraCount>> CamerasAsync(SearchQuery query, CancellationToken cancellationToken) =>
        cache.GetOrAddAsync("cameras:" + query.Text, () => ComputeCamerasAsync(query, cancellationToken), cancellationToken);

    /// <summary>People with their photo counts among the photos of a search, most photos first; cached until the catalog changes.</summary>
    public Task<IReadOnlyList<PersonCount>> PeopleAsync(SearchQuery query, CancellationToken cancellationToken) =>
        cache.GetOrAddAsync("people:" + query.Text, () => ComputePeopleAsync(query, cancellationToken), cancellationToken);

    /// <summary>Moments of the photos of a search (see <see cref="Moments"/>), newest first; cached until the catalog changes.</summary>
    public Task<IReadOnlyList<Moment>> MomentsAsync(SearchQuery query, CancellationToken cancellationToken) =>
        cache.GetOrAddAsync("moments:" + query.Text, () => ComputeMomentsAsync(query, cancellationToken), cancellationToken);

    /// <summary>
    /// Photos with a position inside the box, grouped into grid cells that shrink as the zoom grows (256 px tiles, one
    /// cell per 64 px), for a map's markers. Longitudes west to east; a box across the antimeridian has west &gt; east.
    /// </summary>
    public Task<IReadOnlyList<PlaceCluster>> ClustersAsync(
        SearchQuery query, double west, double south, double east, double north, int zoom, CancellationToken cancellationToken) =>
        cache.GetOrAddAsync(
            string.Create(System.Globalization.CultureInfo.InvariantCulture, $"clusters:{west},{south},{east},{north},{zoom}:{query.Text}"),
            () => ComputeClustersAsync(query, west, south, east, north, zoom, cancellationToken), cancellationToken);

    private async Task<IReadOnlyList<CalendarMonth>> ComputeCalendarAsync(SearchQuery query, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var photos = await FilterAsync(db, query, cancellationToken);
        var months = await photos.GroupBy(p => new { p.TakenAt.Year, p.TakenAt.Month })
            .Select(g => new { g.Key.Year, g.Key.Month, Count = g.Count(), Cover = g.Max(p => p.Id) })
            .ToListAsync(cancellationToken);
        var covers = await Covers(db, months.Select(m => m.Cover), cancellationToken);
        return months.OrderByDescending(m => m.Year).ThenByDescending(m => m.Month)
            .Select(m => new CalendarMonth(m.Year, m.Month, m.Count, covers[m.Cover].Uid, covers[m.Cover].ThumbnailHash)).ToList();
    }

    private async Task<IReadOnlyList<Moment>> ComputeMomentsAsync(SearchQuery query, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        // Three small columns per placed photo; the runs are cut in memory, as SQL has no portable "gaps and islands".
        var points = await (await FilterAsync(db, query, cancellationToken)).Where(p => p.CountryCode != null)
            .Select(p => new Moments.Point(p.Id, p.TakenAt, p.CountryCode!, p.State)).ToListAsync(cancellationToken);
        var found = Moments.Find(points);
        var covers = await Covers(db, found.Select(m => m.Photos[m.Photos.Count / 2].Id), cancellationToken);
        return found.Select(m =>
        {
            var (start, end) = (m.Photos[0].TakenAt, m.Photos[^1].TakenAt);
            var cover = covers[m.Photos[m.Photos.Count / 2].Id];
            return new Moment(Moment.TitleOf(m.State, gazetteer.CountryName(m.CountryCode) ?? m.CountryCode, start, end), m.CountryCode, m.State,
                start, end, m.Photos.Count, cover.Uid, cover.ThumbnailHash, Moments.QueryFor(m.CountryCode, m.State, start, end));
        }).ToList();
    }

    /// <summary>Countries with their photo counts, most photos first, each with its regions; cached until the catalog changes.</summary>
    public Task<IReadOnlyList<PlaceCount>> PlacesAsync(SearchQuery query, CancellationToken cancellationToken) =>
        cache.GetOrAddAsync("places:" + query.Text, () => ComputePlacesAsync(query, cancellationToken), cancellationToken);

    private async Task<IReadOnlyList<PlaceCount>> ComputePlacesAsync(SearchQuery query, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var groups = await (await FilterAsync(db, query, cancellationToken)).Where(p => p.CountryCode != null)
            .GroupBy(p => new { p.CountryCode, p.State })
            .Select(g => new { g.Key.CountryCode, g.Key.State, Count = g.Count(), Cover = g.Max(p => p.Id) })
            .ToListAsync(cancellationToken);
        var covers = await Covers(db, groups.Select(g => g.Cover), cancellationToken);
        return groups.GroupBy(g => g.CountryCode!)
            .Select(country =>
            {
                var cover = covers[country.MaxBy(g => g.Count)!.Cover];
                var regions = country.Where(g => g.State is not null).OrderByDescending(g => g.Count).ThenBy(g => g.State, StringComparer.Ordinal)
                    .Select(g => new RegionCount(g.State!, g.Count)).ToList();
                return new PlaceCount(country.Key, gazetteer.CountryName(country.Key) ?? country.Key, country.Sum(g => g.Count), cover.Uid, cover.ThumbnailHash, regions);
            })
            .OrderByDescending(c => c.Count).ThenBy(c => c.Name, StringComparer.Ordinal).ToList();
    }

    private async Task<IReadOnlyList<LabelCount>> ComputeLabelsAsync(SearchQuery query, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var ids = (await FilterAsync(db, query, cancellationToken)).Select(p => p.Id);
        // Counted by the label's id and named afterwards: grouping a million rows by the joined names took twice as long.
        var counts = await db.PhotoLabels.Where(l => ids.Contains(l.PhotoId)).GroupBy(l => l.LabelId)
            .Select(g => new { LabelId = g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.LabelId, g => g.Count, cancellationToken);
        var labels = new List<LabelCount>();
        foreach (var chunk in counts.Keys.Chunk(500))
        {
            var named = await db.Labels.Where(l => chunk.Contains(l.Id)).Select(l => new { l.Id, l.Slug, l.Name }).ToListAsync(cancellationToken);
            labels.AddRange(named.Select(l => new LabelCount(l.Slug, l.Name, counts[l.Id])));
        }

        return labels.OrderByDescending(l => l.Count).ThenBy(l => l.Slug, StringComparer.Ordinal).ToList();
    }

    private async Task<IReadOnlyList<CameraCount>> ComputeCamerasAsync(SearchQuery query, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var cameras = await (await FilterAsync(db, query, cancellationToken)).Where(p => p.CameraModel != null)
            .GroupBy(p => new { p.CameraMake, p.CameraModel })
            .Select(g => new { g.Key.CameraMake, g.Key.CameraModel, Count = g.Count() }).ToListAsync(cancellationToken);
        return cameras.OrderByDescending(c => c.Count).ThenBy(c => c.CameraModel, StringComparer.Ordinal)
            .Select(c => new CameraCount(c.CameraMake, c.CameraModel!, CameraName.For(c.CameraMake, c.CameraModel) ?? c.CameraModel!, c.Count)).ToList();
    }

    private async Task<IReadOnlyList<PersonCount>> ComputePeopleAsync(SearchQuery query, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var ids = (await FilterAsync(db, query, cancellationToken)).Select(p => p.Id);
        var people = await db.Faces.Where(f => f.PersonId != null && ids.Contains(f.PhotoId)).GroupBy(f => f.PersonId!.Value)
            .Select(g => new { PersonId = g.Key, Count = g.Select(f => f.PhotoId).Distinct().Count(), Cover = g.Max(f => f.Id) })
            .ToListAsync(cancellationToken);
        // The newest marked face shows the person: one lookup for every cover, with its photo's shape for the crop.
        var covers = new Dictionary<long, PersonCount>();
        foreach (var chunk in people.Select(p => p.Cover).Chunk(500))
        {
            var faces = await db.Faces.Where(f => chunk.Contains(f.Id))
                .Select(f => new
                {
                    f.Id, f.Person!.Slug, f.Person.Name, f.Person.Hidden, f.Photo!.Uid, f.Photo.ThumbnailHash, PhotoWidth = f.Photo.Width, PhotoHeight = f.Photo.Height,
                    f.X, f.Y, f.Width, f.Height,
                })
                .ToListAsync(cancellationToken);
            foreach (var f in faces)
            {
                covers[f.Id] = new PersonCount(f.Slug, f.Name, 0, f.Uid, f.ThumbnailHash, f.PhotoWidth, f.PhotoHeight, new FaceBox(f.X, f.Y, f.Width, f.Height), f.Hidden);
            }
        }

        return people.Where(p => covers.ContainsKey(p.Cover)).Select(p => covers[p.Cover] with { Count = p.Count })
            .OrderByDescending(p => p.Count).ThenBy(p => p.Name, StringComparer.OrdinalIgnoreCase).ToList();
    }

    /// <summary>The folders directly inside <paramref name="parent"/> ("" for the top), each with the photos below it.</summary>
    public async Task<IReadOnlyList<FolderCount>> FoldersAsync(string parent, CancellationToken cancellationToken)
    {
        parent = parent.Trim('/');
        var prefix = parent.Length == 0 ? "" : parent + "/";
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var visible = (await FilterAsync(db, SearchQuery.Empty, cancellationToken)).Select(p => p.Id);
        // One row per photo file below the parent; the next path segment is cut in memory (SQL has no portable split).
        var paths = await db.Files.Where(f => f.Primary && f.PhotoId != null && visible.Contains(f.PhotoId.Value) && f.Path.StartsWith(prefix))
            .Select(f => f.Path).ToListAsync(cancellationToken);
        return paths.Select(p => p[prefix.Length..]).Where(rest => rest.Contains('/', StringComparison.Ordinal))
            .GroupBy(rest => rest[..rest.IndexOf('/', StringComparison.Ordinal)], StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.OrdinalIgnoreCase)
            .Select(g => new FolderCount(prefix + g.Key, g.Key, g.Count())).ToList();
    }

    private async Task<IReadOnlyList<PlaceCluster>> ComputeClustersAsync(
        SearchQuery query, double west, double south, double east, double north, int zoom, CancellationToken cancellationToken)
    {
        zoom = Math.Clamp(zoom, 0, 20);
        var cell = 360.0 / (1 << zoom) / 4;
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var photos = (await FilterAsync(db, query, cancellationToken)).Where(p => p.Latitude != null && p.Latitude >= south && p.Latitude <= north);
        photos = west <= east
            ? photos.Where(p => p.Longitude >= west && p.Longitude <= east)
            : photos.Where(p => p.Longitude >= west || p.Longitude <= east);
        // Shifted to positive values so the integer cast floors; cells stay aligned across requests.
        var cells = await photos
            .GroupBy(p => new { Row = (int)((p.Latitude!.Value + 90) / cell), Column = (int)((p.Longitude!.Value + 180) / cell) })
            .Select(g => new { Count = g.Count(), Lat = g.Average(p => p.Latitude!.Value), Lng = g.Average(p => p.Longitude!.Value), Sample = g.Max(p => p.Id) })
            .OrderByDescending(g => g.Count).Take(MaxClusters)
            .ToListAsync(cancellationToken);
        var samples = await Covers(db, cells.Select(c => c.Sample), cancellationToken);
        return cells.Select(c => new PlaceCluster(Math.Round(c.Lat, 6), Math.Round(c.Lng, 6), c.Count, samples[c.Sample].Uid, samples[c.Sample].ThumbnailHash)).ToList();
    }

    private Task<IQueryable<Photo>> FilterAsync(CatalogDbContext db, SearchQuery query, CancellationToken cancellationToken) =>
        new PhotoFilter(db, provider, gazetteer.CountryCodeOf).ApplyAsync(db.Photos.AsNoTracking(), query, forPages: false, cancellationToken);

    private static async Task<Dictionary<long, (string Uid, string? ThumbnailHash)>> Covers(CatalogDbContext db, IEnumerable<long> ids, CancellationToken cancellationToken)
    {
        var result = new Dictionary<long, (string, string?)>();
        foreach (var chunk in ids.Distinct().Chunk(500))
        {
            foreach (var photo in await db.Photos.Where(p => chunk.Contains(p.Id)).Select(p => new { p.Id, p.Uid, p.ThumbnailHash }).ToListAsync(cancellationToken))
            {
                result[photo.Id] = (photo.Uid, photo.ThumbnailHash);
            }
        }

        return result;
    }
}
