using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Pixhaven.Core.Accounts;
using Pixhaven.Core.Catalog;
using Pixhaven.Tests.Infrastructure;

namespace Pixhaven.Tests.Security;

/// <summary>Preview and download tokens shared by processes on one catalog: a rotation elsewhere reaches this one.</summary>
public sealed class UrlTokenTests
{
    [Fact]
    public async Task ARotationByAnotherProcess_IsHonouredHere_WithinTheRereadTime()
    {
        await using var library = await TestLibrary.CreateAsync([]);
        var catalog = library.Services.GetRequiredService<IDbContextFactory<CatalogDbContext>>();
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var here = new DownloadTokens(catalog, clock);
        var elsewhere = new DownloadTokens(catalog, clock);

        var before = await here.CurrentAsync(CancellationToken.None);
        Assert.Equal(before, await elsewhere.CurrentAsync(CancellationToken.None));
        var rotated = await elsewhere.RotateAsync(CancellationToken.None);
        Assert.NotEqual(before, rotated);
        Assert.True(await elsewhere.IsValidAsync(rotated, CancellationToken.None));

        clock.Advance(UrlToken.RereadAfter);
        Assert.False(await here.IsValidAsync(before, CancellationToken.None));
        Assert.True(await here.IsValidAsync(rotated, CancellationToken.None));

        // Preview and download tokens are separate secrets.
        Assert.NotEqual(rotated, await new PreviewTokens(catalog, clock).CurrentAsync(CancellationToken.None));
    }
}
