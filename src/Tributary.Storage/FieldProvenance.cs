namespace Tributary.Storage;

/// <summary>Where one stored field came from: which provider, how sure, and when it answered.</summary>
public sealed record FieldProvenance(string Field, string Source, double Confidence, DateTimeOffset ObservedAt);
