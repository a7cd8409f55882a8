using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Pixhaven.Core.Catalog;
using Pixhaven.Core.Model;
using Pixhaven.Core.Search.Query;

namespace Pixhaven.Core.Search;

/// <summary>
/// Turns a parsed query into a LINQ filter over photos that EF Core translates to one SQL statement. Terms are ANDed,
/// the values of one filter ORed, and a negated term wrapped in NOT. Private and archived photos stay out unless the
/// query names them.
/// </summary>
public sealed class PhotoFilter(CatalogDbContext db, ICatalogProvider provider, Func<string, string?> countryCodeOf)
{
    /// <summary>Default radius of <c>near:</c>, in km.</summary>
    public const double DefaultDistanceKm = 2;

    /// <param name="commonTexts">Free-text terms that match many photos (see <see cref="CommonTextThreshold"/>).</param>
    public IQueryable<Photo> Apply(
        IQueryable<Photo> photos, SearchQuery query, IReadOnlyDictionary<string, (double Lat, double Lng)>? photoPositions = null,
        IReadOnlySet<string>? commonTexts = null)
    {
        photos = photos.Where(p => !p.Missing);
        if (!query.Has(FilterKey.Archived))
        {
            photos = photos.Where(p => p.ArchivedAt == null);
        }

        if (!query.Has(FilterKey.Private) && !query.Has(FilterKey.Album))
        {
            photos = photos.Where(p => !p.Private);
        }

        var distance = query.Filters(FilterKey.Dist).SelectMany(t => t.Values).OfType<double>().LastOrDefault(DefaultDistanceKm);
        foreach (var term in query.Terms)
        {
            Expression<Func<Photo, bool>> predicate = term switch
            {
                TextTerm text => Text(text, commonTexts),
                FilterTerm { Filter.Key: FilterKey.Dist } => _ => true,
                FilterTerm filter => filter.Values.Select(v => Value(filter.Filter.Key, v, distance, photoPositions)).Aggregate((a, b) => a.Or(b)),
                _ => throw new InvalidOperationException(term.GetType().Name),
            };
            photos = photos.Where(term.Negated ? predicate.Not() : predicate);
        }

        return photos;
    }

    /// <summary>Above this many full-text matches, a page is found faster by walking the page order (see <see cref="Text"/>).</summary>
    public const int CommonTextThreshold = 2000;

    /// <summary>
    /// The filter for pages or overviews, after the lookups it needs: the positions of photos named by <c>near:</c>,
    /// and, for pages, which words match so many photos that walking the page order finds a page sooner.
    /// </summary>
    public async Task<IQueryable<Photo>> ApplyAsync(IQueryable<Photo> photos, SearchQuery query, bool forPages, CancellationToken cancellationToken)
    {
        var (positions, common) = await LookUpAsync(query, forPages, cancellationToken);
        return Apply(photos, query, positions, common);
    }

    /// <summary>What <see cref="ApplyAsync"/> looks up before it filters, for callers that filter several times alike.</summary>
    public async Task<(IReadOnlyDictionary<string, (double Lat, double Lng)> Positions, IReadOnlySet<string> CommonTexts)> LookUpAsync(
        SearchQuery query, bool forPages, CancellationToken cancellationToken)
    {
        // near:<uid> means "near that photo": look its position up first, so the filter stays one SQL statement.
        var uids = query.Filters(FilterKey.Near).SelectMany(t => t.Values).OfType<NearValue>().Select(n => n.PhotoUid).OfType<string>().ToList();
        var positions = uids.Count == 0
            ? new Dictionary<string, (double, double)>()
            : (await db.Photos.Where(p => uids.Contains(p.Uid) && p.Latitude != null)
                .Select(p => new { p.Uid, p.Latitude, p.Longitude }).ToListAsync(cancellationToken))
                .ToDictionary(p => p.Uid, p => (p.Latitude!.Value, p.Longitude!.Value));

        // Only when words alone narrow the search: with another filter beside them, walking the page order can pass most
        // of the library before a page fills, and the match list is the better driver.
        var common = new HashSet<string>(StringComparer.Ordinal);
        var wordsOnly = query.Terms.Where(t => !t.Negated).All(t => t is TextTerm);
        foreach (var text in query.Texts.Where(t => forPages && wordsOnly && !t.Negated).Select(t => t.Text).Distinct())
        {
            if (await Matches(text).Take(CommonTextThreshold + 1).CountAsync(cancellationToken) > CommonTextThreshold)
            {
                common.Add(text);
            }
        }

        return (positions, common);
    }

