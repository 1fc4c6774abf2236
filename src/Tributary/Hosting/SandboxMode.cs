using Tributary.Providers;
using Tributary.Simulators;

namespace Tributary.Host.Hosting;

/// <summary>
/// With no provider credentials configured, the built-in simulators start on loopback and the real connectors are
/// pointed at them, so a fresh clone answers from the sample dataset. Each provider declares its own wiring
/// (<see cref="ProviderSandbox"/>, next to its connector). <c>Sandbox:Enabled=false</c> turns this off.
/// </summary>
internal static class SandboxMode
{
    public static bool IsNeeded(IConfiguration configuration, IEnumerable<ProviderSandbox> sandboxes) =>
        configuration.GetValue("Sandbox:Enabled", true)
        && sandboxes.SelectMany(s => s.CredentialKeys).All(key => string.IsNullOrWhiteSpace(configuration[key]));

    /// <summary>Starts the simulators and points the providers at them, or returns null when credentials are configured.</summary>
    public static async Task<SandboxSimulators?> StartIfNeededAsync(
        IConfigurationManager configuration, IReadOnlyCollection<ProviderSandbox> sandboxes, CancellationToken cancellationToken)
    {
        if (!IsNeeded(configuration, sandboxes))
        {
            return null;
        }

        var simulators = await SandboxSimulators.StartAsync(new SimulatorOptions(), cancellationToken);
        var settings = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (var sandbox in sandboxes)
        {
            if (simulators.Find(sandbox.Provider) is { } simulator)
            {
                foreach (var (key, value) in sandbox.Settings(new SimulatorEndpoint(simulator.BaseUrl, simulator.Credentials)))
                {
                    settings[key] = value;
                }
            }
        }

        configuration.AddInMemoryCollection(settings);
        return simulators;
    }

    public static string Describe(SandboxSimulators simulators) =>
        string.Join(", ", simulators.All.Select(s => $"{s.Name} {s.BaseUrl}"));
}
