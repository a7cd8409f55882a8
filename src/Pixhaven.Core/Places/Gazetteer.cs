using System.IO.Compression;
using System.Reflection;
using NetTopologySuite.Algorithm.Locate;
using NetTopologySuite.Geometries;
using NetTopologySuite.Index.Strtree;
using NetTopologySuite.IO;
using Pixhaven.Core.Model;

namespace Pixhaven.Core.Places;

/// <summary>
/// Offline reverse geocoding: the country from border polygons (country-coder), the region and nearest place from
/// GeoNames. Loaded once on first use and shared; a lookup is a tree query and a grid scan, well under a millisecond.
/// </summary>
public sealed class Gazetteer
{
    /// <summary>Beyond this distance the nearest place is not "where the photo was taken".</summary>
    public const double MaxCityDistanceKm = 100;

    private readonly Lazy<Countries> _countries = new(Countries.Load);
    private readonly Lazy<Cities> _cities = new(Cities.Load);
    private readonly Lazy<ILookup<string, Zone>> _zones = new(LoadZones);
    private readonly Lazy<ILookup<string, City>> _citiesByName;

    public Gazetteer() => _citiesByName = new(() => _cities.Value.All.ToLookup(c => Label.SlugOf(c.Name), StringComparer.Ordinal));

    public Place? Lookup(double latitude, double longitude)
    {
        if (!double.IsFinite(latitude) || !double.IsFinite(longitude) || Math.Abs(latitude) > 90 || Math.Abs(longitude) > 180)
        {
            return null;
        }

        var countries = _countries.Value;
        var city = _cities.Value.Nearest(latitude, longitude, MaxCityDistanceKm);
        var code = countries.CodeAt(latitude, longitude);
        if (code is null)
        {
            // At sea near a coast, or in a gap between border polygons: the nearby place tells the country.
            if (city is null)
            {
                return null;
            }

            code = city.Country;
        }

        var sameCountry = city is not null && city.Country == code;
        return new Place(code, countries.NameOf(code) ?? code, sameCountry ? NullIfEmpty(city!.Region) : null, sameCountry ? city!.Name : null);
    }

    /// <summary>
    /// The time zone at a position: the country's only zone, or in a country with several, the zone whose principal
    /// place (from the tz database) is nearest. Exact for most countries; near a zone border inside the United States,
    /// Canada, Russia, Brazil, Australia or Mexico it may pick the neighbour. Null at sea, or when this system does not
    /// know the zone.
    /// </summary>
    public TimeZoneInfo? TimeZoneAt(double latitude, double longitude) =>
        Lookup(latitude, longitude)?.CountryCode is { } country ? TimeZoneAt(country, latitude, longitude) : null;

    /// <summary>As <see cref="TimeZoneAt(double, double)"/>, for a position whose country is already known.</summary>
    public TimeZoneInfo? TimeZoneAt(string countryCode, double latitude, double longitude)
    {
        var zone = _zones.Value[countryCode.ToUpperInvariant()].MinBy(z => Distance(latitude, longitude, z.Latitude, z.Longitude));
        return zone is not null && TimeZoneInfo.TryFindSystemTimeZoneById(zone.Name, out var info) ? info : null;
    }

    /// <summary>
    /// Places named like the text, for setting a photo's position by name: "Lisbon", "Lisbon, Portugal", or with the
    /// region, "Springfield, Illinois, US". Matching ignores case and accents; the list is as GeoNames has it.
    /// </summary>
    public IReadOnlyList<NamedPlace> FindPlaces(string text)
    {
        var parts = text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length == 0)
        {
            return [];
        }

