namespace Tributary.Host.Genesys;

/// <summary>Bound from <c>Genesys:ExternalContacts</c>: the write-back of enriched callers to External Contacts.</summary>
internal sealed class GenesysExternalContactsOptions
{
    /// <summary>Create or update each enriched caller in External Contacts, off the request path. Default false.</summary>
    public bool Enabled { get; set; }

    /// <summary>Updates to one contact within this many seconds become one write (the last wins). 0–3600; default 10.</summary>
    public int CoalesceSeconds { get; set; } = 10;
}
