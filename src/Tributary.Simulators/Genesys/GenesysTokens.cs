using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace Tributary.Simulators.Genesys;

/// <summary>
/// The access tokens the simulated login issued: each valid until its <c>expires_in</c> runs out on the simulator's
/// clock, unless the faults expire or revoke it first.
/// </summary>
internal sealed class GenesysTokens(TimeProvider time)
{
    private readonly ConcurrentDictionary<string, Issued> _issued = new(StringComparer.Ordinal);
    private long _requests;

    /// <summary>Token requests received (granted or not).</summary>
    public long Requests => Interlocked.Read(ref _requests);

    public void CountRequest() => Interlocked.Increment(ref _requests);

    /// <summary>A new opaque token, valid for <paramref name="lifetime"/>; <paramref name="generation"/> is the faults' when issued.</summary>
    public string Issue(TimeSpan lifetime, int generation)
    {
        var token = "gc-sim-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        _issued[token] = new Issued(time.GetUtcNow() + lifetime, generation);
        return token;
    }

    /// <summary>Whether <paramref name="token"/> is usable now under faults of <paramref name="generation"/> with <paramref name="expiredByFault"/> on.</summary>
    public bool IsValid(string? token, bool expiredByFault, int generation) =>
        token is not null
        && _issued.TryGetValue(token, out var issued)
        && time.GetUtcNow() < issued.ExpiresAt
        && !(expiredByFault && issued.Generation < generation);

    /// <summary>Every token issued so far expires now.</summary>
    public void ExpireAll()
    {
        var now = time.GetUtcNow();
        foreach (var (token, issued) in _issued)
        {
            _issued[token] = issued with { ExpiresAt = now };
        }
    }

    private readonly record struct Issued(DateTimeOffset ExpiresAt, int Generation);
}
