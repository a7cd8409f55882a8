using Microsoft.Extensions.DependencyInjection;
using Pixhaven.Core.Search;
using Pixhaven.Core.Search.Query;
using Pixhaven.Tests.Infrastructure;

namespace Pixhaven.Tests.Search;

/// <summary>
/// The server computes the whole-library overviews ahead, after it starts and after each change once the catalog
/// settles, so that nobody waits for their full scans; what it keeps is the library as it is now.
/// </summary>
public sealed class OverviewWarmingTests
{
    private static readonly string[] Overviews = ["facets:", "calendar:", "labels:", "places:", "moments:", "people:"];

    [Fact]
    public async Task TheServer_ComputesTheOverviewsAhead_AfterStartAndAfterEachChange()
    {
        await using var library = await TestLibrary.CreateAsync(["jpeg/Canon_EOS_7D.jpg", "jpeg/Casio_EX-Z3.jpg"]);
        await library.IndexAsync();
        await using var server = await LibraryServer.StartAsync(library);
        var cache = server.Server.Services.GetRequiredService<ResultCache>();

        await WaitUntilAllHeldAsync(cache); // nobody has asked for any of them

        // Another process (here: another set of services on the same catalog) adds a photo.
        File.Copy(TestPhotos.PathOf("jpeg/Olympus_PEN_E-P3.jpg"), library.OriginalPath("Olympus_PEN_E-P3.jpg"));
        await library.IndexAsync();
        Assert.False(await cache.HoldsAsync("facets:", CancellationToken.None)); // what it held is out of date

        await WaitUntilAllHeldAsync(cache);
        var facets = await server.Server.Services.GetRequiredService<PhotoSearch>().FacetsAsync(SearchQuery.Empty, CancellationToken.None);
        Assert.Equal(3, facets.Total);
        Assert.Equal(["2013", "2010", "2003"], facets.Years.Select(y => y.Value));
    }

    private static async Task WaitUntilAllHeldAsync(ResultCache cache)
    {
        // The warmer reads the catalog's change stamp every few seconds; a minute leaves room for a loaded machine.
        var deadline = DateTime.UtcNow.AddMinutes(1);
        var missing = Overviews.ToList();
        while (DateTime.UtcNow < deadline)
        {
            missing = [];
            foreach (var key in Overviews)
            {
                if (!await cache.HoldsAsync(key, CancellationToken.None))
                {
                    missing.Add(key);
                }
            }

            if (missing.Count == 0)
            {
                return;
            }

            await Task.Delay(200);
        }

        Assert.Fail("not computed ahead within a minute: " + string.Join(", ", missing));
    }
}
