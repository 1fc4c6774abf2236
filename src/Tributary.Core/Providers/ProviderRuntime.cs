using Polly.CircuitBreaker;
using Tributary.Resilience;

namespace Tributary.Providers;

/// <summary>
/// The live state of one provider account in this process: its settings, its shared rate budget and its
/// circuit. One instance per provider, registered as a keyed singleton under the provider's name.
/// </summary>
public sealed class ProviderRuntime : IDisposable
{
    public ProviderRuntime(string name, ProviderOptions options, TimeProvider time)
    {
        Name = name;
        Options = options;
        Gate = new ProviderRateGate(name, options.RateLimit, time);
    }

    public string Name { get; }

    public ProviderOptions Options { get; }

    public ProviderRateGate Gate { get; }

    /// <summary>Filled by the resilience pipeline once the provider's HTTP client is first built.</summary>
    public CircuitBreakerStateProvider Circuit { get; } = new();

    public bool IsEnabled => Options.IsEnabled;

    /// <summary>Circuit state as shown to operators: closed, open, half_open or isolated.</summary>
    public string CircuitState => Circuit.CircuitState switch
    {
        Polly.CircuitBreaker.CircuitState.Open => "open",
        Polly.CircuitBreaker.CircuitState.HalfOpen => "half_open",
        Polly.CircuitBreaker.CircuitState.Isolated => "isolated",
        _ => "closed",
    };

    public void Dispose() => Gate.Dispose();
}
