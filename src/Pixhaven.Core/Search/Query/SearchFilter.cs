namespace Pixhaven.Core.Search.Query;

/// <summary>Every filter the search language knows.</summary>
public enum FilterKey
{
    Label, Album, Year, Month, Day, Before, After, Country, State, City, Camera, Lens, Type, Favorite, Private, Archived,
    Review, Stack, Duplicate, Geo, Near, Dist, Path, Name, Title, Keywords, Color, Iso, F, Mm, Mp, Portrait, Landscape,
    Square, Panorama, Error, Person, Faces,
}

/// <summary>How a filter's values are read.</summary>
public enum FilterKind { Text, Bool, Number, Date, MediaType, Near, Distance }

/// <summary>A filter: its key, the names users type, how its values are read and a line of help.</summary>
public sealed record SearchFilter(FilterKey Key, FilterKind Kind, string Help, params string[] Names)
{
    public static readonly IReadOnlyList<SearchFilter> All =
    [
        new(FilterKey.Label, FilterKind.Text, "label or keyword", "label", "labels"),
        new(FilterKey.Person, FilterKind.Text, "person whose face is marked, by name", "person", "people"),
        new(FilterKey.Faces, FilterKind.Bool, "photos with marked faces", "faces", "face"),
        new(FilterKey.Album, FilterKind.Text, "album title or uid", "album", "albums"),
        new(FilterKey.Year, FilterKind.Number, "year taken, e.g. 2019 or 2015-2018", "year"),
        new(FilterKey.Month, FilterKind.Number, "month taken, 1-12", "month"),
        new(FilterKey.Day, FilterKind.Number, "day of month taken, 1-31", "day"),
        new(FilterKey.Before, FilterKind.Date, "taken before a date: 2019, 2019-06 or 2019-06-30", "before"),
        new(FilterKey.After, FilterKind.Date, "taken on or after a date: 2019, 2019-06 or 2019-06-30", "after"),
        new(FilterKey.Country, FilterKind.Text, "country code (de) or name (Germany)", "country"),
        new(FilterKey.State, FilterKind.Text, "state or region", "state"),
        new(FilterKey.City, FilterKind.Text, "city", "city"),
        new(FilterKey.Camera, FilterKind.Text, "camera make or model", "camera"),
        new(FilterKey.Lens, FilterKind.Text, "lens", "lens"),
        new(FilterKey.Type, FilterKind.MediaType, "image, raw, video, live or animated", "type"),
        new(FilterKey.Favorite, FilterKind.Bool, "favorites", "favorite", "favorites", "fav"),
        new(FilterKey.Private, FilterKind.Bool, "private photos (hidden by default)", "private"),
        new(FilterKey.Archived, FilterKind.Bool, "archived photos (hidden by default)", "archived", "archive"),
        new(FilterKey.Review, FilterKind.Bool, "photos to review: estimated date or a file problem", "review"),
        new(FilterKey.Stack, FilterKind.Bool, "photos made of several files (RAW+JPEG, Live Photo, edits)", "stack", "stacked"),
        new(FilterKey.Duplicate, FilterKind.Bool, "photos with identical files at other paths", "duplicate", "duplicates"),
        new(FilterKey.Geo, FilterKind.Bool, "photos with a position", "geo"),
        new(FilterKey.Near, FilterKind.Near, "near a position (lat,lng) or a photo uid; with dist:", "near"),
        new(FilterKey.Dist, FilterKind.Distance, "distance for near:, in km (default 2)", "dist"),
        new(FilterKey.Path, FilterKind.Text, "folder path under originals", "path", "folder"),
        new(FilterKey.Name, FilterKind.Text, "file name", "name", "filename"),
        new(FilterKey.Title, FilterKind.Text, "title", "title"),
        new(FilterKey.Keywords, FilterKind.Text, "keywords", "keywords", "keyword"),
        new(FilterKey.Color, FilterKind.Text, "main colour (red, orange, ... black, white)", "color", "colour"),
        new(FilterKey.Iso, FilterKind.Number, "ISO speed, e.g. 100-400", "iso"),
        new(FilterKey.F, FilterKind.Number, "aperture f-number, e.g. 1.4-2.8", "f", "aperture"),
        new(FilterKey.Mm, FilterKind.Number, "focal length in mm", "mm", "focal"),
        new(FilterKey.Mp, FilterKind.Number, "megapixels", "mp", "megapixels"),
        new(FilterKey.Portrait, FilterKind.Bool, "taller than wide", "portrait"),
        new(FilterKey.Landscape, FilterKind.Bool, "wider than tall", "landscape"),
        new(FilterKey.Square, FilterKind.Bool, "as wide as tall", "square"),
        new(FilterKey.Panorama, FilterKind.Bool, "at least twice as wide as tall", "panorama", "pano"),
        new(FilterKey.Error, FilterKind.Bool, "a file of the photo has a problem", "error", "errors"),
    ];

    private static readonly Dictionary<string, SearchFilter> ByName =
        All.SelectMany(f => f.Names.Select(n => (n, f))).ToDictionary(x => x.n, x => x.f, StringComparer.OrdinalIgnoreCase);

    public static SearchFilter? Find(string name) => ByName.GetValueOrDefault(name);
}
