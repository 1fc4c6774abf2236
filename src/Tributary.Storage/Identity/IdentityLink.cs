namespace Tributary.Storage;

/// <summary>An identifier linked to a profile.</summary>
/// <param name="Key">The identifier.</param>
/// <param name="ProfileId">The profile it is linked to.</param>
/// <param name="Value">
/// The value in clear, kept only for system ids the host must send on (a CDP user id, a CRM id); null for personal
/// identifiers such as emails and phones, which the graph holds as hashes alone.
/// </param>
/// <param name="LinkedAt">When the link was made.</param>
public sealed record IdentityLink(IdentityKey Key, string ProfileId, string? Value, DateTimeOffset LinkedAt);
