using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Pixhaven.Core.Model;

namespace Pixhaven.Catalog.Postgres;

/// <summary>
/// Fits the shared model's times to PostgreSQL: instants in <c>timestamptz</c>, and <see cref="Photo.TakenAt"/>, a
/// local wall-clock time with no zone, in <c>timestamp</c>. Npgsql refuses a DateTime whose Kind does not match its
/// column, so writes are stamped with the right Kind here instead of trusting every caller to have set it.
/// </summary>
internal sealed class PostgresModelCustomizer(ModelCustomizerDependencies dependencies) : RelationalModelCustomizer(dependencies)
{
    private static readonly ValueConverter<DateTime, DateTime> Utc =
        new(v => DateTime.SpecifyKind(v, DateTimeKind.Utc), v => DateTime.SpecifyKind(v, DateTimeKind.Utc));

    private static readonly ValueConverter<DateTime?, DateTime?> UtcNullable =
        new(v => v.HasValue ? DateTime.SpecifyKind(v.Value, DateTimeKind.Utc) : v, v => v.HasValue ? DateTime.SpecifyKind(v.Value, DateTimeKind.Utc) : v);

    private static readonly ValueConverter<DateTime, DateTime> Local =
        new(v => DateTime.SpecifyKind(v, DateTimeKind.Unspecified), v => DateTime.SpecifyKind(v, DateTimeKind.Unspecified));

    public override void Customize(ModelBuilder modelBuilder, DbContext context)
    {
        base.Customize(modelBuilder, context);
        foreach (var property in modelBuilder.Model.GetEntityTypes().SelectMany(e => e.GetProperties()))
        {
            if (property.DeclaringType.ClrType == typeof(Photo) && property.Name == nameof(Photo.TakenAt))
            {
                property.SetValueConverter(Local);
                property.SetColumnType("timestamp without time zone");
            }
            else if (property.ClrType == typeof(DateTime))
            {
                property.SetValueConverter(Utc);
            }
            else if (property.ClrType == typeof(DateTime?))
            {
                property.SetValueConverter(UtcNullable);
            }
        }
    }
}
