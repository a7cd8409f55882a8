using Pixhaven.Core.Search;

namespace Pixhaven.Core.Tests.Search;

public class MomentsTests
{
    private static Moments.Point At(long id, string when, string country = "PT", string? state = "Lisbon") =>
        new(id, DateTime.Parse(when, System.Globalization.CultureInfo.InvariantCulture), country, state);

    [Fact]
    public void Find_SplitsOnGapsAndPlaces_KeepsRunsOfThree_NewestFirst()
    {
        var moments = Moments.Find(
        [
            At(1, "2021-07-04 10:00"), At(2, "2021-07-05 12:00"), At(3, "2021-07-06 18:00"), // a trip
            At(4, "2021-07-09 18:01"), At(5, "2021-07-09 19:00"), At(6, "2021-07-09 20:00"), // more than 2 days later: a new one
            At(7, "2021-07-10 08:00", state: "Porto"), At(8, "2021-07-10 09:00", state: "Porto"), // too few
            At(9, "2022-01-01 00:00", "ES", null), At(10, "2022-01-01 01:00", "ES", null), At(11, "2022-01-02 23:00", "ES", null),
        ]);

        Assert.Equal([[9, 10, 11], [4, 5, 6], [1, 2, 3]], moments.Select(m => m.Photos.Select(p => p.Id).ToArray()).ToArray());
        Assert.Equal(("ES", (string?)null), (moments[0].CountryCode, moments[0].State));
    }

    [Fact]
    public void Find_AnotherPlaceInBetween_EndsTheMoment()
    {
        var moments = Moments.Find([At(1, "2021-07-04"), At(2, "2021-07-04 01:00"), At(3, "2021-07-04 02:00", "ES", null), At(4, "2021-07-04 03:00")]);
        Assert.Empty(moments);
    }

    [Fact]
    public void QueryFor_CoversTheWholeLastDay()
    {
        var query = Moments.QueryFor("PT", "Lisbon", new DateTime(2021, 7, 4, 10, 0, 0), new DateTime(2021, 7, 6, 18, 0, 0));
        Assert.Equal("country:pt after:2021-07-04 before:2021-07-07 state:\"Lisbon\"", query);
    }
}
