using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Pixhaven.Core.Model;

namespace Pixhaven.Core.Catalog.Configurations;

internal sealed class PersonConfiguration : IEntityTypeConfiguration<Person>
{
    public void Configure(EntityTypeBuilder<Person> builder)
    {
        builder.ToTable("people");
        builder.Property(p => p.Slug).HasMaxLength(256);
        builder.HasIndex(p => p.Slug).IsUnique();
        builder.Property(p => p.Name).HasMaxLength(256);
        builder.HasOne<Person>().WithMany().HasForeignKey(p => p.MergedIntoId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class FaceConfiguration : IEntityTypeConfiguration<Face>
{
    public void Configure(EntityTypeBuilder<Face> builder)
    {
        builder.ToTable("faces");
        builder.HasIndex(f => f.PhotoId);
        // person: and the People overview start from the person.
        builder.HasIndex(f => new { f.PersonId, f.PhotoId });
        builder.HasOne(f => f.Photo).WithMany(p => p.Faces).HasForeignKey(f => f.PhotoId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(f => f.Person).WithMany(p => p.Faces).HasForeignKey(f => f.PersonId).OnDelete(DeleteBehavior.SetNull);
    }
}
