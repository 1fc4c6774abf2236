using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using Tributary.Identifiers;

namespace Tributary.Privacy;

/// <summary>
/// Subjects that must never be sent to a provider: people who opted out at a provider (Hunter's 451) or asked to be
/// forgotten. Checked before every paid call, and before the cache (see <c>EnrichmentEngine</c>), so it is held in memory
/// and written through. What another node suppressed (a shared store, <c>tributary forget</c> in another process)
/// applies here too: a timer reads the list again every <see cref="PrivacyOptions.SuppressionRefreshSeconds"/>, idle or
/// not, and a caller that finds the list older than twice that (the store was slow or down) waits for a fresh read
/// rather than answer from an old list. Each identifier is listed on its own (see <see cref="SubjectHashes"/>), so a
/// subject is recognised by any of them.
/// </summary>
public sealed class SuppressionList(ISuppressionStore store, IdentifierHasher hasher, IOptions<PrivacyOptions> options, TimeProvider time) : IDisposable
{
    private readonly ConcurrentDictionary<string, byte> _hashes = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _loading = new(1, 1);
    private readonly TimeSpan _refresh = TimeSpan.FromSeconds(options.Value.SuppressionRefreshSeconds);
    private readonly SubjectHashes _subjects = new(hasher);
    private readonly Lock _timerSync = new();
    private ITimer? _timer;
    private long _loadedAt = long.MinValue;
    private int _refreshing;
    private bool _disposed;

    /// <summary>The reason an erasure lists a subject under.</summary>
    public const string ErasureReason = "erasure";

    public async ValueTask<bool> IsSuppressedAsync(IdentifierSet identifiers, CancellationToken cancellationToken)
    {
        await EnsureFreshAsync(cancellationToken);
        if (_hashes.IsEmpty)
        {
            return false;
        }

        foreach (var hash in _subjects.Of(identifiers))
        {
            if (_hashes.ContainsKey(hash))
            {
                return true;
            }
        }

        return false;
    }

    public async Task SuppressAsync(IdentifierSet identifiers, string reason, CancellationToken cancellationToken)
    {
        await EnsureFreshAsync(cancellationToken);
        var hashes = _subjects.Of(identifiers).ToArray();
        await store.AddAsync(hashes, reason, cancellationToken);
        foreach (var hash in hashes)
        {
            _hashes.TryAdd(hash, 0);
        }
    }

    /// <summary>
    /// The emails and phones of <paramref name="subjects"/> erased at or after <paramref name="since"/>, each as a set
    /// of that one identifier, read from the store rather than this copy (which learns of another process's erasure only
    /// at its next read). What it finds is suppressed in this process at once. For a write that checked the list long
    /// before it committed: look again after committing, and an erasure cannot fall between the two unnoticed.
    /// </summary>
    public async Task<IReadOnlyList<IdentifierSet>> ErasedSinceAsync(IEnumerable<IdentifierSet> subjects, DateTimeOffset since, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(subjects);
        var byHash = new Dictionary<string, IdentifierSet>(StringComparer.Ordinal);
        foreach (var subject in subjects)
        {
            if (subject.Email is { } email)
            {
                byHash.TryAdd(_subjects.OfEmail(email), new IdentifierSet { Email = email });
            }

            if (subject.Phone is { } phone)
            {
                byHash.TryAdd(_subjects.OfPhone(phone), new IdentifierSet { Phone = phone });
            }
        }

        if (byHash.Count == 0)
        {
            return [];
        }

        var erased = await store.FindAsync(byHash.Keys, ErasureReason, since, cancellationToken);
        foreach (var hash in erased)
        {
            _hashes.TryAdd(hash, 0);
        }

        return [.. erased.Select(hash => byHash[hash])];
    }

    /// <summary>
    /// Loads the list on first use (callers wait) and starts the refresh timer; between timer reads the list in memory
    /// answers, unless it has grown older than twice the interval, when callers wait for a read.
    /// </summary>
    private async ValueTask EnsureFreshAsync(CancellationToken cancellationToken)
    {
        var loadedAt = Interlocked.Read(ref _loadedAt);
        if (loadedAt == long.MinValue)
        {
            await LoadAsync(null, cancellationToken);
            StartTimer();
            return;
        }

        if (time.GetElapsedTime(loadedAt) < _refresh * 2)
        {
            return;
        }

        try
        {
            // Concurrent callers wait for one read: whoever gets the lock after it finds the list fresh.
            await LoadAsync(_refresh * 2, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The store is unreachable: answer from memory rather than fail the request, and let the timer try again.
            Interlocked.Exchange(ref _loadedAt, time.GetTimestamp());
        }
    }

    private void StartTimer()
    {
        lock (_timerSync)
        {
            if (_timer is null && !_disposed)
            {
                _timer = time.CreateTimer(
                    static state => ((SuppressionList)state!).RefreshInBackground(), this, _refresh, _refresh);
            }
        }
    }

    private void RefreshInBackground()
    {
        if (Interlocked.CompareExchange(ref _refreshing, 1, 0) == 0)
        {
            _ = RefreshAsync();
        }
    }

    private async Task RefreshAsync()
    {
        try
        {
            await Task.Yield();
            await LoadAsync(null, CancellationToken.None);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The store is unreachable: keep answering from memory and try again at the next interval.
            Interlocked.Exchange(ref _loadedAt, time.GetTimestamp());
        }
        finally
        {
            Interlocked.Exchange(ref _refreshing, 0);
        }
    }

    /// <summary>Reads the whole list; with <paramref name="ifOlderThan"/>, only when no read newer than that finished meanwhile.</summary>
    private async Task LoadAsync(TimeSpan? ifOlderThan, CancellationToken cancellationToken)
    {
        await _loading.WaitAsync(cancellationToken);
        try
        {
            var loadedAt = Interlocked.Read(ref _loadedAt);
            if (ifOlderThan is { } age && loadedAt != long.MinValue && time.GetElapsedTime(loadedAt) < age)
            {
                return;
            }

            var started = time.GetTimestamp();
            foreach (var hash in await store.LoadAllAsync(cancellationToken))
            {
                _hashes.TryAdd(hash, 0);
            }

            Interlocked.Exchange(ref _loadedAt, started);
        }
        finally
        {
            _loading.Release();
        }
    }

    public void Dispose()
    {
        lock (_timerSync)
        {
            _disposed = true;
            _timer?.Dispose();
        }

        _loading.Dispose();
    }
}
