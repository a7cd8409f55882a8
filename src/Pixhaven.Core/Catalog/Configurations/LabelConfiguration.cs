using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Pixhaven.Core.Model;

namespace Pixhaven.Core.Catalog.Configurations;

internal sealed class LabelConfiguration : IEntityTypeConfiguration<Label>
{
    public void Configure(EntityTypeBuilder<Label> builder)
    {
        builder.ToTable("labels");
        builder.Property(l => l.Slug).HasMaxLength(256);
        builder.HasIndex(l => l.Slug).IsUnique();
        builder.Property(l => l.Name).HasMaxLength(256);
    }
}

internal sealed class PhotoLabelConfiguration : IEntityTypeConfiguration<PhotoLabel>
{
    public void Configure(EntityTypeBuilder<PhotoLabel> builder)
    {
        builder.ToTable("photo_labels");
        builder.HasKey(l => new { l.PhotoId, l.LabelId });
        builder.HasIndex(l => l.LabelId);
        builder.HasOne(l => l.Photo).WithMany(p => p.Labels).HasForeignKey(l => l.PhotoId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(l => l.Label).WithMany(l => l.Photos).HasForeignKey(l => l.LabelId).OnDelete(DeleteBehavior.Cascade);
    }
}
