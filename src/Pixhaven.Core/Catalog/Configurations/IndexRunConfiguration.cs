using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Pixhaven.Core.Model;

namespace Pixhaven.Core.Catalog.Configurations;

internal sealed class IndexRunConfiguration : IEntityTypeConfiguration<IndexRun>
{
    public void Configure(EntityTypeBuilder<IndexRun> builder) => builder.ToTable("index_runs");
}