        var country = parts.Length > 1 ? CountryCodeOf(parts[^1]) : null;
        var region = parts.Length > 2 || (parts.Length == 2 && country is null) ? Label.SlugOf(parts[1]) : null;
        return _citiesByName.Value[Label.SlugOf(parts[0])]
            .Where(c => (country is null || c.Country == country) && (region is null || Label.SlugOf(c.Region).StartsWith(region, StringComparison.Ordinal)))
            .Select(c => new NamedPlace(c.Name, c.Region.Length == 0 ? null : c.Region, c.Country, c.Latitude, c.Longitude))
            .ToList();
    }

    /// <summary>English name of a country code, e.g. "Germany" for "DE".</summary>
    public string? CountryName(string code) => _countries.Value.NameOf(code.ToUpperInvariant());

    /// <summary>The code of a country given by name ("germany") or code ("de").</summary>
    public string? CountryCodeOf(string nameOrCode) => _countries.Value.CodeOf(nameOrCode);

    private static string? NullIfEmpty(string text) => text.Length == 0 ? null : text;

    private static StreamReader Open(string name)
    {
        var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream($"Pixhaven.Places.{name}.tsv.gz")
            ?? throw new InvalidOperationException($"the gazetteer data '{name}' is missing from the build");
        return new StreamReader(new GZipStream(stream, CompressionMode.Decompress));
    }

    private sealed class Countries
    {
        private readonly STRtree<(int Order, string Code, IPointOnGeometryLocator Locator)> _borders = new();
        private readonly Dictionary<string, string> _names = new(StringComparer.Ordinal);
        private readonly Dictionary<string, string> _codesBySlug = new(StringComparer.Ordinal);

        public static Countries Load()
        {
            var countries = new Countries();
            var reader = new WKTReader();
            using var text = Open("countries");
            var order = 0;
            while (text.ReadLine() is { } line)
            {
                var parts = line.Split('\t');
                if (parts.Length != 3)
                {
                    continue;
                }

                var (code, name, wkt) = (parts[0], parts[1], parts[2]);
                countries._names.TryAdd(code, name);
                countries._codesBySlug.TryAdd(Label.SlugOf(name), code);
                countries._codesBySlug.TryAdd(code.ToLowerInvariant(), code);
                if (wkt.Length > 0)
                {
                    var geometry = reader.Read(wkt);
                    countries._borders.Insert(geometry.EnvelopeInternal, (order++, code, new IndexedPointInAreaLocator(geometry)));
                }
            }

            countries._borders.Build();
            return countries;
        }

        public string? CodeAt(double latitude, double longitude)
        {
            var point = new Coordinate(longitude, latitude);
            // Rows are sorted smallest area first: an enclave or territory wins over the country around it.
            return _borders.Query(new Envelope(point))
                .OrderBy(b => b.Order)
                .FirstOrDefault(b => b.Locator.Locate(point) != Location.Exterior).Code;
        }

        public string? NameOf(string code) => _names.GetValueOrDefault(code);

        public string? CodeOf(string nameOrCode) => _codesBySlug.GetValueOrDefault(Label.SlugOf(nameOrCode));
    }

    private sealed record City(string Name, double Latitude, double Longitude, string Country, string Region);

    private sealed record Zone(string Country, double Latitude, double Longitude, string Name);

    private static ILookup<string, Zone> LoadZones()
    {
        var zones = new List<Zone>();
        using var text = Open("zones");
        while (text.ReadLine() is { } line)
        {
            var parts = line.Split('\t');
            if (parts.Length == 4
                && double.TryParse(parts[1], System.Globalization.CultureInfo.InvariantCulture, out var lat)
                && double.TryParse(parts[2], System.Globalization.CultureInfo.InvariantCulture, out var lng))
            {
                zones.Add(new Zone(parts[0], lat, lng, parts[3]));
            }
        }

        return zones.ToLookup(z => z.Country, StringComparer.Ordinal);
    }

    /// <summary>Places bucketed by whole degrees, so a nearest search reads a few buckets, not 170,000 rows.</summary>
    private sealed class Cities
    {
        private readonly Dictionary<(int, int), List<City>> _cells = [];

        public IEnumerable<City> All => _cells.Values.SelectMany(c => c);

        public static Cities Load()
        {
            var cities = new Cities();
            using var text = Open("cities");
            while (text.ReadLine() is { } line)
            {
                var parts = line.Split('\t');
                if (parts.Length != 5
                    || !double.TryParse(parts[1], System.Globalization.CultureInfo.InvariantCulture, out var lat)
                    || !double.TryParse(parts[2], System.Globalization.CultureInfo.InvariantCulture, out var lng))
                {
                    continue;
                }

                var city = new City(string.Intern(parts[0]), lat, lng, string.Intern(parts[3]), string.Intern(parts[4]));
                var key = Cell(lat, lng);
                if (!cities._cells.TryGetValue(key, out var list))
                {
                    cities._cells[key] = list = [];
                }

                list.Add(city);
            }

            return cities;
        }

        public City? Nearest(double latitude, double longitude, double maxKm)
        {
            var (row, column) = Cell(latitude, longitude);
            City? best = null;
            var bestKm = maxKm;
            // One degree of latitude is 111 km; longitude cells shrink towards the poles, so look wider there.
            var columns = (int)Math.Ceiling(maxKm / (111.32 * Math.Max(Math.Cos(latitude * Math.PI / 180), 0.05)));
            for (var r = row - 1; r <= row + 1; r++)
            {
                for (var c = column - columns; c <= column + columns; c++)
                {
                    if (!_cells.TryGetValue((r, ((c + 540) % 360) - 180), out var list))
                    {
                        continue;
                    }

                    foreach (var city in list)
                    {
                        var km = Distance(latitude, longitude, city.Latitude, city.Longitude);
                        if (km < bestKm)
                        {
                            (best, bestKm) = (city, km);
                        }
                    }
                }
            }

            return best;
        }

        private static (int, int) Cell(double latitude, double longitude) => ((int)Math.Floor(latitude), (int)Math.Floor(longitude));
    }

    /// <summary>Great-circle distance in km (haversine).</summary>
    public static double Distance(double lat1, double lng1, double lat2, double lng2)
    {
        const double radians = Math.PI / 180;
        var dLat = (lat2 - lat1) * radians;
        var dLng = (lng2 - lng1) * radians;
        var a = Math.Sin(dLat / 2) * Math.Sin(dLat / 2) + Math.Cos(lat1 * radians) * Math.Cos(lat2 * radians) * Math.Sin(dLng / 2) * Math.Sin(dLng / 2);
        return 6371.0 * 2 * Math.Asin(Math.Min(1, Math.Sqrt(a)));
    }
}
