using System.ComponentModel.DataAnnotations;

namespace Tributary.Host.Genesys;

/// <summary>
/// Bound from <c>Genesys</c>. The client is configured when <see cref="ClientId"/> and <see cref="ClientSecret"/> are
/// set; its URLs come from <see cref="Region"/> unless <see cref="BaseUrl"/> / <see cref="LoginUrl"/> override them.
/// </summary>
internal sealed class GenesysOptions
{
    public const string SectionName = "Genesys";

    /// <summary>
    /// The org's region: a name from <see cref="GenesysRegions"/> (<c>us_east_1</c>, <c>eu_west_1</c>, …) or a host
    /// such as <c>mypurecloud.com</c>. Required with credentials unless <see cref="BaseUrl"/> is set.
    /// </summary>
    public string? Region { get; set; }

    /// <summary>OAuth client (client-credentials grant) id.</summary>
    public string? ClientId { get; set; }

    /// <summary>OAuth client secret.</summary>
    public string? ClientSecret { get; set; }

    /// <summary>The API's base URL; default <c>https://api.&lt;region host&gt;</c>.</summary>
    public string? BaseUrl { get; set; }

    /// <summary>
    /// The login (token) base URL; default <c>https://login.&lt;region host&gt;</c>, or <see cref="BaseUrl"/> with
    /// <c>//api.</c> replaced by <c>//login.</c> (as the SDKs do), or <see cref="BaseUrl"/> itself (a simulator).
    /// </summary>
    public string? LoginUrl { get; set; }

    /// <summary>The value <c>POST /webhooks/genesys</c> expects in <c>X-Webhook-Secret</c>.</summary>
    public string? WebhookSecret { get; set; }

    /// <summary>Prefix of every participant attribute written. Default <c>enrich.</c>.</summary>
    public string AttributePrefix { get; set; } = "enrich.";

    /// <summary>A 429 whose Retry-After is longer than this many seconds is not waited for: the call fails. Default 180.</summary>
    [Range(0, 86_400)]
    public int MaxRetryAfterSeconds { get; set; } = 180;

    /// <summary>Attempts per call, the first included, over 429s, 5xx and network errors. Default 5.</summary>
    [Range(1, 20)]
    public int MaxAttempts { get; set; } = 5;

    /// <summary>The longest one attempt may take, in seconds. Default 10.</summary>
    [Range(1, 300)]
    public int TimeoutSeconds { get; set; } = 10;

    /// <summary>External Contacts write-back.</summary>
    public GenesysExternalContactsOptions ExternalContacts { get; set; } = new();

    /// <summary>True when credentials are configured: the client can call Genesys Cloud.</summary>
    public bool IsConfigured => !string.IsNullOrWhiteSpace(ClientId) && !string.IsNullOrWhiteSpace(ClientSecret);

    /// <summary>The API base URL without a trailing slash, or null when neither it nor a known region is configured.</summary>
    public string? ApiBaseUrl =>
        !string.IsNullOrWhiteSpace(BaseUrl) ? BaseUrl.Trim().TrimEnd('/')
        : GenesysRegions.HostOf(Region) is { } host ? $"https://api.{host}"
        : null;

    /// <summary>The login base URL without a trailing slash, or null when it cannot be told.</summary>
    public string? LoginBaseUrl
    {
        get
        {
            if (!string.IsNullOrWhiteSpace(LoginUrl))
            {
                return LoginUrl.Trim().TrimEnd('/');
            }

            if (!string.IsNullOrWhiteSpace(BaseUrl))
            {
                var api = BaseUrl.Trim().TrimEnd('/');
                return api.Contains("//api.", StringComparison.OrdinalIgnoreCase)
                    ? api.Replace("//api.", "//login.", StringComparison.OrdinalIgnoreCase)
                    : api;
            }

            return GenesysRegions.HostOf(Region) is { } host ? $"https://login.{host}" : null;
        }
    }
}
