namespace Pixhaven.Core.Model;

/// <summary>
/// A signed-in browser or an app password. Only the SHA-256 of its secret token is stored, so a copy of the catalog
/// cannot be used to sign in.
/// </summary>
public sealed class Session
{
    public long Id { get; set; }

    /// <summary>Stable public identifier, used to list and revoke sessions.</summary>
    public required string Uid { get; set; }

    /// <summary>Lower-case hex SHA-256 of the bearer token.</summary>
    public required string TokenHash { get; set; }

    public long UserId { get; set; }
    public User? User { get; set; }

    public SessionKind Kind { get; set; }

    /// <summary>The app password's label ("phone sync"); null for browser sessions.</summary>
    public string? Name { get; set; }

    /// <summary>Space-separated scopes of an app password (see <see cref="Accounts.TokenScopes"/>); browser sessions hold every right of the role.</summary>
    public string Scopes { get; set; } = "";

    /// <summary>Sent back in a header with every cookie-authenticated write: another site cannot read it, so cannot forge such a write.</summary>
    public required string CsrfToken { get; set; }

    public DateTime CreatedAt { get; set; }
    public DateTime LastSeenAt { get; set; }

    /// <summary>Absolute end of a browser session; app passwords have none unless given.</summary>
    public DateTime? ExpiresAt { get; set; }

    public string? Address { get; set; }
    public string? UserAgent { get; set; }
}

/// <summary>How a session signs its requests.</summary>
public enum SessionKind
{
    /// <summary>A cookie from the sign-in form.</summary>
    Browser = 0,

    /// <summary>A long-lived token for clients and scripts (bearer or HTTP basic), limited by scopes.</summary>
    AppPassword = 1,
}
