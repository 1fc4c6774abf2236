using Tributary.Connectors.Http;
using Tributary.Providers;
using Tributary.Simulators;

namespace Tributary.Host.Hosting;

/// <summary>
/// With no credentials configured at all, the built-in simulators start on loopback and the real connectors and
/// clients are pointed at them, so a fresh clone answers from the sample dataset. Any credential (a provider's key, a
/// REST provider, a CRM, Genesys or Segment) means real systems are meant, and sample answers must not reach them
/// unasked (a real CRM written back with simulated profiles): then there is no sandbox mode. <c>Sandbox:Enabled=true</c>
/// asks for it anyway, to try a real system against simulated providers: the providers are simulated unless one has
/// credentials, and each integrated system unless it has its own. <c>false</c> turns it off. Each provider and system
/// declares its own wiring (<see cref="ProviderSandbox"/>, next to its connector); a setting configured by hand (a
/// webhook secret, say) wins over the wiring's. Simulator answers are never taken for real ones: their ledger keys
/// name the simulator's address.
/// </summary>
internal static class SandboxMode
{
    public static bool IsNeeded(IConfiguration configuration, IEnumerable<ProviderSandbox> sandboxes) =>
        configuration.GetValue<bool?>("Sandbox:Enabled") switch
        {
            false => false,
            true => sandboxes.Where(static s => !s.IsIntegration).All(s => !HasCredentials(configuration, s)),
            null => sandboxes.All(s => !HasCredentials(configuration, s)) && !HttpProviderRegistration.AnyConfigured(configuration),
        };

    /// <summary>
    /// The integrated systems (CRMs, contact center, CDP) a process with this configuration points at simulators of its
    /// own: in sandbox mode those without credentials of their own, none otherwise. Read before the simulators are wired in.
    /// </summary>
    public static IReadOnlySet<string> SimulatedSystems(IConfiguration configuration, IEnumerable<ProviderSandbox> sandboxes) =>
        IsNeeded(configuration, sandboxes)
            ? sandboxes.Where(s => s.IsIntegration && !HasCredentials(configuration, s)).Select(static s => s.Provider).ToHashSet(StringComparer.OrdinalIgnoreCase)
            : new HashSet<string>(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// Starts the simulators and points the providers and the systems without credentials at them, keeping the settings
    /// configured by hand, or returns null when this is no sandbox.
    /// </summary>
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
            foreach (var (key, value) in wiring.Where(setting => string.IsNullOrWhiteSpace(configuration[setting.Key])))
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

    /// <summary>
    /// The simulators a sandbox process uses, with their URLs, and the integrated systems it calls for real because
    /// they have credentials of their own (their simulators run, unused).
    /// </summary>
    /// <param name="simulators">The running simulators.</param>
    /// <param name="sandboxes">Every provider's and system's sandbox wiring.</param>
    /// <param name="simulatedSystems">The integrated systems pointed at their simulators (<see cref="SimulatedSystems"/>).</param>
    public static string Describe(SandboxSimulators simulators, IEnumerable<ProviderSandbox> sandboxes, IReadOnlySet<string> simulatedSystems)
    {
        var real = sandboxes.Where(s => s.IsIntegration && !simulatedSystems.Contains(s.Provider)).Select(static s => s.Provider).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var simulated = string.Join(", ", simulators.All.Where(s => !real.Contains(s.Name)).Select(static s => $"{s.Name} {s.BaseUrl}"));
        return real.Count == 0 ? simulated : $"{simulated}; real, with their own credentials: {string.Join(", ", real.Order(StringComparer.Ordinal))}";
    }
}

/// <summary>What a sandbox gateway says of itself at start (<see cref="SandboxMode.Describe"/>).</summary>
internal sealed record SandboxDescription(string Text);
