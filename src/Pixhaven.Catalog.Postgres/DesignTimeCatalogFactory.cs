using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Pixhaven.Core.Catalog;

namespace Pixhaven.Catalog.Postgres;

/// <summary>Lets <c>dotnet ef migrations add</c> build the model for PostgreSQL without a server or the app.</summary>
public sealed class DesignTimeCatalogFactory : IDesignTimeDbContextFactory<CatalogDbContext>
{
    public CatalogDbContext CreateDbContext(string[] args)
    {
        var builder = new DbContextOptionsBuilder<CatalogDbContext>();
        new PostgresCatalogProvider("Host=localhost;Database=pixhaven_design").Configure(builder);
        return new CatalogDbContext(builder.Options);
    }
}
