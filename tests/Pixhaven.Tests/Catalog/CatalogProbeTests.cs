using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Pixhaven.Core.Accounts;
using Pixhaven.Core.Catalog;
using Pixhaven.Core.Model;
using Pixhaven.Tests.Infrastructure;

namespace Pixhaven.Tests.Catalog;

/// <summary>
/// The plain SQL reads of start-up agree with EF Core: the same migrations, the same counts and last run. If they did
/// not, a start could skip a migration or report wrong counts.
/// </summary>
public class CatalogProbeTests
{
    /// <summary>Where the catalog lives; the embedded SQLite file unless a subclass says otherwise.</summary>
    protected virtual IReadOnlyDictionary<string, string>? CatalogOptions => null;

    [Fact]
    public async Task ProbeReads_AgreeWithEfCore()
    {
        await using var library = await TestLibrary.CreateAsync([TestPhotos.GpsJpeg, TestPhotos.CanonJpeg], CatalogOptions);
        await File.WriteAllBytesAsync(library.OriginalPath("empty.jpg"), []);
        var provider = library.Services.GetRequiredService<ICatalogProvider>();
        await using (var db = library.OpenCatalog())
        {
            var known = CatalogProbe.KnownMigrations(provider.MigrationsAssembly);
            Assert.Equal(db.Database.GetMigrations(), known);
            Assert.Equal(known.ToHashSet(), await CatalogProbe.AppliedMigrationsAsync(provider, CancellationToken.None));
        }

        Assert.Null(await CatalogProbe.LastRunAsync(provider, CancellationToken.None));
        Assert.False(await CatalogProbe.HasUsersAsync(provider, CancellationToken.None));
        await library.IndexAsync();
        await library.Services.GetRequiredService<UserService>().AddAsync("ada", "correct horse battery", UserRole.Admin, CancellationToken.None);
        Assert.True(await CatalogProbe.HasUsersAsync(provider, CancellationToken.None));

        var counts = await CatalogProbe.CountAsync(provider, CancellationToken.None);
        var run = await CatalogProbe.LastRunAsync(provider, CancellationToken.None);
        await using (var db = library.OpenCatalog())
        {
            var files = await db.Files.Where(f => !f.Missing).ToListAsync();
            Assert.Equal(
                new CatalogCounts(await db.Photos.CountAsync(p => !p.Missing), files.Count, files.Count(f => f.Status == FileStatus.Indexed),
                    files.Count(f => f.Status == FileStatus.Partial), files.Count(f => f.Status == FileStatus.Skipped),
                    files.Count(f => f.Status == FileStatus.Failed), await db.Files.CountAsync(f => f.Missing)),
                counts);
            Assert.Equal(3, counts.Files);
            Assert.Equal(2, counts.Indexed); // the empty file is not

            var expected = await db.IndexRuns.OrderByDescending(r => r.Id).FirstAsync();
            Assert.NotNull(run);
            Assert.Equal((expected.Id, expected.Found, expected.Indexed, expected.Failed, expected.Skipped), (run.Id, run.Found, run.Indexed, run.Failed, run.Skipped));
            Assert.Equal(expected.StartedAt, run.StartedAt, TimeSpan.FromMilliseconds(1));
            Assert.Equal(DateTimeKind.Utc, run.StartedAt.Kind);
            Assert.NotNull(run.FinishedAt);
        }
    }
}

/// <summary>What only the SQLite probe has to mind: a catalog file is made by the migration, never by a probe.</summary>
public sealed class SqliteCatalogProbeTests
{
    [Fact]
    public async Task NewCatalog_HasNoHistory_AndTheProbeLeavesNoFileBehind()
    {
        var root = Directory.CreateTempSubdirectory("pixhaven-probe-").FullName;
        try
        {
            var file = Path.Combine(root, "catalog.db");
            var provider = Pixhaven.Catalog.Sqlite.SqliteCatalogProvider.ForFile(file);
            Assert.Empty(await CatalogProbe.AppliedMigrationsAsync(provider, CancellationToken.None));
            Assert.False(File.Exists(file));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }
}
