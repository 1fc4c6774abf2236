using Tributary.Simulators;
using Tributary.Simulators.Dataset;

namespace Tributary.IntegrationTests.Batch;

/// <summary>
/// Clearbit and ZoomInfo simulators shared by one test class (tests in a class run one at a time, each with its own
/// store), and the environment that points a <c>tributary</c> process at them.
/// </summary>
public sealed class BatchSimulators : IAsyncLifetime
{
    private SandboxSimulators _sandbox = null!;

    internal SandboxSimulators Sandbox => _sandbox;

    internal IReadOnlyList<SamplePerson> People { get; private set; } = [];

    /// <summary>Lookups that reached a provider (token requests excluded).</summary>
    public int LookupCalls =>
        _sandbox.Clearbit.Calls["/v2/combined/find"] + _sandbox.ZoomInfo.Calls["/enrich/contact"];

    public async Task InitializeAsync()
    {
        _sandbox = await SandboxSimulators.StartAsync();
        People = SampleDataset.Create().People;
    }

    public void Reset() => _sandbox.Reset();

    /// <summary>
    /// Settings for a process working in <paramref name="directory"/>: two providers, a generous attempt timeout, and a
    /// rate budget that does not pace a test (the default 600 a minute would make 240 rows take 20 s).
    /// </summary>
    public Dictionary<string, string?> Environment(string directory) => new()
    {
        ["Providers__Clearbit__ApiKey"] = _sandbox.Options.ClearbitApiKey,
        ["Providers__Clearbit__BaseUrl"] = _sandbox.Clearbit.BaseUrl,
        ["Providers__Clearbit__TimeoutMs"] = "5000",
        ["Providers__Clearbit__RateLimit__PerMinute"] = "600000",
        ["Providers__ZoomInfo__Username"] = _sandbox.Options.ZoomInfoUsername,
        ["Providers__ZoomInfo__Password"] = _sandbox.Options.ZoomInfoPassword,
        ["Providers__ZoomInfo__BaseUrl"] = _sandbox.ZoomInfo.BaseUrl,
        ["Providers__ZoomInfo__TimeoutMs"] = "5000",
        ["Providers__ZoomInfo__RateLimit__PerMinute"] = "600000",
        ["Storage__ConnectionString"] = $"Data Source={Path.Combine(directory, "tributary.db")}",
    };

    public async Task DisposeAsync() => await _sandbox.DisposeAsync();
}
