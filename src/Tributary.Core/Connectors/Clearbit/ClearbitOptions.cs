using System.ComponentModel.DataAnnotations;
using Tributary.Providers;

namespace Tributary.Connectors.Clearbit;

/// <summary>Bound from <c>Providers:Clearbit</c>.</summary>
public sealed class ClearbitOptions : ProviderOptions
{
    /// <summary>Secret key (<c>sk_…</c>).</summary>
    public string? ApiKey { get; set; }

    /// <summary><c>bearer</c> (default) sends <c>Authorization: Bearer key</c>; <c>basic</c> sends the key as Basic user name.</summary>
    public string AuthScheme { get; set; } = "bearer";

    /// <summary>
    /// Streaming host for batch lookups, which blocks until a queued record is ready instead of answering 202.
    /// Never used for real-time requests. Default: none (202 is reported as <c>queued</c>).
    /// </summary>
    public string? StreamBaseUrl { get; set; }

    /// <summary>
    /// The public URL of this gateway's <c>/webhooks/providers/clearbit</c>, sent as <c>webhook_url</c> with every
    /// lookup so the record of a queued one (202) is delivered there. Default none: Clearbit uses the webhook URL set
    /// in the account's dashboard, if any (the connector sends its <c>webhook_id</c> either way).
    /// </summary>
    [Url]
    public string? WebhookUrl { get; set; }

    /// <summary>
    /// How long a lookup Clearbit queued (202) is not asked again, while its record comes by webhook: repeated lookups
    /// meanwhile answer <c>queued</c> without a call. Clearbit asks for a retry after a few minutes. Default 180; 0 asks
    /// again every time.
    /// </summary>
    [Range(0, 86_400)]
    public int QueuedRetrySeconds { get; set; } = 180;

    /// <summary>Person and combined lookups; <see cref="ProviderOptions.BaseUrl"/> overrides it.</summary>
    internal string PersonBaseUrl => BaseUrl ?? "https://person.clearbit.com";

    /// <summary>Company lookups; <see cref="ProviderOptions.BaseUrl"/> overrides it.</summary>
    internal string CompanyBaseUrl => BaseUrl ?? "https://company.clearbit.com";

    public override bool HasCredentials => !string.IsNullOrWhiteSpace(ApiKey);
}
