namespace Tributary.Host.HubSpot;

/// <summary>HubSpot, bound from <c>HubSpot</c> and validated at start (<see cref="HubSpotOptionsValidator"/>).</summary>
internal sealed class HubSpotOptions
{
    public const string SectionName = "HubSpot";

    /// <summary>Private-app access token, sent as <c>Authorization: Bearer</c>. Without it the pipeline does not use HubSpot.</summary>
    public string? AccessToken { get; set; }

    /// <summary>The app's client secret: the key of <c>X-HubSpot-Signature-v3</c> on webhooks.</summary>
    public string? ClientSecret { get; set; }

    /// <summary>API root. Default <c>https://api.hubapi.com</c>; a simulator's URL in tests and sandbox mode.</summary>
    public string BaseUrl { get; set; } = "https://api.hubapi.com";

    /// <summary>The public URL HubSpot calls, as signed; default (null) the URL of the request as received.</summary>
    public string? WebhookUrl { get; set; }

    /// <summary>
    /// Contact properties whose change stages the contact (<c>contact.propertyChange</c>): a list, or one
    /// comma-separated value (<c>jobtitle,company</c>). Default <c>email</c>. Null here so configuration replaces the
    /// default rather than appending to it (see <see cref="Triggers"/>).
    /// </summary>
    public List<string>? TriggerProperties { get; set; }

    /// <summary>
    /// Flat field → contact property written back and read with history. Defaults: <c>jobTitle</c>→<c>jobtitle</c>,
    /// <c>companyName</c>→<c>company</c>, <c>industry</c>→<c>industry</c>, <c>employeeCount</c>→<c>numberofemployees</c>,
    /// <c>city</c>→<c>city</c>, <c>country</c>→<c>country</c>, <c>phone</c>→<c>phone</c>. An empty value means "not written".
    /// </summary>
    public Dictionary<string, string?> Properties { get; set; } = new(StringComparer.OrdinalIgnoreCase)
    {
        ["jobTitle"] = "jobtitle",
        ["companyName"] = "company",
        ["industry"] = "industry",
        ["employeeCount"] = "numberofemployees",
        ["city"] = "city",
        ["country"] = "country",
        ["phone"] = "phone",
    };

    /// <summary>HubSpot's ten-secondly limit the client paces itself under (corrected from HubSpot's headers).</summary>
    public HubSpotRateLimitOptions RateLimit { get; set; } = new();

    /// <summary>Attempts of one call on 5xx and network errors, the first included. Default 4.</summary>
    public int MaxAttempts { get; set; } = 4;

    /// <summary>Delay before the first retry after a 5xx or network error; each next one doubles, with jitter. Default 1,000 ms.</summary>
    public int RetryBaseDelayMs { get; set; } = 1_000;

    /// <summary>Retries of one call answered 429 <c>TEN_SECONDLY_ROLLING</c> (or <c>SECONDLY</c>), each after Retry-After or the interval. Default 5.</summary>
    public int MaxThrottleRetries { get; set; } = 5;

    /// <summary>Time one attempt on the wire may take (waiting for a turn under the rate limit excluded). Default 30,000 ms.</summary>
    public int TimeoutMs { get; set; } = 30_000;

    /// <summary>Whether a token is configured: the pipeline uses HubSpot only then.</summary>
    public bool HasAccessToken => !string.IsNullOrWhiteSpace(AccessToken);

    /// <summary>The trigger properties in effect: the configured ones, comma-separated entries split, or <c>email</c>.</summary>
    public IReadOnlyList<string> Triggers =>
        TriggerProperties?.SelectMany(static p => (p ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .Distinct(StringComparer.Ordinal).ToList() is { Count: > 0 } configured ? configured : ["email"];

    /// <summary>Adds <c>TriggerProperties</c> given as one value (<c>jobtitle,company</c>), which the binder leaves out.</summary>
    public void AddTriggerList(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return;
        }

        TriggerProperties ??= [];
        if (!TriggerProperties.Contains(value, StringComparer.Ordinal))
        {
            TriggerProperties.Add(value);
        }
    }

    /// <summary>The mapping in effect: flat field → property, without the fields mapped to nothing.</summary>
    public IReadOnlyDictionary<string, string> Mapping =>
        Properties.Where(static p => !string.IsNullOrWhiteSpace(p.Value))
            .ToDictionary(static p => p.Key, static p => p.Value!.Trim(), StringComparer.OrdinalIgnoreCase);
}
