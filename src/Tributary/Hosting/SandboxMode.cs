using Tributary.Providers;
using Tributary.Simulators;

namespace Tributary.Host.Hosting;

/// <summary>
/// With no provider credentials configured, the built-in simulators start on loopback and the real connectors are
/// pointed at them, so a fresh clone answers from the sample dataset. Each provider declares its own wiring
/// (<see cref="ProviderSandbox"/>, next to its connector). Simulator answers are never real data: the sandbox keeps
/// its own store file unless one is configured, and its ledger keys name the simulator's address. A gateway that
/// others can reach (gateway keys, or a non-loopback address) refuses to start in sandbox mode unless
/// <c>Sandbox:Enabled=true</c> says so; <c>Sandbox:Enabled=false</c> turns it off.
/// </summary>
internal static class SandboxMode
{
    /// <summary>The store of a sandbox run when none is configured: never the file real credentials use.</summary>
    public const string StoreConnectionString = "Data Source=tributary-sandbox.db";

    public static bool IsNeeded(IConfiguration configuration, IEnumerable<ProviderSandbox> sandboxes) =>
        configuration.GetValue("Sandbox:Enabled", true)
        && sandboxes.SelectMany(s => s.CredentialKeys).All(key => string.IsNullOrWhiteSpace(configuration[key]));

    /// <summary>
    /// Starts the simulators and points the providers at them, or returns null when credentials are configured.
    /// <paramref name="exposure"/> names how others could reach this process (null: only this machine); then sandbox
    /// mode is refused unless forced, because callers could take simulator answers for real ones.
    /// </summary>
    public static async Task<SandboxSimulators?> StartIfNeededAsync(
        IConfigurationManager configuration, IReadOnlyCollection<ProviderSandbox> sandboxes, string? exposure, CancellationToken cancellationToken)
    {
        if (!IsNeeded(configuration, sandboxes))
        {
            return null;
        }

        if (exposure is not null && configuration["Sandbox:Enabled"] is null)
        {
            throw new ConfigurationException(
                $"No provider credentials are configured ({string.Join(", ", sandboxes.SelectMany(s => s.CredentialKeys))}) "
                + $"and {exposure}: sandbox mode would answer from simulators as if they were real providers. Configure a "
                + "provider's credentials, or set Sandbox:Enabled=true to run the sandbox anyway.");
        }

        var simulators = await SandboxSimulators.StartAsync(new SimulatorOptions(), cancellationToken);
        var settings = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (var (_, wiring) in Wire(simulators, sandboxes))
        {
            foreach (var (key, value) in wiring)
            {
                settings[key] = value;
            }
        }

        if (string.IsNullOrWhiteSpace(configuration["Storage:ConnectionString"]))
        {
            settings["Storage:ConnectionString"] = StoreConnectionString;
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

    public static string Describe(SandboxSimulators simulators) =>
        string.Join(", ", simulators.All.Select(s => $"{s.Name} {s.BaseUrl}"));
}
