using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Pixhaven.Tests.Infrastructure;

namespace Pixhaven.Tests.Search;

/// <summary>The search API on the indexed corpus: exact result sets, every order's paging, facets and errors.</summary>
[Collection(CorpusGroup.Name)]
public class SearchTests(CorpusFixture corpus)
{
    private async Task<JsonElement> Get(string url)
    {
        using var response = await corpus.Http.GetAsync(url);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private async Task<List<string>> Uids(string query, string order = "newest")
    {
        var page = await Get($"/api/v1/photos?count=1000&order={order}&q={Uri.EscapeDataString(query)}");
        return page.GetProperty("photos").EnumerateArray().Select(p => p.GetProperty("uid").GetString()!).ToList();
    }

    /// <summary>The primary file path of each photo found, sorted: stable names for the random uids.</summary>
    private async Task<string[]> Paths(string query)
    {
        var uids = await Uids(query);
        await using var db = corpus.Library.OpenCatalog();
        var paths = await db.Files.Where(f => f.Primary && f.Photo != null && uids.Contains(f.Photo.Uid)).Select(f => f.Path).ToListAsync();
        Assert.Equal(uids.Count, paths.Count);
        return paths.Order(StringComparer.Ordinal).ToArray();
    }

    [Theory]
    [InlineData("camera:canon year:2023", new[] { "jpeg/Canon_EOS_5D_Mark_III_K6A7945.JPG" })]
    [InlineData("country:it", new[] { "jpeg/Apple_iPhone_4.jpg", "jpeg/HTC_Desire.jpg", "webp/HTC_Desire.webp" })]
    [InlineData("country:Italy", new[] { "jpeg/Apple_iPhone_4.jpg", "jpeg/HTC_Desire.jpg", "webp/HTC_Desire.webp" })]
    [InlineData("type:video", new[] { "video/Apple_iPhone_6_with-gps.mov", "video/with-gps.mp4" })]
    [InlineData("type:live", new[] { "livephoto/IMG_3589.HEIC", "video/Panasonic_P1000244.JPG" })]
    [InlineData("near:48.858,2.297", new[] { "jpeg/FujiFilm_FinePixS2Pro.jpg" })]
    [InlineData("stack:true", new[] { "livephoto/IMG_3589.HEIC", "raw/exiftool_Canon_350D.cr2", "sidecar/IMG_5910.jpg", "sidecar/cookiezen.jpg", "video/Panasonic_P1000244.JPG" })]
    [InlineData("f:2.8 iso:100-400", new[] { "broken/jpeg_named.nef", "jpeg/Olympus_C-3000_PA250004.JPG", "raw/GoPro_HERO7_GOPR8513.GPR" })] // the D70s: ISO 200 in its maker note
    [InlineData("state:california city:\"san francisco\"|berkeley", new[] { "dates/gps-datetime-only.jpg", "sidecar/IMG_5910.jpg" })]
    [InlineData("keywords:utah", new[] { "dates/thompson-springs-tz.jpg" })]
    [InlineData("label:farmer", new[] { "iptc_xmp/iptc-staff-photographer-example.jpg" })]
    [InlineData("label:\"farm laborer\"|tractor", new[] { "iptc_xmp/iptc-staff-photographer-example.jpg" })]
    [InlineData("thompson", new[] { "dates/thompson-springs-tz.jpg" })]
    [InlineData("farm* -label:tractor", new string[0])]
    [InlineData("name:Canon_EOS_5D*", new[] { "jpeg/Canon_EOS_5D_Mark_III_K6A7945.JPG" })]
    [InlineData("path:livephoto", new[] { "livephoto/IMG_3589.HEIC" })]
    [InlineData("country:fr|cz", new[] { "jpeg/FujiFilm_FinePixS2Pro.jpg", "jpeg/Google_Pixel_IMG_20180725_163423-tiny.jpg", "png/Canon_S40_png_with_exif_and_gps.png" })]
    public async Task Search_ReturnsExactlyTheseFiles(string query, string[] expected) => Assert.Equal(expected, await Paths(query));

    [Theory]
    [InlineData("color:red", "jpeg/Canon_EOS_7D.jpg")] // a portrait against a red wall
    [InlineData("color:green", "sidecar/IMG_5910.jpg")] // a squirrel in ivy
    [InlineData("color:blue", "orientation/Landscape_1.jpg")] // sky and water
    public async Task Search_ByMainColour(string query, string path)
    {
        var found = await Paths(query);
        Assert.Contains(path, found);
        Assert.DoesNotContain(path, await Paths("-" + query));
    }

    [Theory]
    [InlineData("year:9999")]
    [InlineData("year:1000-9999")]
    [InlineData("after:0001")]
    [InlineData("before:9999-12-31")]
    [InlineData("before:0001-01-01")]
    public async Task Search_ExtremeDates_AreAnswered(string query) => Assert.NotNull(await Uids(query));

    [Fact]
    public async Task Search_BeforeAndAfterSplitTheLibrary()
    {
        var all = await Uids("");
        var before = await Uids("before:2015-06");
        var after = await Uids("after:2015-06");
        Assert.NotEmpty(before);
        Assert.NotEmpty(after);
        Assert.Equal(all.Order(), before.Concat(after).Order());
    }

    [Theory]
    [InlineData("iphone")]
    [InlineData("jpg")]
    [InlineData("canon -raw")]
    public async Task FreeText_CommonWordPlan_FindsTheSamePhotos(string query)
    {
        // Libraries big enough for the common-word plan are too big for a test; the plan is forced here instead.
        var services = corpus.Library.Services;
        await using var db = corpus.Library.OpenCatalog();
        var filter = new Core.Search.PhotoFilter(db, services.GetRequiredService<Core.Catalog.ICatalogProvider>(), _ => null);
        var parsed = Core.Search.Query.SearchQueryParser.Parse(query);
        var common = parsed.Texts.Select(t => t.Text).ToHashSet();
        var byList = await filter.Apply(db.Photos, parsed).Select(p => p.Uid).ToListAsync();
        var byOrder = await filter.Apply(db.Photos, parsed, commonTexts: common).OrderByDescending(p => p.TakenAtUtc).Select(p => p.Uid).ToListAsync();
        Assert.NotEmpty(byList);
        Assert.Equal(byList.Order(), byOrder.Order());
    }

    [Fact]
    public async Task Search_NegationIsTheComplement()
    {
        var all = await Uids("");
        var raw = await Uids("type:raw");
        var notRaw = await Uids("-type:raw");
        Assert.NotEmpty(raw);
        Assert.Empty(raw.Intersect(notRaw));
        Assert.Equal(all.Order(), raw.Concat(notRaw).Order());
    }

    [Fact]
    public async Task Search_BoolFalseIsTheComplement()
    {
        var all = await Uids("");
        Assert.Equal(all.Order(), (await Uids("geo:true")).Concat(await Uids("geo:false")).Order());
    }

    [Fact]
    public async Task Search_YearRange_MatchesTakenDates()
    {
        await using var db = corpus.Library.OpenCatalog();
        var expected = await db.Photos.Where(p => !p.Missing && p.TakenAt.Year >= 2015 && p.TakenAt.Year <= 2018).Select(p => p.Uid).ToListAsync();
        Assert.NotEmpty(expected);
        Assert.Equal(expected.Order(), (await Uids("year:2015-2018")).Order());
    }

    /// <summary>The country of every GPS file in the corpus, checked by hand against its coordinates in expected.json.</summary>
    public static TheoryData<string, string> GpsCountries() => new()
    {
        { "avif/Apple_iPhone_12_Pro_exif.avif", "CN" }, // 43.29, 84.23: Xinjiang
        { "avif/Apple_iPhone_XS_orientation-6.avif", "UA" }, // 50.44, 30.50: Kyiv
        { "dates/datetimeoriginal-gps.jpg", "US" }, // 39, -108: Colorado
        { "dates/gps-datetime-only.jpg", "US" }, // San Francisco
        { "dates/no_timezone.jpg", "FI" }, // 65.02, 25.47: Oulu
        { "heic/Apple_iPhone_7_IMG_2682.heic", "US" }, // Omaha
        { "iptc_xmp/FurnaceCreekInn.jpg", "US" }, // Death Valley
        { "jpeg/Apple_iPhone_4.jpg", "IT" }, // Rome
        { "jpeg/Apple_iPhone_XR_tiny.jpg", "HR" }, // Dalmatia
        { "jpeg/FujiFilm_FinePixS2Pro.jpg", "FR" }, // the Eiffel Tower
        { "jpeg/Google_Pixel_IMG_20180725_163423-tiny.jpg", "CZ" }, // Bohemia
        { "jpeg/HTC_Desire.jpg", "IT" }, // Milan
        { "jpeg/Sony_DSC-HX5V.jpg", "DE" }, // Westphalia
        { "png/vivo_X90_exif.png", "CN" }, // Shenzhen
        { "raw/Apple_iPhone_12_Pro_IMG_1361.dng", "US" }, // Georgia
        { "raw/Canon_EOS_R6_gps.cr3", "US" }, // Mountain View
        { "sidecar/IMG_5910.jpg", "US" }, // Berkeley
        { "tiff/DJI_FLIR_001.tif", "BE" }, // Leuven
        { "video/Apple_iPhone_6_with-gps.mov", "IL" }, // near Tel Aviv
        { "video/with-gps.mp4", "GB" }, // London
        { "webp/Apple_iPhone_X.webp", "US" }, // Sunnyvale
    };

    [Theory]
    [MemberData(nameof(GpsCountries))]
    public async Task Places_GpsFilesResolveToTheirCountry(string path, string country)
    {
        var expected = TestPhotos.Expected[path];
        await using var db = corpus.Library.OpenCatalog();
        var photo = (await db.Files.Include(f => f.Photo).SingleAsync(f => f.Path == path)).Photo!;
        Assert.Equal(expected.Number("GPSLatitude")!.Value, photo.Latitude!.Value, 3);
        Assert.Equal(country, photo.CountryCode);
        Assert.Contains(country.ToLowerInvariant(), (await Get($"/api/v1/photos/{photo.Uid}")).GetProperty("country").GetString());
        Assert.Contains(photo.Uid, await Uids($"country:{country}"));
    }

    [Fact]
    public async Task Places_ZeroZeroIsNoPlace()
    {
        await using var db = corpus.Library.OpenCatalog();
        var photo = (await db.Files.Include(f => f.Photo).SingleAsync(f => f.Path == "jpeg/Samsung_GT-I9000_Galaxy_S.jpg")).Photo!;
        Assert.Null(photo.CountryCode);
    }

    [Theory]
    [InlineData("newest")]
    [InlineData("oldest")]
    [InlineData("added")]
    [InlineData("edited")]
    [InlineData("name")]
    [InlineData("size")]
    [InlineData("random")]
    [InlineData("relevance")]
    public async Task Orders_PageThroughEverythingOnce(string order)
    {
        var all = await Uids("", order);
        var paged = new List<string>();
        string? after = null;
        do
        {
            var page = await Get($"/api/v1/photos?count=9&order={order}&seed=7{(after is null ? "" : $"&after={after}")}");
            paged.AddRange(page.GetProperty("photos").EnumerateArray().Select(p => p.GetProperty("uid").GetString()!));
            after = page.GetProperty("next").GetString();
        }
        while (after is not null);

        Assert.Equal(all.Count, paged.Distinct().Count());
        Assert.Equal(all.Order(), paged.Order());
        if (order != "random")
        {
            Assert.Equal(all, paged);
        }
    }

    [Theory]
    [InlineData("newest", "")]
    [InlineData("oldest", "")]
    [InlineData("added", "")]
    [InlineData("edited", "")]
    [InlineData("name", "")]
    [InlineData("size", "")]
    [InlineData("random", "")]
    [InlineData("relevance", "iphone")]
    [InlineData("relevance", "")]
    [InlineData("oldest", "type:image -camera:canon")]
    public async Task Position_IsThePhotosIndexInItsOrder(string order, string query)
    {
        var page = await Get($"/api/v1/photos?count=1000&order={order}&seed=7&q={Uri.EscapeDataString(query)}");
        var all = page.GetProperty("photos").EnumerateArray().Select(p => p.GetProperty("uid").GetString()!).ToList();
        Assert.True(all.Count > 3, $"{all.Count} photos");
        for (var i = 0; i < all.Count; i += all.Count > 60 ? 3 : 1)
        {
            var position = await Get($"/api/v1/photos/{all[i]}/position?order={order}&seed=7&q={Uri.EscapeDataString(query)}");
            Assert.True(position.GetProperty("index").GetInt32() == i, $"{all[i]}: {position} for index {i}");
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(7)]
    public async Task PositionLadder_GivesEveryPhotosIndex_InEachTimeOrder_WhateverItsStep(int step)
    {
        await using var db = corpus.Library.OpenCatalog();
        var visible = db.Photos.AsNoTracking().Where(p => !p.Missing && p.ArchivedAt == null);
        var orders = new (System.Linq.Expressions.Expression<Func<Pixhaven.Core.Model.Photo, DateTime>> Key, bool Descending)[]
        {
            (p => p.TakenAtUtc, true), (p => p.TakenAtUtc, false), (p => p.CreatedAt, true), (p => p.UpdatedAt, false),
        };
        foreach (var (key, descending) in orders)
        {
            var ordered = descending ? visible.OrderByDescending(key).ThenByDescending(p => p.Id) : visible.OrderBy(key).ThenBy(p => p.Id);
            var rows = await ordered.Select(p => new { p.Id, p.TakenAtUtc, p.CreatedAt, p.UpdatedAt }).ToListAsync();
            Assert.True(rows.Count > 3 * step, $"{rows.Count} photos");
            var keyOf = key.Compile();
            var ladder = await Pixhaven.Core.Search.PositionLadder.BuildAsync(visible, key, descending, step, CancellationToken.None);
            for (var i = 0; i < rows.Count; i++)
            {
                var photo = new Pixhaven.Core.Model.Photo { Uid = "", Id = rows[i].Id, TakenAtUtc = rows[i].TakenAtUtc, CreatedAt = rows[i].CreatedAt, UpdatedAt = rows[i].UpdatedAt };
                var at = DateTime.SpecifyKind(keyOf(photo), DateTimeKind.Utc);
                Assert.True(i == await ladder.PositionAsync(visible, at, rows[i].Id, CancellationToken.None), $"photo {rows[i].Id} at {i} by {key}, descending {descending}");
            }
        }
    }

    [Theory]
    [InlineData("order=newest&q=type:video", HttpStatusCode.NotFound)] // a photo, not among the videos
    [InlineData("order=oldest&q=year:", HttpStatusCode.BadRequest)]
    [InlineData("order=sideways", HttpStatusCode.BadRequest)]
    public async Task Position_OutsideTheSearch_Is404_AndABadSearchIs400(string parameters, HttpStatusCode expected)
    {
        var photo = (await Uids("type:image")).First();
        using var response = await corpus.Http.GetAsync($"/api/v1/photos/{photo}/position?{parameters}");
        Assert.Equal(expected, response.StatusCode);
        using var unknown = await corpus.Http.GetAsync("/api/v1/photos/pnotaphoto/position");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task Orders_OldestIsNewestReversed_NameIsSortedByPath()
    {
        var newest = await Uids("", "newest");
        var oldest = await Uids("", "oldest");
        Assert.Equal(newest.Select((u, i) => i).Count(), oldest.Count);

        await using var db = corpus.Library.OpenCatalog();
        var times = await db.Photos.ToDictionaryAsync(p => p.Uid, p => p.TakenAtUtc);
        Assert.True(oldest.Select(u => times[u]).SequenceEqual(oldest.Select(u => times[u]).Order()));
        Assert.True(newest.Select(u => times[u]).SequenceEqual(newest.Select(u => times[u]).OrderDescending()));

        var paths = await db.Files.Where(f => f.Primary && f.Photo != null).ToDictionaryAsync(f => f.Photo!.Uid, f => f.Path);
        var byName = (await Uids("", "name")).Select(u => paths[u]).ToList();
        Assert.Equal(byName.Order(StringComparer.Ordinal), byName);
    }

    [Fact]
    public async Task Orders_RandomIsStablePerSeedAndDiffersAcrossSeeds()
    {
        var first = await Get("/api/v1/photos?count=1000&order=random&seed=1");
        var again = await Get("/api/v1/photos?count=1000&order=random&seed=1");
        var other = await Get("/api/v1/photos?count=1000&order=random&seed=2");
        string Join(JsonElement page) => string.Join(',', page.GetProperty("photos").EnumerateArray().Select(p => p.GetProperty("uid").GetString()));
        Assert.Equal(Join(first), Join(again));
        Assert.NotEqual(Join(first), Join(other));
    }

    [Fact]
    public async Task Orders_RelevanceRanksTheBetterMatchFirst()
    {
        // "iphone" is in the camera model and in the file name of some photos, only in one of them for others.
        var ranked = await Uids("iphone", "relevance");
        Assert.Equal((await Uids("iphone")).Order(), ranked.Order());
        Assert.True(ranked.Count > 3);
    }

    [Theory]
    [InlineData("q=label:", "'label:' needs a value", 6)]
    [InlineData("q=foo:bar", "unknown filter 'foo:'", 0)]
    [InlineData("q=year:abc", "'year:' takes a number or a range like 10-20, not 'abc'", 5)]
    [InlineData("order=album", "order must be one of newest, oldest, added, edited, name, size, random, relevance", null)]
    [InlineData("order=sideways", "order must be one of newest, oldest, added, edited, name, size, random, relevance", null)]
    [InlineData("after=garbage", "invalid page cursor", null)]
    public async Task Search_Invalid_Is400WithTheReason(string parameters, string error, int? position)
    {
        using var response = await corpus.Http.GetAsync($"/api/v1/photos?{parameters}");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(error, body.GetProperty("error").GetString());
        if (position is not null)
        {
            Assert.Equal(position, body.GetProperty("position").GetInt32());
        }
    }

    [Fact]
    public async Task Search_CursorOfAnotherOrder_Is400()
    {
        var page = await Get("/api/v1/photos?count=2&order=name");
        using var response = await corpus.Http.GetAsync($"/api/v1/photos?order=size&after={page.GetProperty("next").GetString()}");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Facets_CountTheMatches()
    {
        var facets = await Get("/api/v1/photos/facets?q=geo:true");
        var total = facets.GetProperty("total").GetInt32();
        Assert.Equal((await Uids("geo:true")).Count, total);
        Assert.Equal(total, facets.GetProperty("years").EnumerateArray().Sum(y => y.GetProperty("count").GetInt32()));
        var countries = facets.GetProperty("countries").EnumerateArray().ToList();
        Assert.Equal(total, countries.Sum(c => c.GetProperty("count").GetInt32())); // every position is in a country
        var us = countries.Single(c => c.GetProperty("value").GetString() == "us");
        Assert.Equal("United States of America", us.GetProperty("name").GetString());
        Assert.Equal((await Uids("country:us")).Count, us.GetProperty("count").GetInt32());
        Assert.Contains(facets.GetProperty("cameras").EnumerateArray(), c => c.GetProperty("value").GetString() == "iPhone 4");
        // Labels: the most common first (then by name), each counted as its search finds it.
        var labels = facets.GetProperty("labels").EnumerateArray().Select(l => (Slug: l.GetProperty("value").GetString()!, Count: l.GetProperty("count").GetInt32())).ToList();
        Assert.NotEmpty(labels);
        Assert.Equal(labels.OrderByDescending(l => l.Count).ThenBy(l => l.Slug, StringComparer.Ordinal), labels);
        foreach (var (slug, count) in labels.Take(3))
        {
            Assert.True((await Uids($"geo:true label:\"{slug}\"")).Count == count, $"{slug}: {count} in the facets; " + string.Join(", ", labels));
        }
    }

    [Fact]
    public async Task Cameras_AreNamedAsPeopleNameThem_AndSearchedAsTheFilesNameThem()
    {
        // The files say "NIKON CORPORATION" and "NIKON D90": the facet searches the model, and shows the camera's name.
        var facets = await Get("/api/v1/photos/facets?q=" + Uri.EscapeDataString("camera:\"NIKON D90\""));
        var camera = Assert.Single(facets.GetProperty("cameras").EnumerateArray());
        Assert.Equal("NIKON D90", camera.GetProperty("value").GetString());
        Assert.Equal("Nikon D90", camera.GetProperty("name").GetString());
        var uid = (await Uids("camera:\"NIKON D90\"")).First();
        var details = await Get($"/api/v1/photos/{uid}");
        Assert.Equal("NIKON CORPORATION", details.GetProperty("make").GetString());
        Assert.Equal("Nikon D90", details.GetProperty("camera").GetString());
    }

    [Fact]
    public async Task Facets_InvalidQuery_Is400()
    {
        using var response = await corpus.Http.GetAsync("/api/v1/photos/facets?q=%22open");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}
