using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Pixhaven.Tests.Infrastructure;

namespace Pixhaven.Tests.Search;

/// <summary>Calendar, labels, folders and map clusters on the indexed corpus.</summary>
[Collection(CorpusGroup.Name)]
public class BrowseTests(CorpusFixture corpus)
{
    private async Task<JsonElement> Get(string url)
    {
        using var response = await corpus.Http.GetAsync(url);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private async Task<int> Total(string q) => (await Get($"/api/v1/photos/facets?q={Uri.EscapeDataString(q)}")).GetProperty("total").GetInt32();

    [Fact]
    public async Task Calendar_MonthsAddUpAndMatchSearch()
    {
        var months = (await Get("/api/v1/calendar")).EnumerateArray().ToList();
        Assert.Equal(await Total(""), months.Sum(m => m.GetProperty("count").GetInt32()));
        var keys = months.Select(m => m.GetProperty("year").GetInt32() * 100 + m.GetProperty("month").GetInt32()).ToList();
        Assert.Equal(keys.OrderDescending(), keys);
        foreach (var month in months.Take(5))
        {
            var (year, number) = (month.GetProperty("year").GetInt32(), month.GetProperty("month").GetInt32());
            Assert.Equal(await Total($"year:{year} month:{number}"), month.GetProperty("count").GetInt32());
            var cover = await Get($"/api/v1/photos/{month.GetProperty("coverUid").GetString()}");
            Assert.StartsWith($"{year:D4}-{number:D2}", cover.GetProperty("takenAt").GetString());
        }
    }

    [Fact]
    public async Task Years_CountEachYearsPhotos_AsTheFacetsDo_WhetherTheyAreAtHandOrNot()
    {
        static List<(string Year, int Count)> Counts(JsonElement list) =>
            list.EnumerateArray().Select(y => (y.GetProperty("value").GetString()!, y.GetProperty("count").GetInt32())).ToList();

        // A search whose facets nobody asked for: its years are counted alone.
        const string query = "geo:true -type:video";
        var years = Counts(await Get($"/api/v1/photos/years?q={Uri.EscapeDataString(query)}"));
        Assert.True(years.Count > 2, $"{years.Count} years");
        Assert.Equal(years.Select(y => int.Parse(y.Year, System.Globalization.CultureInfo.InvariantCulture)).OrderDescending(),
            years.Select(y => int.Parse(y.Year, System.Globalization.CultureInfo.InvariantCulture)));
        foreach (var (year, count) in years.Take(3))
        {
            Assert.Equal(await Total($"{query} year:{year}"), count);
        }

        var facets = await Get($"/api/v1/photos/facets?q={Uri.EscapeDataString(query)}");
        Assert.Equal(facets.GetProperty("total").GetInt32(), years.Sum(y => y.Count));
        Assert.Equal(Counts(facets.GetProperty("years")), years);
        // The whole library's, with its facets at hand.
        Assert.Equal(Counts((await Get("/api/v1/photos/facets")).GetProperty("years")), Counts(await Get("/api/v1/photos/years")));

        using var bad = await corpus.Http.GetAsync("/api/v1/photos/years?q=" + Uri.EscapeDataString("year:"));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
    }

    [Fact]
    public async Task Places_CountriesAddUpToThePlacedPhotos_AndMatchTheirSearch()
    {
        var countries = (await Get("/api/v1/places")).EnumerateArray().ToList();
        Assert.NotEmpty(countries);
        Assert.Equal(await Total("geo:true"), countries.Sum(c => c.GetProperty("count").GetInt32()));
        var counts = countries.Select(c => c.GetProperty("count").GetInt32()).ToList();
        Assert.Equal(counts.OrderDescending(), counts);
        foreach (var country in countries.Take(3))
        {
            var code = country.GetProperty("countryCode").GetString()!;
            Assert.Equal(await Total($"country:{code}"), country.GetProperty("count").GetInt32());
            Assert.True(country.GetProperty("regions").EnumerateArray().Sum(r => r.GetProperty("count").GetInt32()) <= country.GetProperty("count").GetInt32());
            var cover = await Get($"/api/v1/photos/{country.GetProperty("coverUid").GetString()}");
            Assert.Equal(code, cover.GetProperty("country").GetString(), ignoreCase: true);
        }
    }

    [Fact]
    public async Task Calendar_FollowsTheQuery()
    {
        var months = (await Get("/api/v1/calendar?q=type:video")).EnumerateArray().ToList();
        Assert.Equal(await Total("type:video"), months.Sum(m => m.GetProperty("count").GetInt32()));
    }

    [Fact]
    public async Task Labels_CountPhotos()
    {
        var labels = (await Get("/api/v1/labels")).EnumerateArray().ToList();
        Assert.NotEmpty(labels);
        foreach (var label in labels.Take(5))
        {
            Assert.Equal(await Total($"label:\"{label.GetProperty("slug").GetString()}\""), label.GetProperty("count").GetInt32());
        }
    }

    [Fact]
    public async Task Cameras_ListEveryModel_WithItsNameAndCount_BeyondTheFacetsTop50()
    {
        var cameras = (await Get("/api/v1/cameras")).EnumerateArray()
            .Select(c => (Make: c.GetProperty("make").GetString(), Model: c.GetProperty("model").GetString()!, Name: c.GetProperty("name").GetString()!, Count: c.GetProperty("count").GetInt32()))
            .ToList();
        var facets = (await Get("/api/v1/photos/facets")).GetProperty("cameras").EnumerateArray()
            .Select(c => (Model: c.GetProperty("value").GetString()!, Name: c.GetProperty("name").GetString()!, Count: c.GetProperty("count").GetInt32())).ToList();
        // The corpus has more models than the facets list: the list has them all, the facets' among them.
        Assert.Equal(50, facets.Count);
        Assert.True(cameras.Count > facets.Count, $"{cameras.Count} cameras");
        Assert.All(facets, f => Assert.Contains((f.Model, f.Name, f.Count), cameras.Select(c => (c.Model, c.Name, c.Count))));
        Assert.Equal(cameras.Select(c => c.Count).OrderDescending(), cameras.Select(c => c.Count));
        Assert.Contains(("NIKON CORPORATION", "NIKON D90", "Nikon D90"), cameras.Select(c => (c.Make, c.Model, c.Name)));

        // Every photo with a model is counted once.
        await using var db = corpus.Library.OpenCatalog();
        var models = await db.Photos.Where(p => p.CameraModel != null).Select(p => new { p.CameraMake, p.CameraModel }).Distinct().CountAsync();
        Assert.Equal(models, cameras.Count);
        // A model no other make or model contains counts what camera: finds.
        foreach (var camera in cameras.Where(c => !cameras.Any(o => o != c && ((o.Make ?? "") + " " + o.Model).Contains(c.Model, StringComparison.OrdinalIgnoreCase))).Take(8))
        {
            Assert.Equal(await Total($"camera:\"{camera.Model}\""), camera.Count);
        }

        // And follows a search.
        Assert.Equal(await Total("type:video camera:*"), (await Get("/api/v1/cameras?q=type:video")).EnumerateArray().Sum(c => c.GetProperty("count").GetInt32()));
    }

    [Fact]
    public async Task Folders_TopLevelAndNested()
    {
        var top = (await Get("/api/v1/folders")).EnumerateArray().ToDictionary(f => f.GetProperty("name").GetString()!, f => f.GetProperty("count").GetInt32());
        Assert.Contains("jpeg", top.Keys);
        Assert.Contains("raw", top.Keys);
        Assert.Equal(await Total("path:raw"), top["raw"]);
        await using var db = corpus.Library.OpenCatalog();
        Assert.Equal(await db.Files.CountAsync(f => f.Primary && f.Path.StartsWith("jpeg/")), top["jpeg"]);
        Assert.Empty((await Get("/api/v1/folders?path=jpeg")).EnumerateArray());
    }

    [Fact]
    public async Task Clusters_WorldViewHoldsEveryGeoPhoto_ZoomSplitsThem()
    {
        var world = (await Get("/api/v1/places/clusters?zoom=0")).EnumerateArray().ToList();
        Assert.Equal(await Total("geo:true"), world.Sum(c => c.GetProperty("count").GetInt32()));
        var close = (await Get("/api/v1/places/clusters?zoom=12")).EnumerateArray().ToList();
        Assert.True(close.Count > world.Count);
        Assert.Equal(world.Sum(c => c.GetProperty("count").GetInt32()), close.Sum(c => c.GetProperty("count").GetInt32()));

        // California only: San Francisco, Berkeley, Mountain View, Sunnyvale, Death Valley and more.
        var california = (await Get("/api/v1/places/clusters?zoom=3&bbox=-124.5,32.5,-114,42")).EnumerateArray().ToList();
        Assert.Equal(await Total("state:california"), california.Sum(c => c.GetProperty("count").GetInt32()));
        Assert.All(california, c => Assert.InRange(c.GetProperty("lng").GetDouble(), -124.5, -114));
    }

    [Theory]
    [InlineData("bbox=1,2,3")]
    [InlineData("bbox=0,50,10,40")]
    [InlineData("bbox=a,b,c,d")]
    [InlineData("q=foo:bar")]
    public async Task Clusters_InvalidRequest_Is400(string parameters)
    {
        using var response = await corpus.Http.GetAsync($"/api/v1/places/clusters?{parameters}");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}
