using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Pixhaven.Core.Model;
using Pixhaven.Tests.Infrastructure;

namespace Pixhaven.Tests.Catalog;

/// <summary>A library indexed by an earlier version, upgraded: its catalog migrates without losing what it knew.</summary>
public sealed class CatalogUpgradeTests
{
    [Fact]
    public async Task ALibraryFromBeforeThumbnailKeys_KeepsItsThumbnails_WhenItsFilesAreReadAgain()
    {
        await using var library = await TestLibrary.CreateAsync(["jpeg/Canon_EOS_7D.jpg", "raw/Sony_ILCE-7M3.ARW", "video/with-gps.mp4"]);
        await library.IndexAsync();

        // The catalog as the version before wrote it: no thumbnail keys, read by the readers of revision 1.
        await using (var db = library.OpenCatalog())
        {
            var keys = db.GetService<IMigrationsAssembly>().Migrations.Keys.Single(id => id.EndsWith("_ThumbnailKeys", StringComparison.Ordinal));
            await db.Database.ExecuteSqlRawAsync("""ALTER TABLE files DROP COLUMN "ThumbnailKey" """);
            await db.Database.ExecuteSqlAsync($"""DELETE FROM "__EFMigrationsHistory" WHERE "MigrationId" = {keys}""");
            await db.Database.ExecuteSqlRawAsync("""UPDATE files SET "Revision" = 1""");
            await db.GetService<IMigrator>().MigrateAsync();
        }

        var thumbnails = Directory.EnumerateFiles(library.Options.Values.ThumbnailCachePath, "*", SearchOption.AllDirectories)
            .ToDictionary(path => path, File.GetLastWriteTimeUtc);
        var result = await library.IndexAsync();

        // Every file is read again by the newer readers, and none has its thumbnails made again.
        Assert.Equal(3, result.ReadAgain);
        Assert.Equal(thumbnails, Directory.EnumerateFiles(library.Options.Values.ThumbnailCachePath, "*", SearchOption.AllDirectories)
            .ToDictionary(path => path, File.GetLastWriteTimeUtc));
        await using var catalog = library.OpenCatalog();
        var files = await catalog.Files.Include(f => f.Photo).ToListAsync();
        Assert.All(files.Where(f => f.Status == FileStatus.Indexed), f => Assert.Equal((f.Hash, f.Hash), (f.ThumbnailKey, f.Photo!.ThumbnailHash)));
        // The stripped ARW has no thumbnails to point at.
        Assert.Null(files.Single(f => f.Path.EndsWith(".ARW", StringComparison.Ordinal)).ThumbnailKey);
    }
}
