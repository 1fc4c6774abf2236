namespace Tributary.Enrichment;

/// <summary>
/// A provider that answers some lookups later, by calling back (Clearbit's webhook after a 202 "queued"). Its connector
/// folder implements this: the host receives the calls at <c>POST /webhooks/providers/{Name}</c>, verifies and reads
/// them through it, and keeps the answer where the next lookup of the subject reads it, never seeing the provider's
/// wire format.
/// </summary>
public interface IProviderCallbacks
{
    /// <summary>The provider's name, as its <see cref="IEnrichmentProvider.Name"/>.</summary>
    string Name { get; }

    /// <summary>
    /// Null when the delivery is signed by the provider account configured here; otherwise why it is refused, in words
    /// fit for a log line and a 401 (no secret, no PII).
    /// </summary>
    /// <param name="body">The raw body, exactly as received.</param>
    /// <param name="header">Reads a request header by name: its value, or empty when absent.</param>
    string? Refusal(ReadOnlySpan<byte> body, Func<string, string> header);

    /// <summary>What a verified delivery is about: its event id and the lookup it answers.</summary>
    /// <exception cref="ProviderCallbackFormatException">The body is not one of the provider's callbacks.</exception>
    ProviderCallback Read(ReadOnlySpan<byte> body);

    /// <summary>
    /// The delivery's answer to a lookup of <paramref name="kind"/>, mapped as the connector maps the same answer given
    /// at once: a match, a no-match, or a failure (which the cache does not keep).
    /// </summary>
    /// <exception cref="ProviderCallbackFormatException">The body is not one of the provider's callbacks.</exception>
    ProviderResult Answer(ReadOnlySpan<byte> body, LookupKind kind);
}
