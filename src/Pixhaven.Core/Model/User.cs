namespace Pixhaven.Core.Model;

/// <summary>Someone who signs in: a name, a password hash and a role.</summary>
public sealed class User
{
    public long Id { get; set; }

    /// <summary>Stable public identifier, used in the API instead of the row id.</summary>
    public required string Uid { get; set; }

    /// <summary>Sign-in name, stored in lower case and unique.</summary>
    public required string Name { get; set; }

    public required string PasswordHash { get; set; }

    public UserRole Role { get; set; }

    public DateTime CreatedAt { get; set; }
    public DateTime PasswordChangedAt { get; set; }

    public List<Session> Sessions { get; set; } = [];
}

/// <summary>What a user may do. Guests have no account: they come through share links.</summary>
public enum UserRole
{
    /// <summary>Browse and download.</summary>
    Viewer = 0,

    /// <summary>Browse, download, upload and organise.</summary>
    User = 1,

    /// <summary>Everything, including users and settings.</summary>
    Admin = 2,
}
