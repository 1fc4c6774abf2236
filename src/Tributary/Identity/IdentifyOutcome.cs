namespace Tributary.Host.Identity;

/// <summary>What an identify did.</summary>
/// <param name="ProfileId">The profile the identifiers belong to; for a refusal, the profile that would have broken its limit.</param>
/// <param name="Created">True when the profile is new.</param>
/// <param name="Linked">Types of the identifiers newly linked.</param>
/// <param name="Merged">Profiles merged into <paramref name="ProfileId"/>.</param>
/// <param name="Refusal">Why nothing was linked, or null when the identify was applied.</param>
internal sealed record IdentifyOutcome(string ProfileId, bool Created, IReadOnlyList<string> Linked, IReadOnlyList<string> Merged, IdentifyRefusal? Refusal);

/// <summary>Why an identify linked nothing: the limit it would break (<paramref name="Type"/>, <paramref name="Limit"/>) or an ambiguity.</summary>
internal sealed record IdentifyRefusal(string Reason, string Type, int Limit);
