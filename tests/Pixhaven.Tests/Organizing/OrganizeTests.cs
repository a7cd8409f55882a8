using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Pixhaven.Core.Media.Metadata;
using Pixhaven.Core.Model;
using Pixhaven.Tests.Infrastructure;

namespace Pixhaven.Tests.Organizing;

/// <summary>Edits, flags, archive and delete over HTTP on a small library of its own (the tests change it).</summary>
public class OrganizeTests : IAsyncLifetime
{
    /// <summary>Where the catalog lives; the embedded SQLite file unless a subclass says otherwise.</summary>
    protected virtual IReadOnlyDictionary<string, string>? CatalogOptions => null;

    private const string Rome = TestPhotos.GpsJpeg;
    private const string Canon = TestPhotos.CanonJpeg;
    private const string Offset = TestPhotos.OffsetJpeg;
    private const string Stacked = "sidecar/IMG_5910.jpg";

    private TestLibrary _library = null!;
    private LibraryServer _server = null!;

    private HttpClient Http => _server.Http;

    public async Task InitializeAsync()
    {
        _library = await TestLibrary.CreateAsync([Rome, Canon, Offset, Stacked, "sidecar/IMG_5910.xmp", TestPhotos.Rotated], CatalogOptions);
        await _library.IndexAsync();
        _server = await LibraryServer.StartAsync(_library);
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        await _library.DisposeAsync();
    }

    private async Task<JsonElement> Json(HttpResponseMessage response, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{(int)response.StatusCode}: {body}");
        return body.Length == 0 ? default : JsonDocument.Parse(body).RootElement.Clone();
    }

    private async Task<List<string>> Search(string query)
    {
        var page = await Json(await Http.GetAsync($"/api/v1/photos?count=1000&q={Uri.EscapeDataString(query)}"));
        return page.GetProperty("photos").EnumerateArray().Select(p => p.GetProperty("uid").GetString()!).ToList();
    }

    private Task<HttpResponseMessage> Patch(string uid, object edit) => Http.PatchAsJsonAsync($"/api/v1/photos/{uid}", edit);

    [Fact]
    public async Task Edit_EveryField_ShowsInDetailsAndSearch()
    {
        var uid = await _library.UidOf(Canon);
        var details = await Json(await Patch(uid, new
        {
            title = "Golden hour at the harbour",
            description = "Boats coming home",
            keywords = new[] { "harbour", "Sunset", "boats" },
            takenAt = "2021-07-04T20:15:00",
            timeZone = "Europe/Lisbon",
            latitude = 38.7077,
            longitude = -9.1366,
            cameraModel = "Canon EOS 5D Mark III (rented)",
            favorite = true,
        }));

        Assert.Equal("Golden hour at the harbour", details.GetProperty("title").GetString());
        Assert.Equal("Boats coming home", details.GetProperty("description").GetString());
        Assert.Equal(["harbour", "Sunset", "boats"], details.GetProperty("keywords").EnumerateArray().Select(k => k.GetString()));
        Assert.Equal(["boats", "harbour", "Sunset"], details.GetProperty("labels").EnumerateArray().Select(k => k.GetString()));
        Assert.Equal("2021-07-04T20:15:00", details.GetProperty("takenAt").GetString());
        Assert.Equal("+01:00", details.GetProperty("takenAtOffset").GetString()); // Lisbon in summer
        Assert.Equal("manual", details.GetProperty("takenAtSource").GetString());
        Assert.Equal("pt", details.GetProperty("country").GetString());
        Assert.Equal("Lisbon", details.GetProperty("state").GetString());
        Assert.True(details.GetProperty("favorite").GetBoolean());
        Assert.Equal("Canon EOS 5D Mark III (rented)", details.GetProperty("model").GetString());

        Assert.Equal([uid], await Search("\"golden hour\""));
        Assert.Equal([uid], await Search("label:sunset country:portugal"));
        Assert.Equal([uid], await Search("favorite:true"));
        Assert.Equal([uid], await Search("year:2021 month:7"));
        Assert.Equal([uid], await Search("camera:rented"));
    }

