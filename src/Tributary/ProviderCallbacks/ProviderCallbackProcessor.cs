using System.Text;
using Tributary.Caching;
using Tributary.Enrichment;
using Tributary.Identifiers;
using Tributary.Orchestration;
using Tributary.Privacy;
using Tributary.Profiles;
using Tributary.Providers;
using Tributary.Storage;

namespace Tributary.Host.ProviderCallbacks;

/// <summary>
/// Makes a provider's late answer its lookup's answer: a callback staged by <c>/webhooks/providers/{provider}</c> is
/// mapped by the provider's connector and stored in the cache and the ledger under the lookup's key, with the TTL a
/// synchronous answer gets, where the next lookup of the subject reads it. Only a match or a no-match is kept (a
/// failure never is: the next lookup asks again); an answer about a subject erased meanwhile is not brought back.
/// Storing the same answer twice changes nothing a caller sees, so a retried callback is harmless. A delivery this
/// process cannot apply (its provider or the API its lookup went to is not configured here, or it no longer reads) is
/// reported as a failure, not dropped: another process, or this one configured again, may apply it.
/// </summary>
internal sealed class ProviderCallbackProcessor(
    ProviderCallbackIndex index,
    ProviderCatalog catalog,
    LookupCache cache,
    SuppressionList suppression,
    ILogger<ProviderCallbackProcessor> logger)
{
    /// <summary>
    /// Keeps the record's answer, or logs why it deliberately does not: null either way, the record is done. Otherwise
    /// why it cannot be applied here (the record is retried, then dead-lettered). Throws when the store fails.
    /// </summary>
    public async Task<string?> ProcessAsync(ClaimedRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (index.FromSource(record.SourceSystem) is not { } provider || !catalog.TryGet(provider.Name, out var entry))
        {
            return "its provider is not configured in this process";
        }

        var body = Encoding.UTF8.GetBytes(record.Payload);
        string? key;
        ProviderResult result;
        try
        {
            key = provider.Read(body).LookupKey;
            if (key is null || LookupKeys.KindOf(entry, key) is not { } kind)
            {
                // The lookup's key names the API it was sent to: this process's provider points elsewhere.
                return "it answers no lookup of this process's configuration (the provider's BaseUrl here is not the API the lookup went to)";
            }

            result = provider.Answer(body, kind);
        }
        catch (ProviderCallbackFormatException)
        {
            return "it does not read as one of the provider's callbacks";
        }

        if (!result.Status.IsDefinitive())
        {
            ProviderCallbackLog.NotKept(logger, provider.Name, record.RecordId, $"the provider answered {result.Status.ToWire()}, which is not kept");
            return null;
        }

        if (await IsSuppressedAsync(result.Profile, cancellationToken))
        {
            ProviderCallbackLog.NotKept(logger, provider.Name, record.RecordId, "its subject is suppressed (erased or opted out)");
            return null;
        }

        await cache.StoreAsync(key, entry.Name, result, cancellationToken);
        await cache.FlushAsync(cancellationToken);
        ProviderCallbackLog.Kept(logger, provider.Name, key, result.Status.ToWire());
        return null;
    }

    /// <summary>
    /// The answer names its subject by email or phone: one forgotten while the lookup was queued must not come back into
    /// the ledger with the late answer (the engine would never serve it, but erasure promises the value is stored nowhere).
    /// </summary>
    private async Task<bool> IsSuppressedAsync(Profile profile, CancellationToken cancellationToken)
    {
        var subject = new IdentifierSet { Email = EmailOf(profile), Phone = NonEmpty(profile.Text(ProfileFields.Phone)) };
        return (subject.Email ?? subject.Phone) is not null && await suppression.IsSuppressedAsync(subject, cancellationToken);
    }

    private static string? EmailOf(Profile profile)
    {
        try
        {
            return NonEmpty(profile.Text(ProfileFields.Email)) is { } email ? IdentifierNormalizer.NormalizeEmail(email) : null;
        }
        catch (InvalidIdentifierException)
        {
            return null;
        }
    }

    private static string? NonEmpty(string text) => text.Length > 0 ? text : null;
}
