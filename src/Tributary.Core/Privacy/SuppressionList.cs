using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using Tributary.Identifiers;

namespace Tributary.Privacy;

/// <summary>
/// Subjects that must never be sent to a provider: people who opted out at a provider (Hunter's 451) or asked to be
/// forgotten. Checked before every paid call, so it is held in memory and written through; read again from the store
/// every <see cref="PrivacyOptions.SuppressionRefreshSeconds"/>, so what another node suppressed applies here too. Each
/// identifier is listed on its own (email, phone, LinkedIn, name at a company), so a subject is recognised by any of them.
/// </summary>
public sealed class SuppressionList(ISuppressionStore store, IdentifierHasher hasher, IOptions<PrivacyOptions> options, TimeProvider time) : IDisposable
{
    private readonly ConcurrentDictionary<string, byte> _hashes = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _loading = new(1, 1);
    private readonly TimeSpan _refresh = TimeSpan.FromSeconds(options.Value.SuppressionRefreshSeconds);
    private long _loadedAt = long.MinValue;
    private int _refreshing;

    public async ValueTask<bool> IsSuppressedAsync(IdentifierSet identifiers, CancellationToken cancellationToken)
    {
        await EnsureFreshAsync(cancellationToken);
        if (_hashes.IsEmpty)
        {
            return false;
        }

        foreach (var hash in HashesOf(identifiers))
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
        var hashes = HashesOf(identifiers).ToArray();
        await store.AddAsync(hashes, reason, cancellationToken);
        foreach (var hash in hashes)
        {
            _hashes.TryAdd(hash, 0);
        }
    }

    /// <summary>
    /// Person identifiers only: a company domain names many people, suppressing it would suppress them all. A name
    /// counts with its company (domain, else name), the way an email finder looks a person up.
    /// </summary>
    private IEnumerable<string> HashesOf(IdentifierSet identifiers)
    {
        if (identifiers.Email is { } email)
        {
            yield return hasher.Hash("email:" + email);
        }

        if (identifiers.Phone is { } phone)
        {
            yield return hasher.Hash("phone:" + phone);
        }

        if (identifiers.LinkedInUrl is { } linkedin)
        {
            yield return hasher.Hash("linkedin:" + linkedin);
        }

        if (identifiers.FullName is { } name)
        {
            if (identifiers.Domain is { } domain)
            {
                yield return hasher.Hash("name@domain:" + name.ToLowerInvariant() + "@" + domain);
            }

            if (identifiers.Company is { } company)
            {
                yield return hasher.Hash("name@company:" + name.ToLowerInvariant() + "@" + company.ToLowerInvariant());
            }
        }
    }

    /// <summary>Loads the list on first use (callers wait); later refreshes run in the background while the list in memory answers.</summary>
    private async ValueTask EnsureFreshAsync(CancellationToken cancellationToken)
    {
        var loadedAt = Interlocked.Read(ref _loadedAt);
        if (loadedAt == long.MinValue)
        {
            await LoadAsync(cancellationToken);
            return;
        }

        if (time.GetElapsedTime(loadedAt) >= _refresh && Interlocked.CompareExchange(ref _refreshing, 1, 0) == 0)
        {
            _ = RefreshAsync();
        }
    }

    private async Task RefreshAsync()
    {
        try
        {
            await Task.Yield();
            await LoadAsync(CancellationToken.None);
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

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        await _loading.WaitAsync(cancellationToken);
        try
        {
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

    public void Dispose() => _loading.Dispose();
}