    [Fact]
    public async Task Edit_SurvivesAForcedReindex()
    {
        var uid = await _library.UidOf(Rome);
        await Json(await Patch(uid, new { title = "Forum", keywords = new[] { "rome" }, takenAt = "2011-05-01T10:00:00", timeZone = "+02:00", latitude = 41.8925, longitude = 12.4853, cameraMake = "Apple (edited)" }));
        await _library.IndexAsync(force: true);

        var details = await Json(await Http.GetAsync($"/api/v1/photos/{uid}"));
        Assert.Equal("Forum", details.GetProperty("title").GetString());
        Assert.Equal(["rome"], details.GetProperty("keywords").EnumerateArray().Select(k => k.GetString()));
        Assert.Equal("2011-05-01T10:00:00", details.GetProperty("takenAt").GetString());
        Assert.Equal("+02:00", details.GetProperty("takenAtOffset").GetString());
        Assert.Equal(41.8925, details.GetProperty("lat").GetDouble());
        Assert.Equal("Apple (edited)", details.GetProperty("make").GetString());
        Assert.Equal([uid], await Search("label:rome"));
    }

    [Fact]
    public async Task Edit_PlaceByName_SetsItsPosition_AndAnAmbiguousNameListsTheCandidates()
    {
        var uid = await _library.UidOf(Canon);
        var details = await Json(await Patch(uid, new { place = "lisbon, portugal" }));
        Assert.Equal("pt", details.GetProperty("country").GetString());
        Assert.Equal(38.7, details.GetProperty("lat").GetDouble(), 0.1);
        Assert.Equal(-9.1, details.GetProperty("lng").GetDouble(), 0.1);
        Assert.Contains(uid, await Search("country:pt"));

        var ambiguous = await Json(await Patch(uid, new { place = "Springfield" }), HttpStatusCode.BadRequest);
        var error = ambiguous.GetProperty("error").GetString()!;
        Assert.StartsWith("several places are named 'Springfield': ", error, StringComparison.Ordinal);
        Assert.Contains(", US", error, StringComparison.Ordinal);
        details = await Json(await Patch(uid, new { place = "Springfield, Illinois, US" }));
        Assert.Equal(39.8, details.GetProperty("lat").GetDouble(), 0.1);
    }

    [Fact]
    public async Task Edit_ClearsWithEmptyValues()
    {
        var uid = await _library.UidOf(Rome);
        var details = await Json(await Patch(uid, new { title = "", keywords = Array.Empty<string>(), clearLocation = true }));
        Assert.Equal(JsonValueKind.Null, details.GetProperty("title").ValueKind);
        Assert.Equal(JsonValueKind.Null, details.GetProperty("lat").ValueKind);
        Assert.Equal(JsonValueKind.Null, details.GetProperty("country").ValueKind);
        Assert.DoesNotContain(uid, await Search("geo:true"));
    }