    /// <summary>The full-text matches of a word or (with a space) a phrase.</summary>
    public IQueryable<FullTextHit> Matches(string text) => provider.MatchText(db, text, phrase: text.Contains(' ', StringComparison.Ordinal));

    private Expression<Func<Photo, bool>> Text(TextTerm term, IReadOnlySet<string>? commonTexts)
    {
        // "Id IN (matches)", not "EXISTS (match where id = p.Id)": SQLite runs the full-text query once, not per row.
        var ids = Matches(term.Text).Select(h => h.Id);
        if (commonTexts?.Contains(term.Text) == true)
        {
            // With many matches, looking each one up and sorting them all costs more than walking the page order and
            // testing membership until a page is full. "Id + 0" keeps SQLite from driving the query by the match list.
            return p => ids.Contains(p.Id + 0);
        }

        return p => ids.Contains(p.Id);
    }

    private Expression<Func<Photo, bool>> Value(FilterKey key, object value, double distanceKm, IReadOnlyDictionary<string, (double Lat, double Lng)>? positions) =>
        (key, value) switch
        {
            (FilterKey.Label, TextValue v) => LabelMatch(v),
            (FilterKey.Album, TextValue v) => AlbumMatch(v),
            (FilterKey.Person, TextValue v) => PersonMatch(v),
            (FilterKey.Faces, bool b) => ((Expression<Func<Photo, bool>>)(p => p.Faces.Any())).When(b),
            (FilterKey.Year, NumberRange r) => YearRange(r),
            (FilterKey.Month, NumberRange r) => Between(r.Min, r.Max, p => (int?)p.TakenAt.Month),
            (FilterKey.Day, NumberRange r) => Between(r.Min, r.Max, p => (int?)p.TakenAt.Day),
            (FilterKey.Before, DateOnly d) => Before(d.ToDateTime(TimeOnly.MinValue)),
            (FilterKey.After, DateOnly d) => After(d.ToDateTime(TimeOnly.MinValue)),
            (FilterKey.Country, TextValue v) => Country(v.Text),
            (FilterKey.State, TextValue v) => Like(v, exactByDefault: true, p => p.State),
            (FilterKey.City, TextValue v) => Like(v, exactByDefault: true, p => p.City),
            (FilterKey.Camera, TextValue v) => Like(v, exactByDefault: false, p => p.CameraMake).Or(Like(v, exactByDefault: false, p => p.CameraModel)),
            (FilterKey.Lens, TextValue v) => Like(v, exactByDefault: false, p => p.Lens),
            (FilterKey.Title, TextValue v) => Like(v, exactByDefault: false, p => p.Title),
            (FilterKey.Keywords, TextValue v) => Like(v, exactByDefault: false, p => p.Keywords),
            (FilterKey.Color, TextValue v) => ColorMatch(v.Text.ToLowerInvariant()),
            (FilterKey.Type, string type) => MediaKind(type),
            (FilterKey.Favorite, bool b) => b ? p => p.Favorite : p => !p.Favorite,
            (FilterKey.Private, bool b) => b ? p => p.Private : p => !p.Private,
            (FilterKey.Archived, bool b) => b ? p => p.ArchivedAt != null : p => p.ArchivedAt == null,
            (FilterKey.Review, bool b) => ((Expression<Func<Photo, bool>>)(p => p.TakenAtSource == MetadataSource.Auto
                || p.Files.Any(f => !f.Missing && f.Error != null))).When(b),
            (FilterKey.Stack, bool b) => ((Expression<Func<Photo, bool>>)(p => p.Files.Count(f => !f.Missing && !f.Duplicate) > 1)).When(b),
            (FilterKey.Duplicate, bool b) => ((Expression<Func<Photo, bool>>)(p => p.Files.Any(f => !f.Missing && f.Duplicate))).When(b),
            (FilterKey.Geo, bool b) => b ? p => p.Latitude != null : p => p.Latitude == null,
            (FilterKey.Error, bool b) => ((Expression<Func<Photo, bool>>)(p => p.Files.Any(f => !f.Missing && f.Error != null))).When(b),
            (FilterKey.Portrait, bool b) => ((Expression<Func<Photo, bool>>)(p => p.Height > p.Width)).When(b),
            (FilterKey.Landscape, bool b) => ((Expression<Func<Photo, bool>>)(p => p.Width > p.Height)).When(b),
            (FilterKey.Square, bool b) => ((Expression<Func<Photo, bool>>)(p => p.Width == p.Height && p.Width != null)).When(b),
            (FilterKey.Panorama, bool b) => ((Expression<Func<Photo, bool>>)(p => p.Width >= 2 * p.Height)).When(b),
            (FilterKey.Near, NearValue near) => Near(near, distanceKm, positions),
            (FilterKey.Path, TextValue v) => Path(v),
            (FilterKey.Name, TextValue v) => FileName(v),
            (FilterKey.Iso, NumberRange r) => Between(r.Min, r.Max, p => p.Iso),
            (FilterKey.Mm, NumberRange r) => Between(r.Min, r.Max, p => p.FocalLength),
            // Apertures are rounded on cameras' displays: f:2.8 must find 2.79 and 2.83.
            (FilterKey.F, NumberRange r) => Between(r.Min - 0.05, r.Max + 0.05, p => p.FNumber),
            // mp:12 means twelve-something megapixels, as people say it.
            (FilterKey.Mp, NumberRange r) => Between(r.Min * 1e6, (r.Min == r.Max ? r.Max + 0.999_999 : r.Max) * 1e6, p => (double?)p.Width * p.Height),
            _ => throw new InvalidOperationException($"{key} cannot take {value.GetType().Name}"),
        };

