namespace Tributary.Host.Privacy;

/// <summary>
/// What an erasure removed, per place (<c>DELETE /v1/subjects</c>, <c>tributary forget</c>). Job records that held the
/// subject are blanked to <c>{"erased":true}</c> rather than removed, so their jobs keep their counts.
/// </summary>
internal sealed record ErasureReceipt(
    string Subject,
    int Ledger,
    int Cache,
    int EnrichedContacts,
    int Unmatched,
    int Staging,
    int JobRecords,
    int IdentityLinks,
    int Profiles,
    int Outcomes,
    int DeadLetters,
    int Journal,
    bool Suppressed);
