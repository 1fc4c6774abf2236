namespace Tributary.Host.Identity;

/// <summary>The answer of an applied identify.</summary>
/// <param name="ProfileId">The profile the identifiers are linked to.</param>
/// <param name="Created">True when the profile is new.</param>
/// <param name="Linked">Types newly linked (an identifier already linked is not repeated).</param>
/// <param name="Ignored">Identifiers that never link (<c>Identity:BlockedValues</c>), with the reason.</param>
/// <param name="Merged">Profiles merged into this one, their ids now leading here.</param>
internal sealed record IdentifyResponse(string ProfileId, bool Created, IReadOnlyList<string> Linked, IReadOnlyList<IgnoredIdentifier> Ignored, IReadOnlyList<string> Merged);
