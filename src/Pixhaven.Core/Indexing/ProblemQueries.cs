using Microsoft.EntityFrameworkCore;
using Pixhaven.Core.Catalog;
using Pixhaven.Core.Model;

namespace Pixhaven.Core.Indexing;

/// <summary>Catalog queries for files that are not fully indexed, for the summary and the API.</summary>
public static class ProblemQueries
{
    public static Task<List<IndexProblem>> ListAsync(CatalogDbContext db, CancellationToken cancellationToken) =>
        db.Files.AsNoTracking()
            .Where(f => !f.Missing && f.Status != FileStatus.Indexed)
            .OrderBy(f => f.Status).ThenBy(f => f.Path)
            .Select(f => new IndexProblem(f.Path, f.Status, f.Error ?? "") { ReadAt = f.IndexedAt })
            .ToListAsync(cancellationToken);
}
