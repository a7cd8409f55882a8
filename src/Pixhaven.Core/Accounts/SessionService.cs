using Microsoft.EntityFrameworkCore;
using Pixhaven.Core.Catalog;
using Pixhaven.Core.Model;
using Pixhaven.Core.Options;

namespace Pixhaven.Core.Accounts;

/// <summary>Signs users in and out, checks tokens on every request, lists and revokes sessions and app passwords.</summary>
public sealed class SessionService(IDbContextFactory<CatalogDbContext> contextFactory, PixhavenOptions options, LoginThrottle throttle, TimeProvider clock)
{
    /// <summary>Last-seen times are written at most this often, so reads do not turn into writes.</summary>
    private static readonly TimeSpan TouchInterval = TimeSpan.FromMinutes(1);

    /// <summary>Checked when the name is unknown, so a wrong name costs as much time as a wrong password.</summary>
    private static readonly string DummyHash = PasswordRules.Hash(Secrets.NewToken());

    public async Task<LoginResult> SignInAsync(string name, string password, string address, string? userAgent, CancellationToken cancellationToken)
    {
        var account = name.Trim().ToLowerInvariant();
        if (throttle.RetryAfter(account, address) is { } wait)
        {
            return LoginResult.Throttled(wait);
        }

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var user = await db.Users.FirstOrDefaultAsync(u => u.Name == account, cancellationToken);
        if (!PasswordRules.Verify(user?.PasswordHash ?? DummyHash, password, out var rehashed) || user is null)
        {
            throttle.Failed(account, address);
            return throttle.RetryAfter(account, address) is { } lockedFor ? LoginResult.Throttled(lockedFor) : LoginResult.Invalid;
        }

        throttle.Succeeded(account);
        if (rehashed is not null)
        {
            user.PasswordHash = rehashed;
        }

        var (token, session) = NewSession(user, SessionKind.Browser, TokenScopes.All);
        session.ExpiresAt = session.CreatedAt.AddHours(options.SessionMaxAgeHours);
        session.Address = Truncate(address, 64);
        session.UserAgent = Truncate(userAgent, 512);
        db.Sessions.Add(session);
        await db.SaveChangesAsync(cancellationToken);
        return LoginResult.Success(token, ActiveSession.Of(session, user));
    }

    /// <summary>Creates a long-lived token for a client; the token is shown once and only its digest is kept.</summary>
    public async Task<(string Token, SessionSummary Summary)> CreateAppPasswordAsync(string userName, string label, IEnumerable<string> scopes, CancellationToken cancellationToken)
    {
        var scopeList = TokenScopes.Normalize(scopes);
        if (string.IsNullOrWhiteSpace(label) || label.Length > 128)
        {
            throw new AccountException("an app password needs a name of 1-128 characters");
        }

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var account = userName.Trim().ToLowerInvariant();
        var user = await db.Users.FirstOrDefaultAsync(u => u.Name == account, cancellationToken)
            ?? throw new AccountException($"there is no user named '{userName}'");
        var (token, session) = NewSession(user, SessionKind.AppPassword, scopeList);
        session.Name = label.Trim();
        db.Sessions.Add(session);
        await db.SaveChangesAsync(cancellationToken);
        return (token, SessionSummary.Of(session, current: false));
    }

    /// <summary>The live session for a token, or null when it is unknown, expired or idle for too long.</summary>
    public async Task<ActiveSession?> ValidateAsync(string token, CancellationToken cancellationToken)
    {
        if (token.Length is < 16 or > 128)
        {
            return null;
        }

        var digest = Secrets.Digest(token);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var session = await db.Sessions.Include(s => s.User).FirstOrDefaultAsync(s => s.TokenHash == digest, cancellationToken);
        if (session?.User is null)
        {
            return null;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var idle = session.Kind == SessionKind.Browser && now - session.LastSeenAt > TimeSpan.FromHours(options.SessionIdleHours);
        if (idle || session.ExpiresAt <= now)
        {
            db.Sessions.Remove(session);
            await db.SaveChangesAsync(cancellationToken);
            return null;
        }

        if (now - session.LastSeenAt > TouchInterval)
        {
            session.LastSeenAt = now;
            await db.SaveChangesAsync(cancellationToken);
        }

        return ActiveSession.Of(session, session.User);
    }

    public async Task<List<SessionSummary>> ListAsync(string userUid, string? currentSessionUid, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var sessions = await db.Sessions.AsNoTracking().Where(s => s.User!.Uid == userUid)
            .OrderByDescending(s => s.LastSeenAt).ToListAsync(cancellationToken);
        return sessions.Select(s => SessionSummary.Of(s, s.Uid == currentSessionUid)).ToList();
    }

    /// <summary>Ends one of the user's sessions or app passwords; false when the user has none with that id.</summary>
    public async Task<bool> RevokeAsync(string userUid, string sessionUid, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await db.Sessions.Where(s => s.Uid == sessionUid && s.User!.Uid == userUid).ExecuteDeleteAsync(cancellationToken) > 0;
    }

    /// <summary>A fresh token and the row that stores its digest.</summary>
    private (string Token, Session Session) NewSession(User user, SessionKind kind, string scopes)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var token = Secrets.NewToken();
        return (token, new Session
        {
            Uid = Secrets.NewUid(kind == SessionKind.Browser ? 's' : 'a'),
            TokenHash = Secrets.Digest(token),
            UserId = user.Id,
            Kind = kind,
            Scopes = scopes,
            CsrfToken = Secrets.NewToken(),
            CreatedAt = now,
            LastSeenAt = now,
        });
    }

    private static string? Truncate(string? value, int length) => value is null || value.Length <= length ? value : value[..length];
}

/// <summary>The outcome of a sign-in: a token, a refusal, or a wait.</summary>
public sealed record LoginResult(string? Token, ActiveSession? Session, TimeSpan? RetryAfter)
{
    public static readonly LoginResult Invalid = new(null, null, null);

    public static LoginResult Success(string token, ActiveSession session) => new(token, session, null);

    public static LoginResult Throttled(TimeSpan wait) => new(null, null, wait);
}

/// <summary>Who is calling: the user, the session and what it may do.</summary>
public sealed record ActiveSession(string Uid, string UserUid, string UserName, UserRole Role, SessionKind Kind, string Scopes, string CsrfToken)
{
    public static ActiveSession Of(Session session, User user) =>
        new(session.Uid, user.Uid, user.Name, user.Role, session.Kind, session.Scopes, session.CsrfToken);
}

/// <summary>A session or app password as the session list shows it; never the token.</summary>
public sealed record SessionSummary(string Uid, SessionKind Kind, string? Name, string Scopes, DateTime CreatedAt, DateTime LastSeenAt,
    DateTime? ExpiresAt, string? Address, string? UserAgent, bool Current)
{
    public static SessionSummary Of(Session s, bool current) =>
        new(s.Uid, s.Kind, s.Name, s.Scopes, s.CreatedAt, s.LastSeenAt, s.ExpiresAt, s.Address, s.UserAgent, current);
}
