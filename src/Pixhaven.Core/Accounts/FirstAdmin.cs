using Microsoft.Extensions.Logging;
using Pixhaven.Core.Catalog;
using Pixhaven.Core.Model;
using Pixhaven.Core.Options;

namespace Pixhaven.Core.Accounts;

/// <summary>
/// Makes sure a new library gets an admin without a default password: from <c>admin-password</c> when it is set,
/// otherwise through a one-time setup token printed in the server log, valid until it is used or the server stops.
/// </summary>
public sealed class FirstAdmin(UserService users, ICatalogProvider catalog, PixhavenOptions options, ILogger<FirstAdmin> logger)
{
    public const string AdminName = "admin";
    private readonly Lock gate = new();

    /// <summary>The pending setup token; null when no setup is needed.</summary>
    public string? SetupToken { get; private set; }

    public async Task EnsureAsync(CancellationToken cancellationToken)
    {
        if (options.PublicMode || await CatalogProbe.HasUsersAsync(catalog, cancellationToken))
        {
            return;
        }

        if (options.AdminPassword.Length > 0)
        {
            await users.AddAsync(AdminName, options.AdminPassword, UserRole.Admin, cancellationToken);
            logger.LogInformation("Created the user '{Name}' with the password from admin-password", AdminName);
            return;
        }

        SetupToken = Secrets.NewToken();
        logger.LogWarning("No users yet. Open /setup?token={Token} on this server to create the admin (the link works once)", SetupToken);
    }

    /// <summary>Creates the first admin with a valid setup token; the token then stops working.</summary>
    public async Task<UserSummary> CompleteAsync(string token, string name, string password, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            if (!Secrets.EqualInConstantTime(SetupToken, token))
            {
                throw new AccountException("this setup link is not valid (it works once; restart the server for a new one)");
            }

            SetupToken = null;
        }

        try
        {
            return await users.AddAsync(name, password, UserRole.Admin, cancellationToken);
        }
        catch (AccountException)
        {
            SetupToken = token;
            throw;
        }
    }
}
