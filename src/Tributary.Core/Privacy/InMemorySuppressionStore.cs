using System.Collections.Concurrent;

namespace Tributary.Privacy;

/// <summary>The suppression store when no database is configured (benchmarks, tools): lives as long as the process.</summary>
public sealed class InMemorySuppressionStore : ISuppressionStore
{
    private readonly ConcurrentDictionary<string, string> _reasons = new(StringComparer.Ordinal);

    public Task<IReadOnlyCollection<string>> LoadAllAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyCollection<string>>(_reasons.Keys.ToArray());

    public Task<IReadOnlyCollection<string>> FindAsync(IReadOnlyCollection<string> identifierHashes, string reason, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyCollection<string>>(
            [.. identifierHashes.Where(hash => _reasons.TryGetValue(hash, out var listed) && listed == reason)]);

    public Task AddAsync(IReadOnlyCollection<string> identifierHashes, string reason, CancellationToken cancellationToken)
    {
        foreach (var hash in identifierHashes)
        {
            _reasons[hash] = reason;
        }

        return Task.CompletedTask;
    }
}
