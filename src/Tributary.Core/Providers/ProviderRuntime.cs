using Polly.CircuitBreaker;
using Tributary.Enrichment;
using Tributary.Resilience;

namespace Tributary.Providers;

/// <summary>
/// The live state of one provider account in this process: its settings, its shared rate budget and its
/// circuit. One instance per provider, registered as a keyed singleton under the provider's name.
/// </summary>
public sealed class ProviderRuntime : IDisposable
{
    private long _exhaustedUntilTicks;
    private bool _refusing;

    /// <param name="name">Lower-cased provider name.</param>
    /// <param name="options">The provider's settings.</param>
    /// <param name="limits">The provider's documented request limits, for what <paramref name="options"/> leaves unset.</param>
    /// <param name="time">The clock every wait and window runs on.</param>
    /// <param name="shared">The budget shared with other processes on the same account, if any.</param>
    public ProviderRuntime(string name, ProviderOptions options, RateLimitDefaults limits, TimeProvider time, ISharedRateBudget? shared = null)
    {
        Name = name;
        Options = options;
        Gate = new ProviderRateGate(name, options.RateLimit, limits, time, shared: shared);
    }

    public string Name { get; }

    public ProviderOptions Options { get; }

    public ProviderRateGate Gate { get; }

    /// <summary>Filled by the resilience pipeline once the provider's HTTP client is first built.</summary>
    public CircuitBreakerStateProvider Circuit { get; } = new();

    public bool IsEnabled => Options.IsEnabled;

    /// <summary>Until when the account's credits are spent (the provider said so), if they are.</summary>
    public DateTimeOffset? ExhaustedUntil => _exhaustedUntilTicks == 0 ? null : new DateTimeOffset(Interlocked.Read(ref _exhaustedUntilTicks), TimeSpan.Zero);

    public bool IsExhaustedAt(DateTimeOffset now) => Interlocked.Read(ref _exhaustedUntilTicks) > now.UtcTicks;

    /// <summary>Skips the provider for every caller until <paramref name="until"/>.</summary>
    public void MarkExhausted(DateTimeOffset until) => Interlocked.Exchange(ref _exhaustedUntilTicks, until.UtcTicks);

    /// <summary>
    /// The provider's last answer refused this account (401 or 403: a wrong or revoked key, a field the plan does not
    /// include). Lookups still ask it, so the first answer after the key is fixed clears it.
    /// </summary>
    public bool IsRefusing => Volatile.Read(ref _refusing);

    /// <summary>Keeps whether the provider's latest answer refused the account or answered it.</summary>
    public void NoteAnswer(ProviderStatus status)
    {
        if (status == ProviderStatus.Unauthorized || status.IsDefinitive())
        {
            Volatile.Write(ref _refusing, status == ProviderStatus.Unauthorized);
        }
    }

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
