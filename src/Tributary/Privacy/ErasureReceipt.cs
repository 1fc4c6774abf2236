namespace Tributary.Host.Privacy;

/// <summary>
/// What an erasure removed, per place (<c>DELETE /v1/subjects</c>, <c>tributary forget</c>). Job records that held the
/// subject are blanked to <c>{"erased":true}</c> (a result line to its index and that) rather than removed, so their
/// jobs keep their counts.
/// <c>cache</c> counts answers removed from the memory of the process that erased; <c>sharedCache</c> those removed
/// from Redis (0 without <c>Cache:Redis</c>; null when Redis could not be reached, which is logged: erase again once it
/// is back). <c>traits</c> counts trait members removed from profiles that are kept (or that went for want of an
/// identifying link) because they held the value, in any of its spellings.
/// </summary>
internal sealed record ErasureReceipt(
    string Subject,
    int Ledger,
    int Cache,
    int? SharedCache,
    int EnrichedContacts,
    int Unmatched,
    int Staging,
    int JobRecords,
    int IdentityLinks,
    int Profiles,
    int Traits,
    int Outcomes,
    int DeadLetters,
    int Journal,
    bool Suppressed);
