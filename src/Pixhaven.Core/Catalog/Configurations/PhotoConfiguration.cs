using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Pixhaven.Core.Model;

namespace Pixhaven.Core.Catalog.Configurations;

internal sealed class PhotoConfiguration : IEntityTypeConfiguration<Photo>
{
    public void Configure(EntityTypeBuilder<Photo> builder)
    {
        builder.ToTable("photos");
        builder.Property(p => p.Uid).HasMaxLength(32);
        builder.HasIndex(p => p.Uid).IsUnique();
        // Browsing is newest first with keyset paging on (TakenAtUtc, Id): this index serves every page alike. The
        // visibility flags stay out of it: SQLite cannot seek on "NOT Missing", and nearly every photo is visible, so
        // walking the index in order and skipping the few hidden rows finds a page fastest.
        builder.HasIndex(p => new { p.TakenAtUtc, p.Id });
        builder.Property(p => p.Title).HasMaxLength(1024);
        builder.Property(p => p.Description).HasMaxLength(16384);
        builder.Property(p => p.Keywords).HasMaxLength(16384);
        builder.Property(p => p.FaceRegions).HasMaxLength(32768);
        builder.Property(p => p.CameraMake).HasMaxLength(256);
        builder.Property(p => p.CameraModel).HasMaxLength(256);
        builder.Property(p => p.Lens).HasMaxLength(256);
        builder.Property(p => p.ExposureTime).HasMaxLength(32);
        builder.Property(p => p.ThumbnailHash).HasMaxLength(64);
        builder.Property(p => p.CountryCode).HasMaxLength(2);
        builder.Property(p => p.State).HasMaxLength(256);
        builder.Property(p => p.City).HasMaxLength(256);
        builder.Property(p => p.PlaceLabel).HasMaxLength(1024);
        // country: is the most common place filter: with the page order behind it, a country's pages seek like the library's.
        builder.HasIndex(p => new { p.CountryCode, p.TakenAtUtc, p.Id });
        builder.Property(p => p.Color).HasMaxLength(16);
        // Only for counting: a covering scan of this index reads a fraction of the photo rows the status counts would.
        // It cannot serve "NOT Missing" as a filter, so page queries keep their order indexes.
        builder.HasIndex(p => p.Missing);
        // The photos placed by a GPS track, which every index run that changes anything checks against the tracks.
        builder.HasIndex(p => p.LocationSource);
        builder.HasMany(p => p.Files).WithOne(f => f.Photo).HasForeignKey(f => f.PhotoId).OnDelete(DeleteBehavior.SetNull);
    }
}
