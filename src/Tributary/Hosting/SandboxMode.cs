using Tributary.Providers;
using Tributary.Simulators;

namespace Tributary.Host.Hosting;

/// <summary>
/// With no provider credentials configured, the built-in simulators start on loopback and the real connectors are
/// pointed at them, so a fresh clone answers from the sample dataset. Each provider and integrated system declares its
/// own wiring (<see cref="ProviderSandbox"/>, next to its connector); a system whose own credentials are configured
/// (a real HubSpot portal, say) keeps them. Simulator answers are never taken for real ones: their ledger keys name the
/// simulator's address. <c>Sandbox:Enabled=false</c> turns it off.
/// </summary>
internal static class SandboxMode
{
    public static bool IsNeeded(IConfiguration configuration, IEnumerable<ProviderSandbox> sandboxes) =>
        configuration.GetValue("Sandbox:Enabled", true)
        && sandboxes.Where(static s => !s.IsIntegration).All(s => !HasCredentials(configuration, s));

    /// <summary>
    /// The integrated systems (CRMs, contact center, CDP) a process with this configuration points at simulators of its
    /// own: all of those without credentials in sandbox mode, none otherwise. Read before the simulators are wired in.
    /// </summary>
    public static IReadOnlySet<string> SimulatedSystems(IConfiguration configuration, IEnumerable<ProviderSandbox> sandboxes) =>
        IsNeeded(configuration, sandboxes)
            ? sandboxes.Where(s => s.IsIntegration && !HasCredentials(configuration, s)).Select(s => s.Provider).ToHashSet(StringComparer.OrdinalIgnoreCase)
            : new HashSet<string>(StringComparer.OrdinalIgnoreCase);

    /// <summary>Starts the simulators and points the providers (and the systems without credentials) at them, or returns null when provider credentials are configured.</summary>
    public static async Task<SandboxSimulators?> StartIfNeededAsync(
        IConfigurationManager configuration, IReadOnlyCollection<ProviderSandbox> sandboxes, CancellationToken cancellationToken)
    {
        if (!IsNeeded(configuration, sandboxes))
        {
            return null;
        }

        var simulators = await SandboxSimulators.StartAsync(new SimulatorOptions(), cancellationToken);
        var settings = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (var (_, wiring) in Wire(simulators, sandboxes.Where(s => !s.IsIntegration || !HasCredentials(configuration, s))))
        {
            foreach (var (key, value) in wiring)
            {
                settings[key] = value;
            }
        }

        configuration.AddInMemoryCollection(settings);
        return simulators;
    }

    /// <summary>Each provider's settings that point its connector at its running simulator.</summary>
    public static IEnumerable<(string Provider, IReadOnlyDictionary<string, string?> Settings)> Wire(
        SandboxSimulators simulators, IEnumerable<ProviderSandbox> sandboxes)
    {
        foreach (var sandbox in sandboxes)
        {
            if (simulators.Find(sandbox.Provider) is { } simulator)
            {
                yield return (sandbox.Provider, sandbox.Settings(new SimulatorEndpoint(simulator.BaseUrl, simulator.Credentials)));
            }
        }
    }

    private static bool HasCredentials(IConfiguration configuration, ProviderSandbox sandbox) =>
        sandbox.CredentialKeys.Any(key => !string.IsNullOrWhiteSpace(configuration[key]));

    public static string Describe(SandboxSimulators simulators) =>
        string.Join(", ", simulators.All.Select(s => $"{s.Name} {s.BaseUrl}"));
}
