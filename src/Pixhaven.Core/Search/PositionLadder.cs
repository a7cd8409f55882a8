using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Pixhaven.Core.Model;

namespace Pixhaven.Core.Search;

/// <summary>
/// Every Nth photo of a search in a time order (newest, oldest, added, edited), so that a photo's position is N times
/// the rungs before it plus a count of fewer than N photos. Counting every photo before one deep in a million takes
/// seconds; building the ladder reads the order once, and it is cached until the catalog changes.
/// </summary>
public sealed class PositionLadder
{
    /// <summary>Photos between rungs: a count of this many reads a few milliseconds of index.</summary>
    public const int DefaultStep = 2048;

    private readonly Expression<Func<Photo, DateTime>> _key;
    private readonly bool _descending;
    private readonly int _step;
    private readonly List<(DateTime Key, long Id)> _rungs;

    private PositionLadder(Expression<Func<Photo, DateTime>> key, bool descending, int step, List<(DateTime, long)> rungs) =>
        (_key, _descending, _step, _rungs) = (key, descending, step, rungs);

    /// <summary>Reads the photos' keys in order once, keeping every step-th.</summary>
    public static async Task<PositionLadder> BuildAsync(
        IQueryable<Photo> photos, Expression<Func<Photo, DateTime>> key, bool descending, int step, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(step, 1);
        var ordered = descending ? photos.OrderByDescending(key).ThenByDescending(p => p.Id) : photos.OrderBy(key).ThenBy(p => p.Id);
        var rungs = new List<(DateTime, long)>();
        var index = 0;
        await foreach (var row in ordered.Select(KeyAndId(key)).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            if (index++ % step == 0)
            {
                // Instants, whatever kind the provider read them as: PostgreSQL takes only UTC ones back.
                rungs.Add((DateTime.SpecifyKind(row.Key, DateTimeKind.Utc), row.Id));
            }
        }

        return new PositionLadder(key, descending, step, rungs);
    }

    /// <summary>How many of these photos (the ones the ladder was built from) come before the photo with this key and id.</summary>
    public async Task<int> PositionAsync(IQueryable<Photo> photos, DateTime key, long id, CancellationToken cancellationToken)
    {
        var before = photos.Where(PhotoSearch.After(_key, !_descending, key, id));
        var rung = LastRungAtOrBefore(key, id);
        if (rung < 0)
        {
            return await before.CountAsync(cancellationToken); // not in the order the ladder saw: counted in full
        }

        var (rungKey, rungId) = _rungs[rung];
        // At or after the rung: strictly after the id next to it on the rung's side.
        var fromRung = PhotoSearch.After(_key, _descending, rungKey, _descending ? rungId + 1 : rungId - 1);
        return (rung * _step) + await before.Where(fromRung).CountAsync(cancellationToken);
    }

    /// <summary>The index of the last rung that is the photo or comes before it in the order; -1 when none does.</summary>
    private int LastRungAtOrBefore(DateTime key, long id)
    {
        int low = 0, high = _rungs.Count - 1, found = -1;
        while (low <= high)
        {
            var middle = (low + high) / 2;
            var order = _rungs[middle].Key.Ticks.CompareTo(key.Ticks) is var byKey and not 0 ? byKey : _rungs[middle].Id.CompareTo(id);
            if (_descending ? order >= 0 : order <= 0)
            {
                found = middle;
                low = middle + 1;
            }
            else
            {
                high = middle - 1;
            }
        }

        return found;
    }

    private sealed record Rung(DateTime Key, long Id);

    private static Expression<Func<Photo, Rung>> KeyAndId(Expression<Func<Photo, DateTime>> key)
    {
        var photo = Expression.Parameter(typeof(Photo), "p");
        var body = Expression.New(typeof(Rung).GetConstructors()[0], Predicates.Body(key, photo), Expression.Property(photo, nameof(Photo.Id)));
        return Expression.Lambda<Func<Photo, Rung>>(body, photo);
    }
}