    private static Expression<Func<Photo, bool>> LabelMatch(TextValue value)
    {
        var slug = Label.SlugOf(value.Text);
        if (!slug.Contains('*', StringComparison.Ordinal))
        {
            return p => p.Labels.Any(l => l.Label!.Slug == slug); // an equality seeks the unique slug index
        }

        var pattern = Pattern(slug, exact: true);
        return p => p.Labels.Any(l => EF.Functions.Like(l.Label!.Slug, pattern, "\\"));
    }

    /// <summary>A person by the slug of the files' name (a seek) or by the shown name, which a rename may have changed.</summary>
    private static Expression<Func<Photo, bool>> PersonMatch(TextValue value)
    {
        var (slug, name) = (Label.SlugOf(value.Text), Pattern(value.Text, exact: true));
        if (!slug.Contains('*', StringComparison.Ordinal))
        {
            return p => p.Faces.Any(f => f.Person!.Slug == slug || EF.Functions.Like(f.Person!.Name, name, "\\"));
        }

        var pattern = Pattern(slug, exact: true);
        return p => p.Faces.Any(f => EF.Functions.Like(f.Person!.Slug, pattern, "\\") || EF.Functions.Like(f.Person!.Name, name, "\\"));
    }

    private static Expression<Func<Photo, bool>> AlbumMatch(TextValue value)
    {
        var (uid, title) = (value.Text, Pattern(value.Text, exact: true));
        return p => p.Albums.Any(a => a.Album!.Uid == uid || EF.Functions.Like(a.Album!.Title, title, "\\"));
    }

    /// <summary>
    /// UTC offsets lie within ±14 h, so a local-time bound also bounds TakenAtUtc that much wider. The redundant UTC
    /// bound lets the database seek the (TakenAtUtc, Id) index that orders pages, instead of scanning it from the top.
    /// </summary>
    private static readonly TimeSpan MaxOffset = TimeSpan.FromHours(14);

    private static Expression<Func<Photo, bool>> Before(DateTime local)
    {
        var utcBound = DateTime.SpecifyKind(local > DateTime.MaxValue - MaxOffset ? DateTime.MaxValue : local + MaxOffset, DateTimeKind.Utc);
        return p => p.TakenAt < local && p.TakenAtUtc < utcBound;
    }

    private static Expression<Func<Photo, bool>> After(DateTime local)
    {
        var utcBound = DateTime.SpecifyKind(local < DateTime.MinValue + MaxOffset ? DateTime.MinValue : local - MaxOffset, DateTimeKind.Utc);
        return p => p.TakenAt >= local && p.TakenAtUtc >= utcBound;
    }

    private static Expression<Func<Photo, bool>> ColorMatch(string color) => p => p.Color == color;

    private static Expression<Func<Photo, bool>> Between<T>(double min, double max, Expression<Func<Photo, T?>> column) where T : struct
    {
        var value = Expression.Convert(column.Body, typeof(double?));
        var body = Expression.AndAlso(
            Expression.GreaterThanOrEqual(value, Expression.Constant(min, typeof(double?))),
            Expression.LessThanOrEqual(value, Expression.Constant(max, typeof(double?))));
        return Expression.Lambda<Func<Photo, bool>>(body, column.Parameters);
    }

