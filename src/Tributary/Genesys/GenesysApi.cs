namespace Tributary.Host.Genesys;

/// <summary>
/// The Platform APIs Tributary calls. Genesys Cloud limits each API as well as each token (reference §1.3), so a
/// 429 from one pauses that API alone; and the token's minute is shared unevenly: External Contacts (background) leave
/// headroom for participant attributes (the IVR's).
/// </summary>
internal enum GenesysApi
{
    /// <summary><c>…/participants/{id}/attributes</c>: what the IVR flow reads, written while the caller waits.</summary>
    ParticipantAttributes,

    /// <summary><c>/api/v2/externalcontacts/…</c>: the background write-back of enriched callers.</summary>
    ExternalContacts,
}