    [Theory]
    [InlineData("""{"takenAt":"yesterday"}""", "takenAt 'yesterday' is not a local time like 2019-06-30T18:05:00")]
    [InlineData("""{"takenAt":"2020-01-01T00:00:00","timeZone":"Mars/Olympus"}""", "unknown time zone 'Mars/Olympus': use an IANA name like Europe/Berlin or an offset like +02:00")]
    [InlineData("""{"latitude":10}""", "give both latitude and longitude")]
    [InlineData("""{"latitude":100,"longitude":0}""", "latitude must be within ±90 and longitude within ±180 degrees")]
    [InlineData("""{"shiftTakenAt":"an hour"}""", "shiftTakenAt 'an hour' is not a shift like +01:00, -00:30 or +2.03:00 (days.hours:minutes)")]
    [InlineData("""{"shiftTakenAt":"+01:75"}""", "shiftTakenAt '+01:75' is not a shift like +01:00, -00:30 or +2.03:00 (days.hours:minutes)")]
    [InlineData("""{"shiftTakenAt":"-40000.00:00"}""", "shiftTakenAt '-40000.00:00' is more than 36500 days")]
    [InlineData("""{"shiftTakenAt":"+01:00","takenAt":"2020-01-01T00:00:00"}""", "give takenAt or shiftTakenAt, not both")]
    [InlineData("""{"shiftTakenAt":"+01:00","timeZone":"Mars/Olympus"}""", "unknown time zone 'Mars/Olympus': use an IANA name like Europe/Berlin or an offset like +02:00")]
    [InlineData("""{"place":"Nowhereville Upon Nothing"}""", "no place is named 'Nowhereville Upon Nothing'; check the spelling, or give coordinates")]
    [InlineData("""{"place":"Lisbon","latitude":1,"longitude":2}""", "give a place or coordinates, not both")]
    public async Task Edit_Invalid_Is400AndChangesNothing(string body, string error)
    {
        var uid = await _library.UidOf(Canon);
        var before = await Json(await Http.GetAsync($"/api/v1/photos/{uid}"));
        using var content = new StringContent(body, System.Text.Encoding.UTF8, "application/json");
        var response = await Json(await Http.PatchAsync($"/api/v1/photos/{uid}", content), HttpStatusCode.BadRequest);
        Assert.Equal(error, response.GetProperty("error").GetString());
        Assert.Equal(before.GetRawText(), (await Json(await Http.GetAsync($"/api/v1/photos/{uid}"))).GetRawText());
    }

