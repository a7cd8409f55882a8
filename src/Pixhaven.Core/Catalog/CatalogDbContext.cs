using Microsoft.EntityFrameworkCore;
using Pixhaven.Core.Model;

namespace Pixhaven.Core.Catalog;

/// <summary>The photo catalog: one model for every database provider.</summary>
public sealed class CatalogDbContext(DbContextOptions<CatalogDbContext> options) : DbContext(options)
{
    public DbSet<Photo> Photos => Set<Photo>();
    public DbSet<PhotoFile> Files => Set<PhotoFile>();
    public DbSet<IndexRun> IndexRuns => Set<IndexRun>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(CatalogDbContext).Assembly);
}
