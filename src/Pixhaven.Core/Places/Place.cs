namespace Pixhaven.Core.Places;

/// <summary>Where a position is: country, region and nearest populated place.</summary>
public sealed record Place(string CountryCode, string CountryName, string? State, string? City)
{
    /// <summary>"City, State, Country", skipping what is unknown or repeated.</summary>
    public string Label => string.Join(", ", new[] { City, State, CountryName }.Where(s => !string.IsNullOrEmpty(s)).Distinct(StringComparer.OrdinalIgnoreCase));
}

/// <summary>A place found by name, with its position.</summary>
public sealed record NamedPlace(string Name, string? Region, string CountryCode, double Latitude, double Longitude)
{
    /// <summary>"Name, Region, CC", for telling same-named places apart.</summary>
    public string Label => string.Join(", ", new[] { Name, Region, CountryCode }.Where(s => !string.IsNullOrEmpty(s)));
}
