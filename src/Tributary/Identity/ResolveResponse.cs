using System.Text.Json;

namespace Tributary.Host.Identity;

/// <summary>The answer of a resolve, as the contract spells it.</summary>
/// <param name="ProfileId">The profile, <c>""</c> for a guest.</param>
/// <param name="Match"><c>deterministic</c>, <c>probabilistic</c> or <c>guest</c>.</param>
/// <param name="Confidence">0 to 1.</param>
/// <param name="Action"><c>proceed</c>, <c>verify</c> or <c>guest</c>.</param>
/// <param name="Evidence">Which identifiers matched and how many profiles share each.</param>
/// <param name="Summary">The profile's traits by priority, within <c>Identity:SummaryMaxBytes</c>.</param>
internal sealed record ResolveResponse(string ProfileId, string Match, double Confidence, string Action, IReadOnlyList<Evidence> Evidence, JsonElement Summary);
