namespace Tributary.Profiles;

/// <summary>A field's value with its provenance: which provider said it, how sure it was, and when.</summary>
/// <param name="Value">The value; never empty in a merged profile.</param>
/// <param name="Source">Lower-cased provider name (e.g. <c>clearbit</c>).</param>
/// <param name="Confidence">0–1, normalised across providers.</param>
/// <param name="ObservedAt">When the provider answered (for cached answers: when it first answered).</param>
public sealed record FieldValue(ProfileValue Value, string Source, double Confidence, DateTimeOffset ObservedAt);
