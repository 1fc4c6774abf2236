namespace Tributary.Simulators.ZoomInfo;

/// <summary>
/// The output fields the simulated account may request (<see cref="SimulatorOptions.ZoomInfoEntitledFields"/>): by
/// default every field but the <c>mobilePhone</c> add-on. <c>id</c> is always allowed.
/// </summary>
internal sealed class ZoomInfoEntitlements(IReadOnlyCollection<string>? entitled)
{
    private static readonly string[] AddOns = ["mobilePhone"];

    private readonly HashSet<string>? _entitled = entitled is null ? null : new(entitled, StringComparer.OrdinalIgnoreCase) { "id" };

    /// <summary>The requested fields the account is not entitled to, as requested.</summary>
    public IReadOnlyList<string> Refused(IEnumerable<string> requested) => requested
        .Where(field => _entitled is { } set ? !set.Contains(field) : AddOns.Contains(field, StringComparer.OrdinalIgnoreCase))
        .ToArray();
}
