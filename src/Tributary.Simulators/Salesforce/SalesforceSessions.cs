using System.Collections.Concurrent;
using System.Globalization;
using Tributary.Simulators.Dataset;

namespace Tributary.Simulators.Salesforce;

/// <summary>
/// Access tokens the login issued. Salesforce does not say how long a session lasts (no <c>expires_in</c>); it ends
/// after the org's timeout, and a client learns it from a 401 <c>INVALID_SESSION_ID</c>. Here the timeout is
/// <see cref="SimulatorOptions.SalesforceSessionLifetime"/> on the simulator's clock, and
/// <see cref="SalesforceFaults.ExpireSessions"/> ends every session at once.
/// </summary>
internal sealed class SalesforceSessions(TimeProvider time, TimeSpan lifetime, SalesforceFaults faults)
{
    /// <summary>The org id every token starts with, as Salesforce's do.</summary>
    public const string OrgId = "00D5e0000000SIMAAA";

    private readonly ConcurrentDictionary<string, Session> _sessions = new(StringComparer.Ordinal);
    private long _issued;

    public string Issue()
    {
        var n = Interlocked.Increment(ref _issued);
        var token = OrgId[..15] + "!AQ4AQ" + StableHash.Mix((ulong)n).ToString("x16", CultureInfo.InvariantCulture) + n.ToString(CultureInfo.InvariantCulture);
        _sessions[token] = new Session(time.GetUtcNow() + lifetime, faults.SessionEpoch);
        return token;
    }

    /// <summary>Whether <paramref name="token"/> names a live session.</summary>
    public bool IsValid(string? token) =>
        token is not null
        && _sessions.TryGetValue(token, out var session)
        && session.Epoch == faults.SessionEpoch
        && time.GetUtcNow() < session.ExpiresAt;

    private sealed record Session(DateTimeOffset ExpiresAt, int Epoch);
}