    private static Expression<Func<Photo, bool>> YearRange(NumberRange range)
    {
        // A range on TakenAt itself (not on its year), bounded in UTC too, lets the database seek an index.
        var from = new DateTime((int)range.Min, 1, 1, 0, 0, 0, DateTimeKind.Unspecified);
        var to = range.Max >= 9999 ? DateTime.MaxValue : new DateTime((int)range.Max + 1, 1, 1, 0, 0, 0, DateTimeKind.Unspecified);
        return After(from).And(Before(to));
    }

    private Expression<Func<Photo, bool>> Country(string text)
    {
        var code = text.Length == 2 ? text.ToUpperInvariant() : countryCodeOf(text);
        return p => p.CountryCode == code;
    }

    private static Expression<Func<Photo, bool>> MediaKind(string type) => type switch
    {
        "image" => p => p.Type == MediaType.Image,
        "raw" => p => p.Type == MediaType.Raw || p.Files.Any(f => !f.Missing && f.Type == MediaType.Raw),
        "video" => p => p.Type == MediaType.Video,
        "live" => p => p.Type == MediaType.Live,
        "animated" => p => p.Files.Any(f => f.Primary && f.Format == "gif"),
        _ => throw new InvalidOperationException(type),
    };

    private static Expression<Func<Photo, bool>> Near(NearValue near, double distanceKm, IReadOnlyDictionary<string, (double Lat, double Lng)>? positions)
    {
        (double Lat, double Lng) center;
        if (near.PhotoUid is { } uid)
        {
            if (positions is null || !positions.TryGetValue(uid, out center))
            {
                return _ => false;
            }
        }
        else
        {
            center = (near.Latitude!.Value, near.Longitude!.Value);
        }

        // A box around the centre: cheap on an index, and at photo-search distances as good as a circle.
        var dLat = distanceKm / 111.32;
        var dLng = distanceKm / (111.32 * Math.Max(Math.Cos(center.Lat * Math.PI / 180), 0.01));
        var (south, north, west, east) = (center.Lat - dLat, center.Lat + dLat, center.Lng - dLng, center.Lng + dLng);
        return p => p.Latitude >= south && p.Latitude <= north && p.Longitude >= west && p.Longitude <= east;
    }

    private static Expression<Func<Photo, bool>> Path(TextValue value)
    {
        var folder = value.Text.Trim('/');
        var pattern = Pattern(folder, exact: true);
        var below = pattern + "/%";
        return p => p.Files.Any(f => !f.Missing && (EF.Functions.Like(f.Path, below, "\\")));
    }

    private static Expression<Func<Photo, bool>> FileName(TextValue value)
    {
        // The name is the last path segment: match it at the start of the path or after a slash.
        var pattern = Pattern(value.Text, exact: value.Quoted) + (value.Quoted || value.Text.Contains('*', StringComparison.Ordinal) ? "" : "%");
        var nested = "%/" + pattern;
        return p => p.Files.Any(f => !f.Missing && (EF.Functions.Like(f.Path, pattern, "\\") || EF.Functions.Like(f.Path, nested, "\\")));
    }

    private static Expression<Func<Photo, bool>> Like(TextValue value, bool exactByDefault, Expression<Func<Photo, string?>> column)
    {
        var exact = value.Quoted || exactByDefault || value.Text.Contains('*', StringComparison.Ordinal);
        var pattern = exact ? Pattern(value.Text, exact: true) : "%" + Pattern(value.Text, exact: true) + "%";
        var like = typeof(DbFunctionsExtensions).GetMethod(nameof(DbFunctionsExtensions.Like), [typeof(DbFunctions), typeof(string), typeof(string), typeof(string)])!;
        var body = Expression.Call(like, Expression.Constant(EF.Functions), column.Body, Expression.Constant(pattern), Expression.Constant("\\"));
        return Expression.Lambda<Func<Photo, bool>>(body, column.Parameters);
    }

    /// <summary>A LIKE pattern: the user's '*' is the wildcard, and LIKE's own special characters are escaped.</summary>
    private static string Pattern(string text, bool exact)
    {
        var escaped = text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal)
            .Replace("_", "\\_", StringComparison.Ordinal).Replace('*', '%');
        return exact ? escaped : "%" + escaped + "%";
    }
}
