using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Pixhaven.Tests.Infrastructure;

namespace Pixhaven.Tests.Search;

/// <summary>Moments from real edits: a trip of three photos becomes one, and its search lists exactly those photos.</summary>
public class MomentsTests : IAsyncLifetime
{
    /// <summary>Where the catalog lives; the embedded SQLite file unless a subclass says otherwise.</summary>
    protected virtual IReadOnlyDictionary<string, string>? CatalogOptions => null;

    private TestLibrary _library = null!;
    private LibraryServer _server = null!;
    private List<string> _uids = [];

    public async Task InitializeAsync()
    {
        _library = await TestLibrary.CreateAsync([TestPhotos.CanonJpeg, TestPhotos.GpsJpeg, TestPhotos.OffsetJpeg, TestPhotos.Rotated, "jpeg/Canon_EOS_7D.jpg"], CatalogOptions);
        await _library.IndexAsync();
        _server = await LibraryServer.StartAsync(_library);
        await using var db = _library.OpenCatalog();
        _uids = await db.Photos.OrderBy(p => p.Id).Select(p => p.Uid).ToListAsync();
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        await _library.DisposeAsync();
    }

    private async Task Place(string uid, string takenAt, double latitude, double longitude)
    {
        using var response = await _server.Http.PatchAsJsonAsync($"/api/v1/photos/{uid}", new { takenAt, timeZone = "Europe/Lisbon", latitude, longitude });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task ThreePhotosOfATrip_MakeOneMoment_WhoseSearchListsThem()
    {
        // Lisbon on three days in a row, and Lisbon again two weeks later, alone: one moment of three.
        await Place(_uids[0], "2021-07-04T10:00:00", 38.7077, -9.1366);
        await Place(_uids[1], "2021-07-05T12:00:00", 38.7139, -9.1394);
        await Place(_uids[2], "2021-07-06T18:30:00", 38.6916, -9.2160);
        await Place(_uids[3], "2021-07-20T09:00:00", 38.7223, -9.1393);

        var moments = JsonDocument.Parse(await _server.Http.GetStringAsync("/api/v1/moments")).RootElement.EnumerateArray().ToList();
        var moment = Assert.Single(moments, m => m.GetProperty("countryCode").GetString() == "PT");
        Assert.Equal(3, moment.GetProperty("count").GetInt32());
        Assert.StartsWith("2021-07-04", moment.GetProperty("start").GetString(), StringComparison.Ordinal);
        Assert.StartsWith("2021-07-06", moment.GetProperty("end").GetString(), StringComparison.Ordinal);
        Assert.Contains("Portugal, July 2021", moment.GetProperty("title").GetString(), StringComparison.Ordinal);

        var query = moment.GetProperty("query").GetString()!;
        var page = JsonDocument.Parse(await _server.Http.GetStringAsync($"/api/v1/photos?q={Uri.EscapeDataString(query)}")).RootElement;
        Assert.Equal(_uids.Take(3).Order(), page.GetProperty("photos").EnumerateArray().Select(p => p.GetProperty("uid").GetString()).Order());
        Assert.Contains(moment.GetProperty("coverUid").GetString(), _uids.Take(3));
    }
}
