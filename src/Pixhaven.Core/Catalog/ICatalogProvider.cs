using System.Data.Common;
using System.Reflection;
using Microsoft.EntityFrameworkCore;

namespace Pixhaven.Core.Catalog;

/// <summary>A database behind the catalog: configures EF Core for it and owns its migrations.</summary>
public interface ICatalogProvider
{
    /// <summary>The key users choose it by (<c>--database-driver</c>).</summary>
    string Name { get; }

    /// <summary>A one-line description of where the data lives, for logs and <c>pixhaven status</c>.</summary>
    string Describe();

    void Configure(DbContextOptionsBuilder builder);

    /// <summary>A new, closed connection to the catalog, for the reads at start that need not wait for EF Core (see <see cref="CatalogProbe"/>).</summary>
    DbConnection CreateConnection();

    /// <summary>The assembly that holds this database's migrations.</summary>
    Assembly MigrationsAssembly { get; }

    /// <summary>
    /// Photos whose text (title, description, keywords, labels, place, camera, file names) matches a word or phrase;
    /// a word also matches as a prefix. A composable query, so callers can filter, join and rank with it.
    /// </summary>
    IQueryable<FullTextHit> MatchText(CatalogDbContext db, string text, bool phrase);

    /// <summary>
    /// A number that changes whenever anyone (this process or another) has committed a change to the library's content
    /// (photos, files, albums, labels, people) since the last call, so results computed from it can be cached until
    /// then. Accounts, sessions, settings and share links do not move it. Cheap: called once per cached request.
    /// </summary>
    Task<long> ChangeStampAsync(CancellationToken cancellationToken);

    /// <summary>The name of the catalog's file in a backup folder; its extension says the format.</summary>
    string BackupFileName { get; }

    /// <summary>Writes a consistent copy of the whole catalog to a file while others keep reading and writing it.</summary>
    Task BackupAsync(string targetFile, CancellationToken cancellationToken);

    /// <summary>Replaces the catalog with a copy made by <see cref="BackupAsync"/>; nobody may be using the catalog.</summary>
    Task RestoreAsync(string sourceFile, CancellationToken cancellationToken);
}
