namespace Tributary.Storage;

/// <summary>What an identify writes, all or nothing, to one target profile.</summary>
/// <param name="ProfileId">The target profile.</param>
/// <param name="Create">True to create the target (a new id).</param>
/// <param name="Absorb">Profiles merged into the target: their links move to it and they point to it from then on.</param>
/// <param name="Add">Links to add to the target (a link it already has is kept as it is).</param>
/// <param name="Remove">Identifiers to unlink from the target (a trait that changed, such as name + company).</param>
/// <param name="Traits">The target's traits (a JSON object) after the change, or null to keep them.</param>
/// <param name="At">When the change happens.</param>
public sealed record IdentityChange(
    string ProfileId,
    bool Create,
    IReadOnlyList<string> Absorb,
    IReadOnlyList<NewIdentityLink> Add,
    IReadOnlyList<IdentityKey> Remove,
    string? Traits,
    DateTimeOffset At);

/// <summary>A link to make: the identifier and, for system ids only, its value in clear.</summary>
public sealed record NewIdentityLink(IdentityKey Key, string? Value);
