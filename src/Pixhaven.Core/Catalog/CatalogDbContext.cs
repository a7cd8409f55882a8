using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Pixhaven.Core.Model;

namespace Pixhaven.Core.Catalog;

/// <summary>The photo catalog: one model for every database provider.</summary>
public sealed class CatalogDbContext(DbContextOptions<CatalogDbContext> options) : DbContext(options)
{
    public DbSet<Photo> Photos => Set<Photo>();
    public DbSet<PhotoFile> Files => Set<PhotoFile>();
    public DbSet<IndexRun> IndexRuns => Set<IndexRun>();
    public DbSet<Album> Albums => Set<Album>();
    public DbSet<AlbumPhoto> AlbumPhotos => Set<AlbumPhoto>();
    public DbSet<Label> Labels => Set<Label>();
    public DbSet<PhotoLabel> PhotoLabels => Set<PhotoLabel>();
    public DbSet<Person> People => Set<Person>();
    public DbSet<Face> Faces => Set<Face>();
    public DbSet<User> Users => Set<User>();
    public DbSet<Session> Sessions => Set<Session>();
    public DbSet<Setting> Settings => Set<Setting>();
    public DbSet<ShareLink> ShareLinks => Set<ShareLink>();
    public DbSet<ShareLinkPhoto> ShareLinkPhotos => Set<ShareLinkPhoto>();

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        await KeywordLabels.SyncAsync(this, cancellationToken);
        await FacePeople.SyncAsync(this, cancellationToken);
        return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        KeywordLabels.SyncAsync(this, CancellationToken.None).GetAwaiter().GetResult();
        FacePeople.SyncAsync(this, CancellationToken.None).GetAwaiter().GetResult();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(CatalogDbContext).Assembly);

        // Every stored time is UTC except Photo.TakenAt, a local wall-clock time. Not every database keeps
        // DateTimeKind, so reads are stamped here and the API never mistakes one for the other.
        var utc = new ValueConverter<DateTime, DateTime>(v => v, v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
        var utcNullable = new ValueConverter<DateTime?, DateTime?>(v => v, v => v.HasValue ? DateTime.SpecifyKind(v.Value, DateTimeKind.Utc) : v);
        foreach (var property in modelBuilder.Model.GetEntityTypes().SelectMany(e => e.GetProperties()))
        {
            if (property.DeclaringType.ClrType == typeof(Photo) && property.Name == nameof(Photo.TakenAt))
            {
                continue;
            }

            if (property.ClrType == typeof(DateTime))
            {
                property.SetValueConverter(utc);
            }
            else if (property.ClrType == typeof(DateTime?))
            {
                property.SetValueConverter(utcNullable);
            }
        }
    }
}
