using Tributary.Profiles;

namespace Tributary.Host.Contracts;

/// <summary>
/// The nested profile of <c>/v1/person/enrich</c>, <c>/v1/company/enrich</c> and <c>lookup --json</c>: every field with
/// its provenance, grouped by section, and one status per provider.
/// </summary>
internal sealed record ProfileResponse(
    string RequestId,
    Dictionary<string, FieldResponse> Person,
    Dictionary<string, FieldResponse> Company,
    Dictionary<string, FieldResponse> Custom,
    double Confidence,
    string Source,
    bool Partial,
    long ElapsedMs,
    IReadOnlyList<ProviderStatusResponse> Providers);

/// <summary>A field with its provenance.</summary>
internal sealed record FieldResponse(ProfileValue Value, string Source, double Confidence, DateTimeOffset ObservedAt);

/// <summary>One provider's part in the answer.</summary>
internal sealed record ProviderStatusResponse(string Name, string Status, long LatencyMs, bool Stale, string? Detail);
