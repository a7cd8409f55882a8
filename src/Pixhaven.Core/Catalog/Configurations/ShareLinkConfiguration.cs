using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Pixhaven.Core.Model;

namespace Pixhaven.Core.Catalog.Configurations;

internal sealed class ShareLinkConfiguration : IEntityTypeConfiguration<ShareLink>
{
    public void Configure(EntityTypeBuilder<ShareLink> builder)
    {
        builder.ToTable("share_links");
        builder.Property(s => s.Uid).HasMaxLength(32);
        builder.HasIndex(s => s.Uid).IsUnique();
        builder.Property(s => s.TokenHash).HasMaxLength(64);
        builder.HasIndex(s => s.TokenHash).IsUnique();
        builder.Property(s => s.Title).HasMaxLength(1024);
        builder.Property(s => s.PasswordHash).HasMaxLength(256);
        builder.HasOne(s => s.Album).WithMany().HasForeignKey(s => s.AlbumId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<User>().WithMany().HasForeignKey(s => s.CreatedByUserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ShareLinkPhotoConfiguration : IEntityTypeConfiguration<ShareLinkPhoto>
{
    public void Configure(EntityTypeBuilder<ShareLinkPhoto> builder)
    {
        builder.ToTable("share_link_photos");
        builder.HasKey(s => new { s.ShareLinkId, s.PhotoId });
        builder.HasIndex(s => s.PhotoId);
        builder.HasOne(s => s.ShareLink).WithMany(s => s.Photos).HasForeignKey(s => s.ShareLinkId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(s => s.Photo).WithMany().HasForeignKey(s => s.PhotoId).OnDelete(DeleteBehavior.Cascade);
    }
}
