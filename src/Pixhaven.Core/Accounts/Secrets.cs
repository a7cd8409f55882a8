using System.Security.Cryptography;
using System.Text;

namespace Pixhaven.Core.Accounts;

/// <summary>Random tokens and their stored digests. Tokens are 32 random bytes, so a plain SHA-256 is enough to store them.</summary>
public static class Secrets
{
    private const string Alphabet = "0123456789abcdefghijklmnopqrstuvwxyz";

    public static string NewToken() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))
        .TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static string NewUid(char prefix) => prefix + RandomNumberGenerator.GetString(Alphabet, 15);

    public static string Digest(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    public static bool EqualInConstantTime(string? a, string? b) =>
        a is not null && b is not null && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(a), Encoding.UTF8.GetBytes(b));
}
