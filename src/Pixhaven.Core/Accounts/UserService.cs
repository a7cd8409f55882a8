using Microsoft.EntityFrameworkCore;
using Pixhaven.Core.Catalog;
using Pixhaven.Core.Model;

namespace Pixhaven.Core.Accounts;

/// <summary>Adds, lists, changes and removes users; the CLI's <c>users</c> verb and the admin API both call it.</summary>
public sealed class UserService(IDbContextFactory<CatalogDbContext> contextFactory, TimeProvider clock)
{
    public async Task<UserSummary> AddAsync(string name, string password, UserRole role, CancellationToken cancellationToken)
    {
        var normalized = PasswordRules.NormalizeName(name);
        PasswordRules.Check(password);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        if (await db.Users.AnyAsync(u => u.Name == normalized, cancellationToken))
        {
            throw new AccountException($"a user named '{normalized}' already exists");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var user = new User
        {
            Uid = Secrets.NewUid('u'),
            Name = normalized,
            PasswordHash = PasswordRules.Hash(password),
            Role = role,
            CreatedAt = now,
            PasswordChangedAt = now,
        };
        db.Users.Add(user);
        await db.SaveChangesAsync(cancellationToken);
        return UserSummary.Of(user);
    }

    public async Task<List<UserSummary>> ListAsync(CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var users = await db.Users.AsNoTracking().OrderBy(u => u.Name).ToListAsync(cancellationToken);
        return users.Select(UserSummary.Of).ToList();
    }

    /// <summary>Sets a new password and ends every session and app password of the user: whoever knew the old one is out.</summary>
    public async Task SetPasswordAsync(string name, string password, CancellationToken cancellationToken)
    {
        PasswordRules.Check(password);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var user = await FindAsync(db, name, cancellationToken);
        user.PasswordHash = PasswordRules.Hash(password);
        user.PasswordChangedAt = clock.GetUtcNow().UtcDateTime;
        await db.Sessions.Where(s => s.UserId == user.Id).ExecuteDeleteAsync(cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task<UserSummary> SetRoleAsync(string name, UserRole role, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var user = await FindAsync(db, name, cancellationToken);
        if (user.Role == UserRole.Admin && role != UserRole.Admin)
        {
            await RequireAnotherAdminAsync(db, user, cancellationToken);
        }

        user.Role = role;
        await db.SaveChangesAsync(cancellationToken);
        return UserSummary.Of(user);
    }

    public async Task RemoveAsync(string name, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var user = await FindAsync(db, name, cancellationToken);
        if (user.Role == UserRole.Admin)
        {
            await RequireAnotherAdminAsync(db, user, cancellationToken);
        }

        db.Users.Remove(user);
        await db.SaveChangesAsync(cancellationToken);
    }

    private static async Task<User> FindAsync(CatalogDbContext db, string name, CancellationToken cancellationToken)
    {
        var normalized = name.Trim().ToLowerInvariant();
        return await db.Users.FirstOrDefaultAsync(u => u.Name == normalized, cancellationToken)
            ?? throw new AccountException($"there is no user named '{name}'");
    }

    private static async Task RequireAnotherAdminAsync(CatalogDbContext db, User user, CancellationToken cancellationToken)
    {
        if (!await db.Users.AnyAsync(u => u.Role == UserRole.Admin && u.Id != user.Id, cancellationToken))
        {
            throw new AccountException($"'{user.Name}' is the last admin; make another user admin first");
        }
    }
}

/// <summary>A user as lists and the API show it: never the password hash.</summary>
public sealed record UserSummary(string Uid, string Name, UserRole Role, DateTime CreatedAt)
{
    public static UserSummary Of(User user) => new(user.Uid, user.Name, user.Role, user.CreatedAt);
}
