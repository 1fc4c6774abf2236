namespace Tributary.Simulators.Salesforce;

/// <summary>
/// Salesforce's own faults, one immutable set: what <see cref="SalesforceFaults"/> holds and what
/// <c>POST /__sim/salesforce/faults</c> reads (camelCase; omitted properties are off). <c>expireSessions</c> is an
/// action, not a setting: it ends every session issued so far.
/// </summary>
internal sealed record SalesforceFaultSettings(
    bool RequestLimitExceeded = false,
    string[]? FailIds = null,
    string FailIdsStatusCode = SalesforceFaultSettings.DefaultFailStatusCode,
    bool RefreshTokenRevoked = false,
    bool ExpireSessions = false)
{
    public const string DefaultFailStatusCode = "FIELD_CUSTOM_VALIDATION_EXCEPTION";

    public static readonly SalesforceFaultSettings None = new();

    /// <summary>Whether the record with this 18-character id is one of <see cref="FailIds"/> (given in either form).</summary>
    public bool Fails(string id) => FailIds?.Any(f => SalesforceIds.Normalize(f) == id) == true;

    public SalesforceFaultSettings Validate()
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(FailIdsStatusCode, nameof(FailIdsStatusCode));
        if (FailIds?.FirstOrDefault(static id => SalesforceIds.Normalize(id) is null) is { } bad)
        {
            throw new ArgumentException($"failIds holds '{bad}', which is not a 15- or 18-character Salesforce id.", nameof(FailIds));
        }

        return this;
    }
}
