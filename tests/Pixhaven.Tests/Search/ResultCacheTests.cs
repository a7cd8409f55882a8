using Microsoft.Extensions.DependencyInjection;
using Pixhaven.Core.Accounts;
using Pixhaven.Core.Model;
using Pixhaven.Core.Organizing;
using Pixhaven.Core.Search;
using Pixhaven.Core.Sharing;
using Pixhaven.Tests.Infrastructure;

namespace Pixhaven.Tests.Search;

/// <summary>The overview cache on a real catalog: one computation per overview and catalog state, shared by those who wait for it.</summary>
public sealed class ResultCacheTests
{
    [Fact]
    public async Task CallersWhoAskDuringAComputation_WaitForIt_AndAChangeStartsAfresh()
    {
        await using var library = await TestLibrary.CreateAsync(["jpeg/Canon_EOS_7D.jpg"]);
        await library.IndexAsync();
        var cache = library.Services.GetRequiredService<ResultCache>();
        var computed = 0;
        var release = new TaskCompletionSource();
        async Task<string> Compute()
        {
            var run = Interlocked.Increment(ref computed);
            await release.Task;
            return "result " + run;
        }

        var first = cache.GetOrAddAsync("facets:", Compute, CancellationToken.None);
        var second = cache.GetOrAddAsync("facets:", Compute, CancellationToken.None);
        release.SetResult();
        Assert.Equal(["result 1", "result 1"], await Task.WhenAll(first, second));
        Assert.Equal("result 1", await cache.GetOrAddAsync("facets:", Compute, CancellationToken.None));
        Assert.True(await cache.HoldsAsync("facets:", CancellationToken.None));

        File.Copy(TestPhotos.PathOf("jpeg/Casio_EX-Z3.jpg"), library.OriginalPath("Casio_EX-Z3.jpg"));
        await library.IndexAsync();
        Assert.False(await cache.HoldsAsync("facets:", CancellationToken.None));
        Assert.Equal("result 2", await cache.GetOrAddAsync("facets:", Compute, CancellationToken.None));
    }

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task SignInsAndShareLinks_KeepWhatIsCached_WhileAChangeToTheLibraryEmptiesIt(string catalog)
    {
        await using var library = await TestLibrary.CreateAsync(["jpeg/Canon_EOS_7D.jpg"], catalog == "postgres" ? TestPostgres.Options() : null);
        await library.IndexAsync();
        var services = library.Services;
        var cache = services.GetRequiredService<ResultCache>();
        await cache.GetOrAddAsync("facets:", () => Task.FromResult("before"), CancellationToken.None);

        // Each of these commits to the catalog, none changes what an overview counts.
        await services.GetRequiredService<UserService>().AddAsync("ada", "correct horse battery", UserRole.Admin, CancellationToken.None);
        var signIn = await services.GetRequiredService<SessionService>().SignInAsync("ada", "correct horse battery", "127.0.0.1", null, CancellationToken.None);
        Assert.NotNull(signIn.Token);
        var uid = await library.UidOf("jpeg/Canon_EOS_7D.jpg");
        var shares = services.GetRequiredService<ShareService>();
        var (token, _) = await shares.CreateAsync(new ShareRequest(null, [uid], "For Grace", null, null, AllowDownload: true), null, CancellationToken.None);
        await shares.VisitAsync((await shares.OpenAsync(token, CancellationToken.None))!.Link, CancellationToken.None);
        Assert.True(await cache.HoldsAsync("facets:", CancellationToken.None));

        // A favourite mark counts in the facets: what was cached goes.
        await services.GetRequiredService<PhotoEditor>().EditAsync([uid], new PhotoEdit { Favorite = true }, CancellationToken.None);
        Assert.False(await cache.HoldsAsync("facets:", CancellationToken.None));
        Assert.Equal("after", await cache.GetOrAddAsync("facets:", () => Task.FromResult("after"), CancellationToken.None));

        // So does an album, another process's edit included.
        await using (var db = library.OpenCatalog())
        {
            db.Albums.Add(new Album { Uid = "album-of-another-process", Title = "Holidays", CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow });
            await db.SaveChangesAsync();
        }

        Assert.False(await cache.HoldsAsync("facets:", CancellationToken.None));
    }

    [Fact]
    public async Task WhenTheCallerWhoStartedAComputationGivesUp_TheOthersComputeTheirOwn()
    {
        await using var library = await TestLibrary.CreateAsync([]);
        var cache = library.Services.GetRequiredService<ResultCache>();
        using var giveUp = new CancellationTokenSource();
        var never = new TaskCompletionSource<string>();

        var abandoned = cache.GetOrAddAsync("calendar:", async () => await never.Task.WaitAsync(giveUp.Token), giveUp.Token);
        var waiting = cache.GetOrAddAsync("calendar:", () => Task.FromResult("its own"), CancellationToken.None);
        await giveUp.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => abandoned);
        Assert.Equal("its own", await waiting);
        Assert.False(await cache.HoldsAsync("calendar:", CancellationToken.None)); // a computation given up is not kept
    }
}
