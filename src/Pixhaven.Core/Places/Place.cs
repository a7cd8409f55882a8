namespace Pixhaven.Core.Places;

/// <summary>Where a position is: country, region and nearest populated place.</summary>
public sealed record Place(string CountryCode, string CountryName, string? State, string? City)
{
    /// <summary>"City, State, Country", skipping what is unknown or repeated.</summary>
    public string Label => string.Join(", ", new[] { City, State, CountryName }.Where(s => !string.IsNullOrEmpty(s)).Distinct(StringComparer.OrdinalIgnoreCase));
}
