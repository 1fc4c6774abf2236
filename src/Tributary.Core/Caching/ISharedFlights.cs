namespace Tributary.Caching;

/// <summary>
/// Single flight across processes: of several gateways asked for the same new lookup at once, one calls the provider
/// and the others wait briefly for its answer in the shared cache. Without a shared cache each process flies alone
/// (<see cref="LocalFlightsOnly"/>).
/// </summary>
public interface ISharedFlights
{
    /// <summary>
    /// Takes the right to call the provider for <paramref name="key"/>, or waits while another process holds it and
    /// returns what <paramref name="lookAgain"/> then finds. A <see cref="SharedFlight"/> without an answer means this
    /// process calls; it releases the right when disposed.
    /// </summary>
    ValueTask<SharedFlight> JoinAsync(string key, Func<CancellationToken, ValueTask<CacheEntry?>> lookAgain, CancellationToken cancellationToken);
}

/// <summary>The outcome of <see cref="ISharedFlights.JoinAsync"/>: another process's answer, or the right to call.</summary>
public sealed class SharedFlight(CacheEntry? answer, Func<ValueTask>? release = null) : IAsyncDisposable
{
    /// <summary>The answer another process produced; null when this process is to call the provider.</summary>
    public CacheEntry? Answer { get; } = answer;

    public ValueTask DisposeAsync() => release?.Invoke() ?? ValueTask.CompletedTask;
}

/// <summary>One process: its own flights (<see cref="LookupFlights"/>) are all there is.</summary>
internal sealed class LocalFlightsOnly : ISharedFlights
{
    private static readonly SharedFlight Mine = new(null);

    public ValueTask<SharedFlight> JoinAsync(string key, Func<CancellationToken, ValueTask<CacheEntry?>> lookAgain, CancellationToken cancellationToken) =>
        ValueTask.FromResult(Mine);
}
