using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Pixhaven.Core.Model;

namespace Pixhaven.Core.Catalog.Configurations;

internal sealed class PhotoFileConfiguration : IEntityTypeConfiguration<PhotoFile>
{
    public void Configure(EntityTypeBuilder<PhotoFile> builder)
    {
        builder.ToTable("files");
        builder.Property(f => f.Path).HasMaxLength(4096);
        builder.HasIndex(f => f.Path).IsUnique();
        builder.Property(f => f.Hash).HasMaxLength(64);
        builder.HasIndex(f => f.Hash);
        builder.Property(f => f.ThumbnailKey).HasMaxLength(64);
        builder.Property(f => f.Format).HasMaxLength(32);
        builder.Property(f => f.Mime).HasMaxLength(128);
        builder.Property(f => f.Error).HasMaxLength(2048);
        builder.Property(f => f.Codec).HasMaxLength(32);
        builder.Property(f => f.AudioCodec).HasMaxLength(32);
        builder.Property(f => f.StackKey).HasMaxLength(4096);
        builder.HasIndex(f => f.StackKey);
        builder.Property(f => f.ContentIdentifier).HasMaxLength(64);
        builder.HasIndex(f => f.ContentIdentifier);
        // The status counts group by both: one covering index scan instead of reading every file row.
        builder.HasIndex(f => new { f.Status, f.Missing });
        // Every index run that changes anything looks for the library's GPS tracks: a seek, not a scan of every file.
        builder.HasIndex(f => f.Format);
    }
}
