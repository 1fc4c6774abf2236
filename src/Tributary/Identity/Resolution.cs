namespace Tributary.Host.Identity;

/// <summary>The answer of a resolve before its summary is attached.</summary>
/// <param name="ProfileId">The profile, <c>""</c> for a guest.</param>
/// <param name="Match"><c>deterministic</c>, <c>probabilistic</c> or <c>guest</c>.</param>
/// <param name="Confidence">1 for deterministic, below 1 for probabilistic, 0 for a guest.</param>
/// <param name="Action"><c>proceed</c>, <c>verify</c> (confidence below <c>Identity:VerifyThreshold</c>) or <c>guest</c>.</param>
/// <param name="Evidence">One entry per identifier the caller gave.</param>
internal sealed record Resolution(string ProfileId, string Match, double Confidence, string Action, IReadOnlyList<Evidence> Evidence);

/// <summary>One identifier of a resolve and what the graph knows of it.</summary>
/// <param name="Type"><c>email</c>, <c>phone</c>, <c>crmId</c>, <c>userId</c> or <c>nameCompany</c>.</param>
/// <param name="Profiles">How many profiles it is linked to (at most 100 are counted).</param>
/// <param name="Matched">True when it is linked to the profile answered.</param>
/// <param name="Blocked">True when it is in <c>Identity:BlockedValues</c> and was not looked up.</param>
internal sealed record Evidence(string Type, int Profiles, bool Matched, bool Blocked);
