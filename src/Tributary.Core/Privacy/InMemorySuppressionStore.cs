using System.Collections.Concurrent;

namespace Tributary.Privacy;

/// <summary>The suppression store when no database is configured (benchmarks, tools): lives as long as the process.</summary>
public sealed class InMemorySuppressionStore(TimeProvider time) : ISuppressionStore
{
    private readonly ConcurrentDictionary<string, (string Reason, DateTimeOffset At)> _reasons = new(StringComparer.Ordinal);

    public Task<IReadOnlyCollection<string>> LoadAllAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyCollection<string>>(_reasons.Keys.ToArray());

    public Task<IReadOnlyCollection<string>> FindAsync(IReadOnlyCollection<string> identifierHashes, string reason, DateTimeOffset since, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyCollection<string>>(
            [.. identifierHashes.Where(hash => _reasons.TryGetValue(hash, out var listed) && listed.Reason == reason && listed.At >= since)]);

    public Task AddAsync(IReadOnlyCollection<string> identifierHashes, string reason, CancellationToken cancellationToken)
    {
        foreach (var hash in identifierHashes)
        {
            _reasons[hash] = (reason, time.GetUtcNow());
        }

        return Task.CompletedTask;
    }
}
