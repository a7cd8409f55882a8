using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Pixhaven.Core.Catalog;

namespace Pixhaven.Catalog.Sqlite;

/// <summary>Lets <c>dotnet ef migrations add</c> build the model against SQLite without starting the app.</summary>
public sealed class DesignTimeCatalogFactory : IDesignTimeDbContextFactory<CatalogDbContext>
{
    public CatalogDbContext CreateDbContext(string[] args)
    {
        var builder = new DbContextOptionsBuilder<CatalogDbContext>();
        SqliteCatalogProvider.ForFile(Path.Combine(Path.GetTempPath(), "pixhaven-design.db")).ConfigureWithBuiltModel(builder);
        return new CatalogDbContext(builder.Options);
    }
}
