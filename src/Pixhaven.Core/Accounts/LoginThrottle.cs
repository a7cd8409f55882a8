using System.Collections.Concurrent;

namespace Pixhaven.Core.Accounts;

/// <summary>
/// Slows password guessing: after <see cref="AccountFailures"/> failed sign-ins an account is locked for a minute,
/// doubling with each further failure up to 15 minutes; an address that fails <see cref="AddressFailures"/> times within
/// 10 minutes is refused for 10 minutes, whatever name it tries. Kept in memory: a restart forgives.
/// </summary>
public sealed class LoginThrottle(TimeProvider clock)
{
    public const int AccountFailures = 5;
    public const int AddressFailures = 20;
    private static readonly TimeSpan AddressWindow = TimeSpan.FromMinutes(10);
    private static readonly TimeSpan MaximumLock = TimeSpan.FromMinutes(15);

    private readonly ConcurrentDictionary<string, Entry> accounts = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Entry> addresses = new(StringComparer.Ordinal);

    /// <summary>How long the caller must wait before trying again; null when it may try now.</summary>
    public TimeSpan? RetryAfter(string account, string address)
    {
        var now = clock.GetUtcNow();
        var wait = new[] { Remaining(accounts, account, now), Remaining(addresses, address, now) }.Max();
        return wait > TimeSpan.Zero ? wait : null;
    }

    public void Failed(string account, string address)
    {
        var now = clock.GetUtcNow();
        accounts.AddOrUpdate(account, _ => new Entry(1, now, null), (_, e) =>
        {
            var count = e.Count + 1;
            var lockFor = count < AccountFailures ? TimeSpan.Zero
                : TimeSpan.FromMinutes(Math.Min(MaximumLock.TotalMinutes, Math.Pow(2, count - AccountFailures)));
            return new Entry(count, e.Since, lockFor > TimeSpan.Zero ? now + lockFor : null);
        });
        addresses.AddOrUpdate(address, _ => new Entry(1, now, null), (_, e) =>
        {
            var fresh = now - e.Since > AddressWindow;
            var count = fresh ? 1 : e.Count + 1;
            return new Entry(count, fresh ? now : e.Since, count >= AddressFailures ? now + AddressWindow : null);
        });
    }

    public void Succeeded(string account) => accounts.TryRemove(account, out _);

    private static TimeSpan Remaining(ConcurrentDictionary<string, Entry> entries, string key, DateTimeOffset now) =>
        entries.TryGetValue(key, out var e) && e.LockedUntil is { } until && until > now ? until - now : TimeSpan.Zero;

    private sealed record Entry(int Count, DateTimeOffset Since, DateTimeOffset? LockedUntil);
}
