using System.Collections.Concurrent;
using Tributary.Identifiers;

namespace Tributary.Privacy;

/// <summary>
/// Subjects that must never be sent to a provider: people who opted out at a provider (Hunter's 451) or asked to be
/// forgotten. Checked before every paid call, so it is held in memory (loaded once from the store) and written
/// through. Each identifier is listed on its own, so a subject is recognised by any identifier it was listed with.
/// </summary>
public sealed class SuppressionList(ISuppressionStore store, IdentifierHasher hasher) : IDisposable
{
    private readonly ConcurrentDictionary<string, byte> _hashes = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _loading = new(1, 1);
    private volatile bool _loaded;

    public async ValueTask<bool> IsSuppressedAsync(IdentifierSet identifiers, CancellationToken cancellationToken)
    {
        await EnsureLoadedAsync(cancellationToken);
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
        await EnsureLoadedAsync(cancellationToken);
        var hashes = HashesOf(identifiers).ToArray();
        await store.AddAsync(hashes, reason, cancellationToken);
        foreach (var hash in hashes)
        {
            _hashes.TryAdd(hash, 0);
        }
    }

    /// <summary>Person identifiers only: a company domain names many people, suppressing it would suppress them all.</summary>
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
    }

    private async ValueTask EnsureLoadedAsync(CancellationToken cancellationToken)
    {
        if (_loaded)
        {
            return;
        }

        await _loading.WaitAsync(cancellationToken);
        try
        {
            if (!_loaded)
            {
                foreach (var hash in await store.LoadAllAsync(cancellationToken))
                {
                    _hashes.TryAdd(hash, 0);
                }

                _loaded = true;
            }
        }
        finally
        {
            _loading.Release();
        }
    }

    public void Dispose() => _loading.Dispose();
}
