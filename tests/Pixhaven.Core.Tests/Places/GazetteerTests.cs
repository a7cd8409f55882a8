using Pixhaven.Core.Places;

namespace Pixhaven.Core.Tests.Places;

public class GazetteerTests
{
    private static readonly Gazetteer Places = new();

    [Theory]
    [InlineData(37.7749, -122.4194, "US", "California", "San Francisco")]
    [InlineData(48.8578, 2.297, "FR", "Île-de-France", null)] // GeoNames names the arrondissement
    [InlineData(52.52, 13.405, "DE", "State of Berlin", null)] // GeoNames names the district (Mitte)
    [InlineData(35.6895, 139.6917, "JP", "Tokyo", null)]
    [InlineData(-33.8688, 151.2093, "AU", "New South Wales", null)]
    [InlineData(18.4655, -66.1057, "PR", null, "San Juan")]
    [InlineData(51.5074, -0.1278, "GB", "England", null)]
    [InlineData(64.1466, -21.9426, "IS", null, "Reykjavík")]
    [InlineData(-54.8019, -68.303, "AR", "Tierra del Fuego", "Ushuaia")]
    public void Lookup_KnownCities(double lat, double lng, string country, string? state, string? city)
    {
        var place = Places.Lookup(lat, lng);
        Assert.NotNull(place);
        Assert.Equal(country, place.CountryCode);
        if (state is not null)
        {
            Assert.Equal(state, place.State);
        }

        if (city is not null)
        {
            Assert.Equal(city, place.City);
        }
    }

    [Theory]
    [InlineData(0, -20)] // the middle of the Atlantic
    [InlineData(-50, 100)] // Southern Ocean
    public void Lookup_OpenSea_IsNothing(double lat, double lng) => Assert.Null(Places.Lookup(lat, lng));

    [Theory]
    [InlineData(double.NaN, 0)]
    [InlineData(91, 0)]
    [InlineData(0, 181)]
    public void Lookup_InvalidPosition_IsNothing(double lat, double lng) => Assert.Null(Places.Lookup(lat, lng));

    [Fact]
    public void Lookup_Enclave_WinsOverTheCountryAroundIt()
    {
        Assert.Equal("VA", Places.Lookup(41.9029, 12.4534)?.CountryCode); // Vatican City inside Rome
        Assert.Equal("IT", Places.Lookup(41.8902, 12.4922)?.CountryCode); // the Colosseum, a kilometre away
        Assert.Equal("LS", Places.Lookup(-29.31, 27.48)?.CountryCode); // Maseru, Lesotho inside South Africa
    }

    [Fact]
    public void Label_JoinsWhatIsKnown()
    {
        Assert.Equal("San Francisco, California, United States of America", Places.Lookup(37.7749, -122.4194)!.Label);
        Assert.Equal("Germany", new Place("DE", "Germany", null, null).Label);
    }

    [Theory]
    [InlineData("germany", "DE")]
    [InlineData("Germany", "DE")]
    [InlineData("de", "DE")]
    [InlineData("united states", "US")]
    [InlineData("Côte d'Ivoire", "CI")]
    [InlineData("cote d'ivoire", "CI")]
    [InlineData("usa", "US")]
    [InlineData("czech republic", "CZ")]
    [InlineData("Türkiye", "TR")]
    [InlineData("atlantis", null)]
    public void CountryCodeOf_NamesAndCodes(string name, string? code) => Assert.Equal(code, Places.CountryCodeOf(name));

    [Fact]
    public void CountryName_OfCode() => Assert.Equal("Japan", Places.CountryName("jp"));

    [Theory]
    [InlineData(52.52, 13.405, "Europe/Berlin")]
    [InlineData(65.0168, 25.4669, "Europe/Helsinki")] // Oulu
    [InlineData(40.7128, -74.006, "America/New_York")]
    [InlineData(41.8781, -87.6298, "America/Chicago")]
    [InlineData(39.0, -108.0, "America/Denver")] // western Colorado
    [InlineData(37.871, -122.2568, "America/Los_Angeles")] // Berkeley
    [InlineData(-33.8688, 151.2093, "Australia/Sydney")]
    [InlineData(-31.9505, 115.8605, "Australia/Perth")]
    [InlineData(28.6139, 77.209, "Asia/Kolkata")]
    [InlineData(-22.9068, -43.1729, "America/Sao_Paulo")]
    public void TimeZoneAt_KnownPlaces(double lat, double lng, string zone) =>
        Assert.Equal(zone, Places.TimeZoneAt(lat, lng)?.Id);

    [Theory]
    [InlineData(30, -40)] // the middle of the North Atlantic
    [InlineData(double.NaN, 0)]
    [InlineData(91, 0)]
    public void TimeZoneAt_NowhereIsNull(double lat, double lng) => Assert.Null(Places.TimeZoneAt(lat, lng));
}
