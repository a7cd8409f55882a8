namespace Pixhaven.Core.Accounts;

/// <summary>What an app password may be used for; browser sessions hold <see cref="All"/>.</summary>
public static class TokenScopes
{
    /// <summary>Every right of the user's role.</summary>
    public const string All = "all";

    /// <summary>Browse and download through the API, no changes.</summary>
    public const string Read = "read";

    /// <summary>The WebDAV folders only.</summary>
    public const string WebDav = "webdav";

    public static IReadOnlyList<string> Known { get; } = [All, Read, WebDav];

    /// <summary>Checks and normalises a list of scopes, e.g. "read webdav".</summary>
    public static string Normalize(IEnumerable<string> scopes)
    {
        var list = scopes.Select(s => s.Trim().ToLowerInvariant()).Where(s => s.Length > 0).Distinct().Order(StringComparer.Ordinal).ToList();
        if (list.Count == 0)
        {
            throw new AccountException($"give at least one scope: {string.Join(", ", Known)}");
        }

        if (list.FirstOrDefault(s => !Known.Contains(s)) is { } unknown)
        {
            throw new AccountException($"'{unknown}' is not a scope; use {string.Join(", ", Known)}");
        }

        return string.Join(' ', list);
    }

    public static bool Allows(string granted, string scope) =>
        granted.Split(' ').Any(g => g == All || g == scope);
}
