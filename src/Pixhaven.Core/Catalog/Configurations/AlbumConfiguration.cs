using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Pixhaven.Core.Model;

namespace Pixhaven.Core.Catalog.Configurations;

internal sealed class AlbumConfiguration : IEntityTypeConfiguration<Album>
{
    public void Configure(EntityTypeBuilder<Album> builder)
    {
        builder.ToTable("albums");
        builder.Property(a => a.Uid).HasMaxLength(32);
        builder.HasIndex(a => a.Uid).IsUnique();
        builder.Property(a => a.Title).HasMaxLength(1024);
        builder.Property(a => a.Description).HasMaxLength(16384);
        builder.HasOne(a => a.CoverPhoto).WithMany().HasForeignKey(a => a.CoverPhotoId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class AlbumPhotoConfiguration : IEntityTypeConfiguration<AlbumPhoto>
{
    public void Configure(EntityTypeBuilder<AlbumPhoto> builder)
    {
        builder.ToTable("album_photos");
        builder.HasKey(a => new { a.AlbumId, a.PhotoId });
        builder.HasIndex(a => a.PhotoId);
        builder.HasOne(a => a.Album).WithMany(a => a.Photos).HasForeignKey(a => a.AlbumId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(a => a.Photo).WithMany(p => p.Albums).HasForeignKey(a => a.PhotoId).OnDelete(DeleteBehavior.Cascade);
    }
}
