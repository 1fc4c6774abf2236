using Tributary.Simulators.Salesforce;

namespace Tributary.Simulators;

/// <summary>
/// Faults only Salesforce has, beside the shared <see cref="ProviderSimulator.Faults"/> (latency, 5xx, malformed JSON,
/// connection reset…). Settable from code or with <c>POST /__sim/salesforce/faults</c> (same names, camelCase;
/// omitted properties are off); <c>GET</c> reads them, <c>DELETE</c> turns them off. Thread-safe.
/// </summary>
public sealed class SalesforceFaults
{
    private readonly Lock _gate = new();
    private SalesforceFaultSettings _settings = SalesforceFaultSettings.None;
    private int _sessionEpoch;

    /// <summary>The org's daily API allowance is spent: every API call answers 403 <c>REQUEST_LIMIT_EXCEEDED</c>.</summary>
    public bool RequestLimitExceeded
    {
        get => Current.RequestLimitExceeded;
        set => Update(s => s with { RequestLimitExceeded = value });
    }

    /// <summary>Records (15- or 18-character ids) an update collection fails with <see cref="FailIdsStatusCode"/>; the rest are saved unless all-or-none.</summary>
    public IReadOnlyList<string>? FailIds
    {
        get => Current.FailIds;
        set => Update(s => s with { FailIds = value is null ? null : [.. value] });
    }

    /// <summary>The <c>statusCode</c> of the <see cref="FailIds"/> errors. Default <c>FIELD_CUSTOM_VALIDATION_EXCEPTION</c> (not worth retrying); <c>UNABLE_TO_LOCK_ROW</c> is one that is.</summary>
    public string FailIdsStatusCode
    {
        get => Current.FailIdsStatusCode;
        set => Update(s => s with { FailIdsStatusCode = value });
    }

    /// <summary>The refresh token was revoked: the refresh-token grant answers 400 <c>invalid_grant</c>.</summary>
    public bool RefreshTokenRevoked
    {
        get => Current.RefreshTokenRevoked;
        set => Update(s => s with { RefreshTokenRevoked = value });
    }

    internal SalesforceFaultSettings Current => Volatile.Read(ref _settings);

    /// <summary>Sessions issued before the last <see cref="ExpireSessions"/> are refused.</summary>
    internal int SessionEpoch => Volatile.Read(ref _sessionEpoch);

    /// <summary>Ends every session issued so far: the next API call with one of them answers 401 <c>INVALID_SESSION_ID</c>.</summary>
    public void ExpireSessions() => Interlocked.Increment(ref _sessionEpoch);

    /// <summary>Turns every Salesforce fault off (sessions already expired stay expired).</summary>
    public void Reset() => Apply(SalesforceFaultSettings.None);

    /// <summary>Replaces the whole set (what <c>POST /__sim/salesforce/faults</c> does); its <c>expireSessions</c> ends the sessions.</summary>
    internal void Apply(SalesforceFaultSettings settings)
    {
        if (settings.ExpireSessions)
        {
            ExpireSessions();
        }

        Update(_ => settings with { ExpireSessions = false });
    }

    private void Update(Func<SalesforceFaultSettings, SalesforceFaultSettings> change)
    {
        lock (_gate)
        {
            Volatile.Write(ref _settings, change(_settings).Validate());
        }
    }
}
