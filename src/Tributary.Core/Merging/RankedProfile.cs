using Tributary.Profiles;

namespace Tributary.Merging;

/// <summary>A provider's contribution with its precedence rank (lower wins; equal ranks compare confidence).</summary>
public readonly record struct RankedProfile(int Rank, Profile Profile);
