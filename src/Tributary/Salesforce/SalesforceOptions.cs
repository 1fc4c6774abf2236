namespace Tributary.Host.Salesforce;

/// <summary>Salesforce, bound from <c>Salesforce</c> and validated at start (<see cref="SalesforceOptionsValidator"/>).</summary>
internal sealed class SalesforceOptions
{
    public const string SectionName = "Salesforce";

    /// <summary>Where tokens come from. Default <c>https://login.salesforce.com</c>; <c>https://test.salesforce.com</c> for sandboxes, the org's My Domain for client credentials.</summary>
    public string LoginUrl { get; set; } = "https://login.salesforce.com";

    /// <summary>The connected app's consumer key. Without it the CRM client is not registered.</summary>
    public string? ClientId { get; set; }

    /// <summary>The connected app's consumer secret; required with <see cref="ClientId"/>.</summary>
    public string? ClientSecret { get; set; }

    /// <summary>A refresh token of the integration user: the refresh-token grant. Without it: the client-credentials grant.</summary>
    public string? RefreshToken { get; set; }

    /// <summary>Where REST calls go instead of the token's <c>instance_url</c>. Default none: the token's.</summary>
    public string? InstanceUrl { get; set; }

    /// <summary>The REST API version, without the <c>v</c>. Default <c>62.0</c>.</summary>
    public string ApiVersion { get; set; } = "62.0";

    /// <summary>The key of <c>X-Tributary-Signature</c> on relayed change events (<c>POST /webhooks/salesforce</c>).</summary>
    public string? WebhookSecret { get; set; }

    /// <summary>
    /// Whether write calls are all-or-none: one failed record rolls back every record of the call, and those rolled
    /// back are sent again at once without it. Default false: each record stands alone.
    /// </summary>
    public bool AllOrNone { get; set; }

    /// <summary>
    /// Per object (<c>Contact</c>, <c>Lead</c>), flat field → Salesforce field written back and read. Defaults: Contact —
    /// <c>jobTitle</c>→<c>Title</c>, <c>department</c>→<c>Department</c>, <c>phone</c>→<c>Phone</c>,
    /// <c>city</c>→<c>MailingCity</c>, <c>country</c>→<c>MailingCountry</c>; Lead — <c>jobTitle</c>→<c>Title</c>,
    /// <c>companyName</c>→<c>Company</c>, <c>industry</c>→<c>Industry</c>, <c>employeeCount</c>→<c>NumberOfEmployees</c>,
    /// <c>city</c>→<c>City</c>, <c>country</c>→<c>Country</c>. An empty value means "not written".
    /// </summary>
    public Dictionary<string, Dictionary<string, string?>> Fields { get; set; } = new(StringComparer.OrdinalIgnoreCase)
    {
        [SalesforceObjects.Contact] = new(StringComparer.OrdinalIgnoreCase)
        {
            ["jobTitle"] = "Title",
            ["department"] = "Department",
            ["phone"] = "Phone",
            ["city"] = "MailingCity",
            ["country"] = "MailingCountry",
        },
        [SalesforceObjects.Lead] = new(StringComparer.OrdinalIgnoreCase)
        {
            ["jobTitle"] = "Title",
            ["companyName"] = "Company",
            ["industry"] = "Industry",
            ["employeeCount"] = "NumberOfEmployees",
            ["city"] = "City",
            ["country"] = "Country",
        },
    };

    /// <summary>Attempts of one call on 5xx and network errors, the first included. Default 4.</summary>
    public int MaxAttempts { get; set; } = 4;

    /// <summary>Delay before the first retry after a 5xx or network error; each next one doubles, with jitter. Default 1,000 ms.</summary>
    public int RetryBaseDelayMs { get; set; } = 1_000;

    /// <summary>Time one attempt on the wire may take. Default 30,000 ms.</summary>
    public int TimeoutMs { get; set; } = 30_000;

    /// <summary>Whether a client id is configured: the CRM client is registered only then.</summary>
    public bool HasClient => !string.IsNullOrWhiteSpace(ClientId);

    /// <summary>The grant in use: refresh token when one is configured, else client credentials.</summary>
    public bool UsesRefreshToken => !string.IsNullOrWhiteSpace(RefreshToken);

    /// <summary>The mapping in effect for <paramref name="objectType"/>: flat field → Salesforce field, without the fields mapped to nothing.</summary>
    public IReadOnlyDictionary<string, string> Mapping(string objectType) =>
        Fields.TryGetValue(objectType, out var fields)
            ? fields.Where(static f => !string.IsNullOrWhiteSpace(f.Value)).ToDictionary(static f => f.Key, static f => f.Value!.Trim(), StringComparer.OrdinalIgnoreCase)
            : new Dictionary<string, string>();
}