    [Fact]
    public async Task Edit_UnknownPhoto_Is404()
    {
        using var response = await Patch("pnotthere", new { title = "x" });
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task CachedOverviews_FollowEveryChange()
    {
        async Task<int> FavoriteCount() => (await Json(await Http.GetAsync("/api/v1/photos/facets?q=favorite:true"))).GetProperty("total").GetInt32();
        async Task<int> LabelCount() => (await Json(await Http.GetAsync("/api/v1/labels"))).EnumerateArray().Count(l => l.GetProperty("slug").GetString() == "cached");

        Assert.Equal(0, await FavoriteCount());
        Assert.Equal(0, await LabelCount());
        await Json(await Patch(await _library.UidOf(Canon), new { favorite = true, keywords = new[] { "cached" } }));
        Assert.Equal(1, await FavoriteCount());
        Assert.Equal(1, await LabelCount());

        // A change made by another connection, as a second process (pixhaven index) would make it.
        await using (var db = _library.OpenCatalog())
        {
            await db.Photos.ExecuteUpdateAsync(s => s.SetProperty(p => p.Favorite, true));
        }

        Assert.Equal(await CatalogCount(), await FavoriteCount());

        async Task<int> CatalogCount()
        {
            await using var db = _library.OpenCatalog();
            return await db.Photos.CountAsync(p => !p.Missing);
        }
    }

    [Fact]
    public async Task Batch_EditsTheSelectionOnly()
    {
        var selection = new[] { await _library.UidOf(Rome), await _library.UidOf(Offset) };
        var result = await Json(await Http.PostAsJsonAsync("/api/v1/batch/photos/edit", new { photos = selection, values = new { favorite = true, keywords = new[] { "holiday" } } }));
        Assert.Equal(2, result.GetProperty("count").GetInt32());
        Assert.Equal(selection.Order(), (await Search("favorite:true")).Order());
        Assert.Equal(selection.Order(), (await Search("label:holiday")).Order());
        Assert.Equal(selection.Order(), (await Search("holiday")).Order());
    }

    [Fact]
    public async Task Batch_ShiftsEachPhotosOwnTime_AndAZoneAloneKeepsEachLocalTime_SurvivingAReindex()
    {
        // A camera whose clock ran a day, two and a half hours fast: each photo moves by as much, from its own time.
        var selection = new[] { await _library.UidOf(Canon), await _library.UidOf(Offset) };
        var before = await DetailsAsync();
        Assert.NotNull(before[1].Offset); // one photo with a zone from its file, which a shift keeps
        var result = await Json(await Http.PostAsJsonAsync("/api/v1/batch/photos/edit", new { photos = selection, values = new { shiftTakenAt = "-1.02:30" } }));
        Assert.Equal(2, result.GetProperty("count").GetInt32());
        var shifted = await DetailsAsync();
        for (var i = 0; i < selection.Length; i++)
        {
            Assert.Equal(before[i].Local - new TimeSpan(1, 2, 30, 0), shifted[i].Local);
            Assert.Equal(before[i].Offset, shifted[i].Offset);
            Assert.Equal("manual", shifted[i].Source);
        }

        // Search finds it at its new time.
        var order = await Json(await Http.GetAsync($"/api/v1/photos?count=10&order=oldest&q={Uri.EscapeDataString("year:" + shifted[0].Local.Year)}"));
        Assert.Contains(selection[0], order.GetProperty("photos").EnumerateArray().Select(p => p.GetProperty("uid").GetString()));

        // Photos taken in New York on a camera set to local time without a zone: the local time stays, each takes the
        // offset New York had on its day (summer and winter differ).
        await Json(await Http.PostAsJsonAsync("/api/v1/batch/photos/edit", new { photos = selection, values = new { timeZone = "America/New_York" } }));
        var zoned = await DetailsAsync();
        var newYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");
        for (var i = 0; i < selection.Length; i++)
        {
            Assert.Equal(shifted[i].Local, zoned[i].Local);
            var offset = newYork.GetUtcOffset(zoned[i].Local);
            Assert.Equal((offset < TimeSpan.Zero ? "-" : "+") + offset.Duration().ToString(@"hh\:mm", System.Globalization.CultureInfo.InvariantCulture), zoned[i].Offset);
        }

        // Both at once: the shift first, then the zone's offset at the shifted time.
        await Json(await Http.PostAsJsonAsync("/api/v1/batch/photos/edit", new { photos = selection, values = new { shiftTakenAt = "+1.02:30", timeZone = "+09:00" } }));
        var back = await DetailsAsync();
        for (var i = 0; i < selection.Length; i++)
        {
            Assert.Equal(before[i].Local, back[i].Local);
            Assert.Equal("+09:00", back[i].Offset);
        }

        await _library.IndexAsync(force: true);
        Assert.Equal(back, await DetailsAsync());

        // A shift that would leave the calendar changes none of the selection.
        await Json(await Patch(selection[1], new { takenAt = "1000-06-01T00:00:00" }));
        var refused = await Json(await Http.PostAsJsonAsync("/api/v1/batch/photos/edit", new { photos = selection, values = new { shiftTakenAt = "-36500.00:00" } }), HttpStatusCode.BadRequest);
        Assert.Equal($"shifting photo {selection[1]} by -36500.00:00 would take it out of the years 1000 to 9999", refused.GetProperty("error").GetString());
        Assert.Equal(before[0].Local, (await DetailsAsync())[0].Local);

        async Task<List<(DateTime Local, string? Offset, string? Source)>> DetailsAsync()
        {
            var list = new List<(DateTime, string?, string?)>();
            foreach (var uid in selection)
            {
                var details = await Json(await Http.GetAsync($"/api/v1/photos/{uid}"));
                list.Add((DateTime.Parse(details.GetProperty("takenAt").GetString()!, System.Globalization.CultureInfo.InvariantCulture),
                    details.GetProperty("takenAtOffset").GetString(), details.GetProperty("takenAtSource").GetString()));
            }

            return list;
        }
    }

    [Fact]
    public async Task PrivateAndArchive_HideFromDefaultViews_AndRestore()
    {
        var (hidden, archived) = (await _library.UidOf(Rome), await _library.UidOf(Canon));
        var all = await Search("");
        await Json(await Patch(hidden, new { @private = true }));
        await Json(await Http.PostAsJsonAsync("/api/v1/batch/photos/archive", new { photos = new[] { archived } }));

        var visible = await Search("");
        Assert.Equal(all.Count - 2, visible.Count);
        Assert.DoesNotContain(hidden, visible);
        Assert.DoesNotContain(archived, visible);
        Assert.Equal([hidden], await Search("private:true"));
        Assert.Equal([archived], await Search("archived:true"));

        await Json(await Http.PostAsJsonAsync("/api/v1/batch/photos/restore", new { photos = new[] { archived } }));
        Assert.Contains(archived, await Search(""));
    }

    [Fact]
    public async Task Delete_OnlyArchived_RemovesFromCatalog_OriginalStays_NotReindexed()
    {
        var uid = await _library.UidOf(Offset);
        var original = _library.OriginalPath(Offset);
        var hash = Convert.ToHexString(SHA256.HashData(await File.ReadAllBytesAsync(original)));

        var refused = await Json(await Http.PostAsJsonAsync("/api/v1/batch/photos/delete", new { photos = new[] { uid } }), HttpStatusCode.BadRequest);
        Assert.Contains("not archived", refused.GetProperty("error").GetString());

        await Json(await Http.PostAsJsonAsync("/api/v1/batch/photos/archive", new { photos = new[] { uid } }));
        var deleted = await Json(await Http.PostAsJsonAsync("/api/v1/batch/photos/delete", new { photos = new[] { uid } }));
        Assert.Equal(1, deleted.GetProperty("count").GetInt32());
        Assert.Equal(HttpStatusCode.NotFound, (await Http.GetAsync($"/api/v1/photos/{uid}")).StatusCode);

        await _library.IndexAsync(force: true);
        Assert.Equal(hash, Convert.ToHexString(SHA256.HashData(await File.ReadAllBytesAsync(original))));
        await using var db = _library.OpenCatalog();
        var file = await db.Files.SingleAsync(f => f.Path == Offset);
        Assert.Equal(FileStatus.Removed, file.Status);
        Assert.Null(file.PhotoId);
        Assert.DoesNotContain(await db.Photos.Select(p => p.Uid).ToListAsync(), u => u == uid);
    }

    [Fact]
    public async Task Edit_WritesAnXmpSidecarInStorage_ThatReadsBack_OriginalUntouched()
    {
        var uid = await _library.UidOf(Rome);
        var original = _library.OriginalPath(Rome);
        var before = await File.ReadAllBytesAsync(original);
        await Json(await Patch(uid, new { title = "Piazza", description = "Evening light", keywords = new[] { "rome", "piazza" }, latitude = -33.8568, longitude = 151.2153, takenAt = "2011-05-01T19:30:00", timeZone = "+02:00" }));

        var sidecar = Path.Combine(_library.Storage, "sidecars", Rome + ".xmp");
        Assert.True(File.Exists(sidecar));
        Assert.False(File.Exists(original + ".xmp"));
        Assert.Equal(before, await File.ReadAllBytesAsync(original));

        var read = SidecarReader.Read(sidecar);
        Assert.Equal("Piazza", read.Title);
        Assert.Equal("Evening light", read.Description);
        Assert.Equal(["rome", "piazza"], read.Keywords);
        Assert.Equal(-33.8568, read.Latitude!.Value, 4);
        Assert.Equal(151.2153, read.Longitude!.Value, 4);
        Assert.Equal(new DateTime(2011, 5, 1, 19, 30, 0), read.TakenAt);
        Assert.Equal(TimeSpan.FromHours(2), read.TakenAtOffset);
    }
}
