using Tributary.Simulators.Dataset;

namespace Tributary.Simulators;

/// <summary>
/// Every provider and integration simulator, started together over one shared sample dataset: what
/// <c>tributary serve</c> uses in sandbox mode and what end-to-end tests start. Each simulator
/// listens on its own free loopback port and accepts the credentials in <see cref="Options"/>.
/// </summary>
public sealed class SandboxSimulators : IAsyncDisposable
{
    private SandboxSimulators(SimulatorOptions options, Task<SampleDataset> dataset)
    {
        Options = options;
        Clearbit = new ClearbitSimulator(options, dataset, port: 0);
        ZoomInfo = new ZoomInfoSimulator(options, dataset, port: 0);
        Apollo = new ApolloSimulator(options, dataset, port: 0);
        Hunter = new HunterSimulator(options, dataset, port: 0);
        PeopleDataLabs = new PeopleDataLabsSimulator(options, dataset, port: 0);
        HubSpot = new HubSpotSimulator(options, dataset, port: 0);
        Salesforce = new SalesforceSimulator(options, dataset, port: 0);
        Genesys = new GenesysSimulator(options, dataset, port: 0);
        Segment = new SegmentSimulator(options, dataset, port: 0);
        All = [Clearbit, ZoomInfo, Apollo, Hunter, PeopleDataLabs, HubSpot, Salesforce, Genesys, Segment];
    }

    /// <summary>The options every simulator was started with, including the credentials each accepts.</summary>
    public SimulatorOptions Options { get; }

    public ClearbitSimulator Clearbit { get; }

    public ZoomInfoSimulator ZoomInfo { get; }

    public ApolloSimulator Apollo { get; }

    public HunterSimulator Hunter { get; }

    public PeopleDataLabsSimulator PeopleDataLabs { get; }

    /// <summary>The CRM the pipeline's sandbox reads and writes back to, seeded with contacts.</summary>
    public HubSpotSimulator HubSpot { get; }

    /// <summary>The other CRM of the pipeline's sandbox, seeded with Contacts and Leads.</summary>
    public SalesforceSimulator Salesforce { get; }

    /// <summary>The contact center whose conversations get participant attributes.</summary>
    public GenesysSimulator Genesys { get; }

    /// <summary>The CDP: profile traits for the agent desktop, and the tracking API outcomes are sent to.</summary>
    public SegmentSimulator Segment { get; }

    /// <summary>All simulators, for resetting faults or counting calls across providers.</summary>
    public IReadOnlyList<ProviderSimulator> All { get; }

    /// <summary>The simulator of the provider named <paramref name="provider"/> (<c>clearbit</c>), or null.</summary>
    public ProviderSimulator? Find(string provider) =>
        All.FirstOrDefault(s => string.Equals(s.Name, provider, StringComparison.OrdinalIgnoreCase));

    /// <summary>Starts every simulator concurrently; if one fails to start, the others are stopped.</summary>
    public static async Task<SandboxSimulators> StartAsync(SimulatorOptions? options = null, CancellationToken cancellationToken = default)
    {
        var sandbox = new SandboxSimulators((options ?? new SimulatorOptions()).Validate(), Task.Run(SampleDataset.Create, cancellationToken));
        try
        {
            await Task.WhenAll(sandbox.All.Select(simulator => simulator.StartAsync(cancellationToken)));
        }
        catch
        {
            await sandbox.DisposeAsync();
            throw;
        }

        return sandbox;
    }

    /// <summary>Turns every simulator's faults off and clears its call counts.</summary>
    public void Reset()
    {
        foreach (var simulator in All)
        {
            simulator.Faults.Reset();
            simulator.Calls.Reset();
            simulator.Statuses.Reset();
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var simulator in All)
        {
            await simulator.DisposeAsync();
        }
    }
}
