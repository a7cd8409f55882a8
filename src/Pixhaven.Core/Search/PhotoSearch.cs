using System.Globalization;
using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Pixhaven.Core.Catalog;
using Pixhaven.Core.Media.Metadata;
using Pixhaven.Core.Model;
using Pixhaven.Core.Places;
using Pixhaven.Core.Search.Query;

namespace Pixhaven.Core.Search;

/// <summary>
/// Runs searches: the query's filter, then one of the sort orders with keyset paging. Every order pages by
/// (sort key, id), so the thousandth page costs what the first does.
/// </summary>
public sealed class PhotoSearch(
    IDbContextFactory<CatalogDbContext> contextFactory, ICatalogProvider provider, Gazetteer gazetteer, ResultCache cache, LibraryBrowser browser)
{
    public const int MaxCount = 1000;

    public async Task<PhotoPage> SearchAsync(SearchRequest request, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var photos = await FilterAsync(db, request.Query, cancellationToken);
        var count = Math.Clamp(request.Count, 1, MaxCount);
        return request.Order == PhotoOrder.Relevance && request.Query.Texts.FirstOrDefault(t => !t.Negated) is { } text
            ? await RelevancePageAsync(db, photos, text, request, count, cancellationToken)
            : await InOrder(request, new Paging(photos, request, count, cancellationToken));
    }

    /// <summary>
    /// How many photos come before this one among a search's photos in its order (its index in the pages), or null when
    /// the search does not hold it: a link to a photo deep in a view opens it among its neighbours.
    /// </summary>
    public async Task<int?> PositionAsync(SearchRequest request, string uid, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var photos = await FilterAsync(db, request.Query, cancellationToken);
        if (request.Order == PhotoOrder.Relevance && request.Query.Texts.FirstOrDefault(t => !t.Negated) is { } text)
        {
            var ranked = photos.Join(Filter(db).Matches(text.Text), p => p.Id, h => h.Id, (p, h) => new { Photo = p, h.Rank });
            var mine = await ranked.Where(x => x.Photo.Uid == uid).Select(x => new { x.Photo.Id, x.Rank }).FirstOrDefaultAsync(cancellationToken);
            return mine is null ? null
                : await ranked.CountAsync(x => x.Rank < mine.Rank || (x.Rank == mine.Rank && x.Photo.Id < mine.Id), cancellationToken);
        }

        // A ladder is used when it is at hand: the whole library's (kept by the overview warmer), or a search's built
        // after an earlier link. Building one reads all the search's photos, so never while a link waits: a photo found
        // deep by a full count has one built behind it, for the next link into the same view.
        var ladderKey = LadderKey(request);
        var timeOrder = TimeOrder(request.Order);
        var ladder = timeOrder is not null ? await cache.TryGetAsync<PositionLadder>(ladderKey, cancellationToken) : null;
        var position = await InOrder(request, new Positioning(photos, uid, ladder, cancellationToken));
        if (ladder is null && position > 10 * PositionLadder.DefaultStep && timeOrder is var (behindKey, behindDescending))
        {
            _ = Task.Run(async () =>
            {
                try
                {
                    await LadderAsync(ladderKey, request.Query, behindKey, behindDescending, CancellationToken.None);
                }
                catch (Exception)
                {
                    // Only a shortcut for later links is lost: the next deep link counts in full and tries again.
                }
            }, CancellationToken.None);
        }

        return position;
    }

    /// <summary>Builds the whole library's ladder for its default order, newest first, ahead of the first link to a photo.</summary>
    public Task WarmPositionsAsync(CancellationToken cancellationToken)
    {
        var request = new SearchRequest(SearchQuery.Empty, PhotoOrder.Newest);
        var (key, descending) = TimeOrder(request.Order)!.Value;
        return LadderAsync(LadderKey(request), request.Query, key, descending, cancellationToken);
    }

    // Relevance without a word to rank by is newest first, and shares its ladder.
    private static string LadderKey(SearchRequest request) =>
        $"ladder:{(request.Order == PhotoOrder.Relevance ? PhotoOrder.Newest : request.Order)}:{request.Query.Text}";

    private Task<PositionLadder> LadderAsync(
        string cacheKey, SearchQuery query, Expression<Func<Photo, DateTime>> key, bool descending, CancellationToken cancellationToken) =>
        cache.GetOrAddAsync(cacheKey, async () =>
        {
            await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
            var photos = await FilterAsync(db, query, cancellationToken);
            return await PositionLadder.BuildAsync(photos, key, descending, PositionLadder.DefaultStep, cancellationToken);
        }, cancellationToken);

    /// <summary>Work done in a sort order, whatever the type of its key: a page, or a photo's place among the pages.</summary>
    private interface IOrdered<T>
    {
        Task<T> RunAsync<TKey>(Expression<Func<Photo, TKey>> key, bool descending);
    }

    private static Task<T> InOrder<T>(SearchRequest request, IOrdered<T> work) => TimeOrder(request.Order) is var (time, descending)
        ? work.RunAsync(time, descending)
        : request.Order switch
    {
        PhotoOrder.Name => work.RunAsync(p => p.Files.Where(f => f.Primary).Select(f => f.Path).FirstOrDefault() ?? "", false),
        PhotoOrder.Size => work.RunAsync(p => p.Files.Where(f => f.Primary).Select(f => f.Size).FirstOrDefault(), true),
        PhotoOrder.Random => work.RunAsync(Shuffle(request.Seed), false),
        _ => throw new ArgumentOutOfRangeException(nameof(request), request.Order, null),
    };

    /// <summary>The orders by a time, which a <see cref="PositionLadder"/> can stand beside; null for the others.</summary>
    private static (Expression<Func<Photo, DateTime>> Key, bool Descending)? TimeOrder(PhotoOrder order) => order switch
    {
        // Relevance without a word to rank by is newest first.
        PhotoOrder.Newest or PhotoOrder.Relevance => (p => p.TakenAtUtc, true),
        PhotoOrder.Oldest => (p => p.TakenAtUtc, false),
        PhotoOrder.Added => (p => p.CreatedAt, true),
        PhotoOrder.Edited => (p => p.UpdatedAt, true),
        _ => null,
    };

    private sealed class Paging(IQueryable<Photo> photos, SearchRequest request, int count, CancellationToken cancellationToken) : IOrdered<PhotoPage>
    {
        public Task<PhotoPage> RunAsync<TKey>(Expression<Func<Photo, TKey>> key, bool descending) =>
            PageAsync(photos, key, descending, request, count, cancellationToken);
    }

    /// <summary>A photo's index among the pages: from the ladder of the order when given, else counted in full.</summary>
    private sealed class Positioning(IQueryable<Photo> photos, string uid, PositionLadder? ladder, CancellationToken cancellationToken) : IOrdered<int?>
    {
        public async Task<int?> RunAsync<TKey>(Expression<Func<Photo, TKey>> key, bool descending)
        {
            var mine = await photos.Where(p => p.Uid == uid).Select(Row(key)).FirstOrDefaultAsync(cancellationToken);
            if (mine is null)
            {
                return null;
            }

            // Its key goes through a cursor's text, so that it compares in SQL as a page's cursor does.
            var value = ParseKey<TKey>(FormatKey(mine.Key));
            if (ladder is not null && value is DateTime at)
            {
                return await ladder.PositionAsync(photos, at, mine.Id, cancellationToken);
            }

            return await photos.CountAsync(After(key, !descending, value, mine.Id), cancellationToken);
        }
    }

    /// <summary>How many photos match, and the counts per year, country, camera, label and album among them.</summary>
    public Task<SearchFacets> FacetsAsync(SearchQuery query, CancellationToken cancellationToken) =>
        cache.GetOrAddAsync("facets:" + query.Text, () => ComputeFacetsAsync(query, cancellationToken), cancellationToken);

    /// <summary>
    /// The counts per year of a search, newest year first: the facets' years when they are at hand, else a scan of the
    /// years alone (on a large library a third of the time of all the facets), for the date scrubber.
    /// </summary>
    public Task<IReadOnlyList<FacetCount>> YearsAsync(SearchQuery query, CancellationToken cancellationToken) =>
        // Kept under their own key, so that asking again looks at the catalog's change stamp once.
        cache.GetOrAddAsync("years:" + query.Text, async () =>
        {
            if (await cache.TryGetAsync<SearchFacets>("facets:" + query.Text, cancellationToken) is { } facets)
            {
                return facets.Years;
            }

            await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
            return await CountYearsAsync(await FilterAsync(db, query, cancellationToken), cancellationToken);
        }, cancellationToken);

    private static async Task<IReadOnlyList<FacetCount>> CountYearsAsync(IQueryable<Photo> photos, CancellationToken cancellationToken) =>
        (await photos.GroupBy(p => p.TakenAt.Year).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken))
        .OrderByDescending(y => y.Key).Select(y => new FacetCount(y.Key.ToString(CultureInfo.InvariantCulture), null, y.Count)).ToList();

    private async Task<SearchFacets> ComputeFacetsAsync(SearchQuery query, CancellationToken cancellationToken)
    {
        const int top = 50;

        // Each count scans every matching photo: on a large library, seconds each. Side by side, on connections of
        // their own, they take the time of the slowest on a machine with a core for each. On threads of their own too:
        // SQLite's async calls complete synchronously, so awaiting them alone would run the counts one after another.
        // The filter's lookups (a near: photo's position, how common a word is) are made once for all of them.
        (IReadOnlyDictionary<string, (double Lat, double Lng)> Positions, IReadOnlySet<string> CommonTexts) lookups;
        await using (var lookupDb = await contextFactory.CreateDbContextAsync(cancellationToken))
        {
            lookups = await Filter(lookupDb).LookUpAsync(query, forPages: true, cancellationToken);
        }

        Task<T> ScanAsync<T>(Func<CatalogDbContext, IQueryable<Photo>, Task<T>> count) => Task.Run(async () =>
        {
            await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
            return await count(db, Filter(db).Apply(db.Photos.AsNoTracking(), query, lookups.Positions, lookups.CommonTexts));
        }, cancellationToken);

        var total = ScanAsync((_, photos) => photos.CountAsync(cancellationToken));
        var years = ScanAsync((_, photos) => CountYearsAsync(photos, cancellationToken));
        var countries = ScanAsync(async (_, photos) =>
            (await photos.Where(p => p.CountryCode != null).GroupBy(p => p.CountryCode!)
                .Select(g => new { g.Key, Count = g.Count() }).OrderByDescending(g => g.Count).Take(top).ToListAsync(cancellationToken))
            .Select(c => new FacetCount(c.Key.ToLowerInvariant(), gazetteer.CountryName(c.Key), c.Count)).ToList());
        // The camera list is an overview of its own (every model, for the search bar), cached and warmed like the facets:
        // its head is the facet, so one scan serves both.
        var cameras = Task.Run(async () => (await browser.CamerasAsync(query, cancellationToken)).Take(top)
            .Select(c => new FacetCount(c.Model, CameraName.For(c.Make, c.Model), c.Count)).ToList(), cancellationToken);
        // So does the labels overview (every label, for the Labels view).
        var labels = Task.Run(async () => (await browser.LabelsAsync(query, cancellationToken)).Take(top)
            .Select(l => new FacetCount(l.Slug, l.Name, l.Count)).ToList(), cancellationToken);
        // Counted by the album's id and named afterwards, as grouping by the joined names takes twice as long.
        var albums = ScanAsync(async (db, photos) =>
        {
            var counts = await db.AlbumPhotos.Where(a => photos.Select(p => p.Id).Contains(a.PhotoId)).GroupBy(a => a.AlbumId)
                .Select(g => new { AlbumId = g.Key, Count = g.Count() }).OrderByDescending(g => g.Count).ThenBy(g => g.AlbumId).Take(top)
                .ToListAsync(cancellationToken);
            var ids = counts.Select(c => c.AlbumId).ToList();
            var named = await db.Albums.Where(a => ids.Contains(a.Id)).Select(a => new { a.Id, a.Uid, a.Title }).ToDictionaryAsync(a => a.Id, cancellationToken);
            return counts.Select(c => new FacetCount(named[c.AlbumId].Uid, named[c.AlbumId].Title, c.Count)).ToList();
        });

        await Task.WhenAll(total, years, countries, cameras, labels, albums);
        return new SearchFacets(await total, await years, await countries, await cameras, await labels, await albums);
    }

    public async Task<Photo?> FindAsync(string uid, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await db.Photos.AsNoTracking()
            .Include(p => p.Files.OrderByDescending(f => f.Primary).ThenBy(f => f.Path))
            .Include(p => p.Labels).ThenInclude(l => l.Label)
            .Include(p => p.Albums).ThenInclude(a => a.Album)
            .Include(p => p.Faces).ThenInclude(f => f.Person)
            .AsSplitQuery()
            .FirstOrDefaultAsync(p => p.Uid == uid, cancellationToken);
    }

    /// <summary>A present file with this content hash; the primary file of its photo when several share the content.</summary>
    public async Task<PhotoFile?> FindFileAsync(string hash, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await db.Files.AsNoTracking().Where(f => f.Hash == hash && !f.Missing && f.PhotoId != null)
            .OrderByDescending(f => f.Primary).ThenBy(f => f.Id).FirstOrDefaultAsync(cancellationToken);
    }

    private Task<IQueryable<Photo>> FilterAsync(CatalogDbContext db, SearchQuery query, CancellationToken cancellationToken) =>
        Filter(db).ApplyAsync(db.Photos.AsNoTracking(), query, forPages: true, cancellationToken);

    private PhotoFilter Filter(CatalogDbContext db) => new(db, provider, gazetteer.CountryCodeOf);

    private static Expression<Func<Photo, long>> Shuffle(int seed)
    {
        // Squaring an affine hash modulo a prime: a different, well-mixed permutation per seed, stable across pages,
        // computed in SQL (the products stay below 2^63).
        const long prime = 2_147_483_647L;
        var offset = (seed & 0x7FFFFFFF) * 1_234_567_891L % prime;
        return p => (p.Id * 1_000_000_007L + offset) % prime * ((p.Id * 1_000_000_007L + offset) % prime) % prime;
    }

    /// <summary>
    /// Best match first: a join with the full-text matches and their rank, paged by (rank, id). A join, because a rank
    /// looked up per photo would run the full-text query once per row.
    /// </summary>
    private async Task<PhotoPage> RelevancePageAsync(
        CatalogDbContext db, IQueryable<Photo> photos, TextTerm text, SearchRequest request, int count, CancellationToken cancellationToken)
    {
        var hits = Filter(db).Matches(text.Text);
        var ranked = photos.Join(hits, p => p.Id, h => h.Id, (p, h) => new { Photo = p, h.Rank });
        if (request.After is { } after)
        {
            var (key, id) = PageCursor.Decode(after, request.Order);
            var rank = ParseKey<double>(key);
            ranked = ranked.Where(x => x.Rank > rank || (x.Rank == rank && x.Photo.Id > id));
        }

        var rows = await ranked.OrderBy(x => x.Rank).ThenBy(x => x.Photo.Id).Take(count + 1)
            .Select(x => new
            {
                x.Photo.Id,
                x.Rank,
                Summary = new PhotoSummary(x.Photo.Uid, x.Photo.Type, x.Photo.TakenAt, x.Photo.Title, x.Photo.Width, x.Photo.Height, x.Photo.ThumbnailHash, x.Photo.Favorite,
                    x.Photo.Animated && x.Photo.Rotation == 0),
            })
            .ToListAsync(cancellationToken);
        var next = rows.Count > count ? PageCursor.Encode(request.Order, FormatKey(rows[count - 1].Rank), rows[count - 1].Id) : null;
        return new PhotoPage(rows.Take(count).Select(r => r.Summary).ToList(), next);
    }

    private static async Task<PhotoPage> PageAsync<TKey>(
        IQueryable<Photo> photos, Expression<Func<Photo, TKey>> key, bool descending, SearchRequest request, int count, CancellationToken cancellationToken)
    {
        if (request.After is { } after)
        {
            var (text, id) = PageCursor.Decode(after, request.Order);
            photos = photos.Where(After(key, descending, ParseKey<TKey>(text), id));
        }

        photos = descending
            ? photos.OrderByDescending(key).ThenByDescending(p => p.Id)
            : photos.OrderBy(key).ThenBy(p => p.Id);

        var rows = await photos.Take(count + 1).Select(Row(key)).ToListAsync(cancellationToken);
        var next = rows.Count > count ? PageCursor.Encode(request.Order, FormatKey(rows[count - 1].Key), rows[count - 1].Id) : null;
        return new PhotoPage(rows.Take(count).Select(r => r.Summary).ToList(), next);
    }

    private sealed record KeyedRow<TKey>(long Id, TKey Key, PhotoSummary Summary);

    private static Expression<Func<Photo, KeyedRow<TKey>>> Row<TKey>(Expression<Func<Photo, TKey>> key)
    {
        var photo = Expression.Parameter(typeof(Photo), "p");
        var constructor = typeof(KeyedRow<TKey>).GetConstructors()[0];
        var body = Expression.New(constructor,
            Expression.Property(photo, nameof(Photo.Id)),
            Predicates.Body(key, photo),
            Predicates.Body(PhotoSummary.FromPhoto, photo));
        return Expression.Lambda<Func<Photo, KeyedRow<TKey>>>(body, photo);
    }

    /// <summary>The rows strictly after (key, id) in the page order: key beyond, or the same key and id beyond.</summary>
    internal static Expression<Func<Photo, bool>> After<TKey>(Expression<Func<Photo, TKey>> key, bool descending, TKey value, long id)
    {
        var photo = Expression.Parameter(typeof(Photo), "p");
        var keyBody = Predicates.Body(key, photo);
        var constant = Expression.Constant(value, typeof(TKey));
        Expression beyond, same;
        if (typeof(TKey) == typeof(string))
        {
            var compare = Expression.Call(typeof(string).GetMethod(nameof(string.Compare), [typeof(string), typeof(string)])!, keyBody, constant);
            beyond = descending ? Expression.LessThan(compare, Expression.Constant(0)) : Expression.GreaterThan(compare, Expression.Constant(0));
            same = Expression.Equal(keyBody, constant);
        }
        else
        {
            beyond = descending ? Expression.LessThan(keyBody, constant) : Expression.GreaterThan(keyBody, constant);
            same = Expression.Equal(keyBody, constant);
        }

        var idBody = Expression.Property(photo, nameof(Photo.Id));
        var idBeyond = descending ? Expression.LessThan(idBody, Expression.Constant(id)) : Expression.GreaterThan(idBody, Expression.Constant(id));
        return Expression.Lambda<Func<Photo, bool>>(Expression.OrElse(beyond, Expression.AndAlso(same, idBeyond)), photo);
    }

    private static string FormatKey<TKey>(TKey key) => key switch
    {
        DateTime time => time.Ticks.ToString(CultureInfo.InvariantCulture),
        double number => number.ToString("R", CultureInfo.InvariantCulture),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => key?.ToString() ?? "",
    };

    private static TKey ParseKey<TKey>(string text)
    {
        object value = typeof(TKey) == typeof(DateTime) ? new DateTime(ParseLong(text), DateTimeKind.Utc)
            : typeof(TKey) == typeof(long) ? ParseLong(text)
            : typeof(TKey) == typeof(double) ? double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? d : throw new FormatException("invalid page cursor")
            : text;
        return (TKey)value;
    }

    private static long ParseLong(string text) =>
        long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n) && n >= 0 && n <= DateTime.MaxValue.Ticks
            ? n
            : throw new FormatException("invalid page cursor");
}
