namespace Tributary.Host.Genesys;

/// <summary>Bound from <c>Genesys:ExternalContacts</c>: the write-back of enriched callers to External Contacts.</summary>
internal sealed class GenesysExternalContactsOptions
{
    /// <summary>Create or update each enriched caller in External Contacts, off the request path. Default false.</summary>
    public bool Enabled { get; set; }

    /// <summary>Updates to one contact within this many seconds become one write (the last wins). 0–3600; default 10.</summary>
    public int CoalesceSeconds { get; set; } = 10;

    /// <summary>
    /// The part of the token's per-minute limit the External Contacts queue leaves to participant-attribute writes (the
    /// IVR's): it sends only while more than this is left in the minute. 0–0.9; default 0.3, as the providers'
    /// <c>RateLimit:RealtimeShare</c>.
    /// </summary>
    public double AttributeHeadroom { get; set; } = 0.3;
}
