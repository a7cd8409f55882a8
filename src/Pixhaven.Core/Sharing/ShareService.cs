using Microsoft.EntityFrameworkCore;
using Pixhaven.Core.Accounts;
using Pixhaven.Core.Catalog;
using Pixhaven.Core.Model;
using Pixhaven.Core.Organizing;
using Pixhaven.Core.Search;

namespace Pixhaven.Core.Sharing;

/// <summary>
/// Makes, lists and revokes share links, and answers guests. Every guest query starts from the link's own photos
/// (<see cref="SharedPhotos"/>), so a link can never reach another photo, album or search.
/// </summary>
public sealed class ShareService(IDbContextFactory<CatalogDbContext> contextFactory, LoginThrottle throttle, TimeProvider clock)
{
    public const int MaxPhotos = 10_000;

    public async Task<(string Token, ShareSummary Summary)> CreateAsync(ShareRequest request, string? creatorUserUid, CancellationToken cancellationToken)
    {
        if ((request.Album is null) == (request.Photos is not { Count: > 0 }))
        {
            throw new OrganizeException("share either an album or a selection of photos");
        }

        if (request.Password is { } password)
        {
            PasswordRules.Check(password);
        }

        if (request.ExpiresAt is { } expires && expires <= clock.GetUtcNow().UtcDateTime)
        {
            throw new OrganizeException("the expiry must lie in the future");
        }

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var token = Secrets.NewToken();
        var link = new ShareLink
        {
            Uid = Secrets.NewUid('h'),
            TokenHash = Secrets.Digest(token),
            Title = "",
            PasswordHash = request.Password is null ? null : PasswordRules.Hash(request.Password),
            ExpiresAt = request.ExpiresAt?.ToUniversalTime(),
            AllowDownload = request.AllowDownload,
            CreatedByUserId = creatorUserUid is null ? null : await db.Users.Where(u => u.Uid == creatorUserUid).Select(u => (long?)u.Id).FirstOrDefaultAsync(cancellationToken),
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        if (request.Album is { } albumUid)
        {
            var album = await db.Albums.FirstOrDefaultAsync(a => a.Uid == albumUid, cancellationToken)
                ?? throw new OrganizeException($"there is no album '{albumUid}'");
            (link.AlbumId, link.Title) = (album.Id, request.Title ?? album.Title);
        }
        else
        {
            var uids = request.Photos!.Distinct(StringComparer.Ordinal).ToList();
            if (uids.Count > MaxPhotos)
            {
                throw new OrganizeException($"share at most {MaxPhotos} photos at once");
            }

            var ids = await db.Photos.Where(p => uids.Contains(p.Uid)).Select(p => new { p.Uid, p.Id }).ToDictionaryAsync(p => p.Uid, p => p.Id, cancellationToken);
            if (uids.FirstOrDefault(u => !ids.ContainsKey(u)) is { } unknown)
            {
                throw new OrganizeException($"there is no photo '{unknown}'");
            }

            link.Title = request.Title ?? (uids.Count == 1 ? "1 photo" : $"{uids.Count} photos");
            link.Photos = uids.Select((u, i) => new ShareLinkPhoto { PhotoId = ids[u], Position = i }).ToList();
        }

        db.ShareLinks.Add(link);
        await db.SaveChangesAsync(cancellationToken);
        return (token, ShareSummary.Of(link, request.Album));
    }

    public async Task<List<ShareSummary>> ListAsync(CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var links = await db.ShareLinks.AsNoTracking().Include(s => s.Album).OrderByDescending(s => s.CreatedAt).ToListAsync(cancellationToken);
        return links.Select(l => ShareSummary.Of(l, l.Album?.Uid)).ToList();
    }

    public async Task<bool> RevokeAsync(string uid, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await db.ShareLinks.Where(s => s.Uid == uid).ExecuteDeleteAsync(cancellationToken) > 0;
    }

    /// <summary>The link for a token: null when unknown or revoked; <see cref="ShareAccess.Expired"/> when past its expiry.</summary>
    public async Task<ShareAccess?> OpenAsync(string token, CancellationToken cancellationToken)
    {
        if (token.Length is < 16 or > 128)
        {
            return null;
        }

        var digest = Secrets.Digest(token);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var link = await db.ShareLinks.AsNoTracking().FirstOrDefaultAsync(s => s.TokenHash == digest, cancellationToken);
        return link is null ? null : new ShareAccess(link, link.ExpiresAt <= clock.GetUtcNow().UtcDateTime);
    }

    /// <summary>The value of the cookie that proves a guest gave the password: it changes with the token or the password.</summary>
    public static string UnlockKey(ShareLink link) => Secrets.Digest(link.TokenHash + "|" + link.PasswordHash);

    /// <summary>Checks a guest's password, throttled like sign-in; null when it may try now, otherwise how long to wait.</summary>
    public (bool Unlocked, TimeSpan? RetryAfter) Unlock(ShareLink link, string password, string address)
    {
        var account = "share:" + link.Uid;
        if (throttle.RetryAfter(account, address) is { } wait)
        {
            return (false, wait);
        }

        if (link.PasswordHash is null || PasswordRules.Verify(link.PasswordHash, password, out _))
        {
            throttle.Succeeded(account);
            return (true, null);
        }

        throttle.Failed(account, address);
        return (false, throttle.RetryAfter(account, address));
    }

    public async Task<ShareInfo> VisitAsync(ShareLink link, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        await db.ShareLinks.Where(s => s.Id == link.Id).ExecuteUpdateAsync(u => u.SetProperty(s => s.Visits, s => s.Visits + 1), cancellationToken);
        var count = await SharedPhotos(db, link).CountAsync(cancellationToken);
        return new ShareInfo(link.Title, count, link.AllowDownload, link.ExpiresAt, link.PasswordHash is not null);
    }

    public async Task<SharedPhotoPage> PhotosAsync(ShareLink link, int count, long after, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        count = Math.Clamp(count, 1, PhotoSearch.MaxCount);
        var rows = await SharedPhotos(db, link).Where(e => e.Position > after).OrderBy(e => e.Position).Take(count + 1)
            .Select(e => new { e.Position, Photo = new SharedPhoto(e.Photo.Uid, e.Photo.Type, e.Photo.TakenAt, e.Photo.Title, e.Photo.Width, e.Photo.Height,
                e.Photo.Animated && e.Photo.Rotation == 0) })
            .ToListAsync(cancellationToken);
        return new SharedPhotoPage(rows.Take(count).Select(r => r.Photo).ToList(), rows.Count > count ? rows[count - 1].Position : null);
    }

    /// <summary>A photo of the link, with its files; null when the link does not include it.</summary>
    public async Task<Photo?> FindPhotoAsync(ShareLink link, string photoUid, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var id = await SharedPhotos(db, link).Where(e => e.Photo.Uid == photoUid).Select(e => (long?)e.Photo.Id).FirstOrDefaultAsync(cancellationToken);
        return id is null ? null : await db.Photos.AsNoTracking().Include(p => p.Files).FirstOrDefaultAsync(p => p.Id == id, cancellationToken);
    }

    /// <summary>
    /// The only way guest queries reach photos: the album's or the selection's, never private, archived or missing ones.
    /// Album positions can repeat, so the position is made unique with the photo id.
    /// </summary>
    private static IQueryable<SharedEntry> SharedPhotos(CatalogDbContext db, ShareLink link)
    {
        var entries = link.AlbumId is { } albumId
            ? db.AlbumPhotos.Where(a => a.AlbumId == albumId).Select(a => new SharedEntry { Position = (long)a.Position * 1_000_000_000 + a.PhotoId, Photo = a.Photo! })
            : db.ShareLinkPhotos.Where(s => s.ShareLinkId == link.Id).Select(s => new SharedEntry { Position = (long)s.Position * 1_000_000_000 + s.PhotoId, Photo = s.Photo! });
        return entries.Where(e => !e.Photo.Missing && e.Photo.ArchivedAt == null && !e.Photo.Private);
    }

    private sealed class SharedEntry
    {
        public long Position { get; init; }
        public required Photo Photo { get; init; }
    }
}

/// <summary>What to share: an album or photos, with an optional password and expiry, view-only unless downloads are allowed.</summary>
public sealed record ShareRequest(string? Album, IReadOnlyList<string>? Photos, string? Title, string? Password, DateTime? ExpiresAt, bool AllowDownload);

/// <summary>A share link as its owner sees it; the token itself is shown only once.</summary>
public sealed record ShareSummary(string Uid, string Title, string? Album, bool HasPassword, DateTime? ExpiresAt, bool AllowDownload, DateTime CreatedAt, int Visits)
{
    public static ShareSummary Of(ShareLink link, string? albumUid) =>
        new(link.Uid, link.Title, albumUid, link.PasswordHash is not null, link.ExpiresAt, link.AllowDownload, link.CreatedAt, link.Visits);
}

/// <summary>A valid token's link, and whether it has expired.</summary>
public sealed record ShareAccess(ShareLink Link, bool Expired);

/// <summary>What a guest learns about a link.</summary>
public sealed record ShareInfo(string Title, int Photos, bool AllowDownload, DateTime? ExpiresAt, bool NeedsPassword);

/// <summary>What a guest sees of a photo: no content hash, file path, place or camera.</summary>
public sealed record SharedPhoto(string Uid, MediaType Type, DateTime TakenAt, string? Title, int? Width, int? Height, bool Animated);

/// <summary>A page of a link's photos; pass <see cref="Next"/> as <c>after</c> for the next one.</summary>
public sealed record SharedPhotoPage(IReadOnlyList<SharedPhoto> Photos, long? Next);
