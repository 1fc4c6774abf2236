namespace Tributary.Simulators.Genesys;

/// <summary>
/// 429s of one API while the others still answer: Genesys Cloud limits each API as well as each token (reference
/// §1.3), so External Contacts can be throttled while participant attributes are written, and the other way round.
/// Each holds the Retry-After its API answers with, or nothing while it answers normally.
/// </summary>
internal sealed class GenesysApiThrottles
{
    private const int Off = -1;

    private int _attributes = Off;
    private int _externalContacts = Off;

    public int? Attributes
    {
        get => Read(ref _attributes);
        set => Write(ref _attributes, value);
    }

    public int? ExternalContacts
    {
        get => Read(ref _externalContacts);
        set => Write(ref _externalContacts, value);
    }

    private static int? Read(ref int field) => Volatile.Read(ref field) is >= 0 and var seconds ? seconds : null;

    private static void Write(ref int field, int? seconds)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(seconds ?? 0, nameof(seconds));
        Volatile.Write(ref field, seconds ?? Off);
    }
}
