using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Pixhaven.Catalog.Sqlite;
using Pixhaven.Core.Catalog;

namespace Pixhaven.Tests.Catalog;

/// <summary>The SQLite catalog starts on a compiled model; these tests fail when it or the migrations fall behind the entity configurations.</summary>
public sealed class CompiledModelTests
{
    private static CatalogDbContext Open(Func<SqliteCatalogProvider, DbContextOptionsBuilder<CatalogDbContext>, DbContextOptionsBuilder> configure)
    {
        var provider = SqliteCatalogProvider.ForFile(Path.Combine(Path.GetTempPath(), "pixhaven-model-test.db"));
        var builder = new DbContextOptionsBuilder<CatalogDbContext>();
        configure(provider, builder);
        return new CatalogDbContext(builder.Options);
    }

    [Fact]
    public void CompiledModel_MatchesTheModelBuiltFromTheConfigurations()
    {
        using var built = Open((provider, builder) => provider.ConfigureWithBuiltModel(builder));
        using var compiled = Open((provider, builder) => { provider.Configure(builder); return builder; });
        Assert.IsAssignableFrom<RuntimeModel>(compiled.Model);

        // Read-only models carry no design-time annotations, so the migrations differ cannot compare them: compare
        // what the SQL and the materializers are made from instead.
        Assert.True(DescribeTables(built.Model) == DescribeTables(compiled.Model),
            "Regenerate the compiled model: dotnet ef dbcontext optimize --project src/Pixhaven.Catalog.Sqlite --output-dir CompiledModel --namespace Pixhaven.Catalog.Sqlite.CompiledModel");
        Assert.Equal(Describe(built.Model), Describe(compiled.Model));
    }

    [Fact]
    public void Migrations_CoverTheModel()
    {
        using var built = Open((provider, builder) => provider.ConfigureWithBuiltModel(builder));
        Assert.False(built.Database.HasPendingModelChanges(), "the entity configurations changed without a migration");
    }

    private static string DescribeTables(IModel model) => string.Join("\n", model.GetRelationalModel().Tables.OrderBy(t => t.Name).Select(t =>
        $"{t.Name}: " + string.Join(" ", t.Columns.Select(c => $"{c.Name}:{c.StoreType}:{c.IsNullable}"))
        + " indexes=" + string.Join(",", t.Indexes.Select(i => $"{i.Name}({string.Join("+", i.Columns.Select(c => c.Name))}){(i.IsUnique ? "!" : "")}").Order())
        + " fks=" + string.Join(",", t.ForeignKeyConstraints.Select(f => $"{f.Name}:{f.OnDeleteAction}").Order())));

    // What the queries and the change tracker use beyond the tables: CLR members, keys, navigations, filters.
    private static string Describe(IModel model) => string.Join("\n", model.GetEntityTypes().OrderBy(e => e.Name).Select(e =>
        $"{e.Name} filter={e.GetDeclaredQueryFilters().Count} key={string.Join(",", e.FindPrimaryKey()?.Properties.Select(p => p.Name) ?? [])} "
        + string.Join(" ", e.GetProperties().Select(p => $"{p.Name}:{p.ClrType.Name}:{p.IsNullable}:{p.GetMaxLength()}:{p.GetValueConverter()?.GetType().Name}:{p.PropertyInfo?.Name ?? p.FieldInfo?.Name}"))
        + " nav=" + string.Join(",", e.GetNavigations().Select(n => $"{n.Name}->{n.TargetEntityType.Name}"))
        + " skip=" + string.Join(",", e.GetSkipNavigations().Select(n => n.Name))));
}
