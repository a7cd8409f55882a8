using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Pixhaven.Core.Model;

namespace Pixhaven.Core.Accounts;

/// <summary>What makes a valid user name and password, and how passwords are hashed (ASP.NET Core Identity's PBKDF2 hasher).</summary>
public static partial class PasswordRules
{
    public const int MinimumLength = 8;

    /// <summary>Longer passwords only make hashing a way to spend our CPU.</summary>
    public const int MaximumLength = 256;

    private static readonly PasswordHasher<User> Hasher = new();

    public static string NormalizeName(string name)
    {
        var normalized = name.Trim().ToLowerInvariant();
        return NamePattern().IsMatch(normalized)
            ? normalized
            : throw new AccountException($"'{name}' is not a valid user name: 1-64 letters, digits, '.', '_' or '-', starting with a letter or digit");
    }

    public static void Check(string password)
    {
        if (password.Length < MinimumLength)
        {
            throw new AccountException($"a password needs at least {MinimumLength} characters");
        }

        if (password.Length > MaximumLength)
        {
            throw new AccountException($"a password may have at most {MaximumLength} characters");
        }
    }

    public static string Hash(string password) => Hasher.HashPassword(null!, password);

    /// <summary>True when the password matches; <paramref name="rehashed"/> is set when the stored hash uses older parameters.</summary>
    public static bool Verify(string hash, string password, out string? rehashed)
    {
        rehashed = null;
        if (password.Length > MaximumLength)
        {
            return false;
        }

        var result = Hasher.VerifyHashedPassword(null!, hash, password);
        if (result == PasswordVerificationResult.SuccessRehashNeeded)
        {
            rehashed = Hash(password);
        }

        return result != PasswordVerificationResult.Failed;
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9._-]{0,63}$")]
    private static partial Regex NamePattern();
}
