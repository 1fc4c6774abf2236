using System.ComponentModel.DataAnnotations;

namespace Tributary.Host.Gateway;

/// <summary>Bound from <c>Gateway</c>.</summary>
internal sealed class GatewayOptions
{
    public const string SectionName = "Gateway";

    /// <summary>
    /// Keys callers present as <c>Authorization: Bearer …</c> or <c>X-Api-Key</c>. An array, or one comma-separated
    /// string. None configured: the gateway is open, and then only listens on loopback.
    /// </summary>
    public List<string> ApiKeys { get; set; } = [];

    /// <summary>Allow an open gateway (no keys) on a non-loopback address. Default false.</summary>
    public bool AllowAnonymousNonLoopback { get; set; }

    /// <summary>Largest request body accepted, in bytes. Default 64 KB.</summary>
    [Range(1024, 100 * 1024 * 1024)]
    public int MaxBodyBytes { get; set; } = 64 * 1024;

    /// <summary>
    /// The default size cap of a <c>/v1/enrich</c> answer in bytes (UTF-8), as if every request said
    /// <c>?maxBytes=</c>: values are emptied by priority until the answer fits (see docs/genesys.md). Default none.
    /// </summary>
    [Range(64, 100 * 1024 * 1024)]
    public int? MaxResponseBytes { get; set; }

    /// <summary>Requests per minute one caller (key, or address when open) may make. Default 60,000.</summary>
    [Range(1, 10_000_000)]
    public int QuotaPerMinute { get; set; } = 60_000;

    /// <summary>
    /// Origins whose browser pages may call the API (CORS), such as <c>https://agent.example.com</c>. An array, or one
    /// comma-separated string. None (the default): no CORS headers, so browsers keep other origins out.
    /// </summary>
    public List<string> CorsOrigins { get; set; } = [];

    /// <summary>The keys, with comma-separated entries split.</summary>
    public IReadOnlyList<string> Keys => Split(ApiKeys);

    /// <summary>The CORS origins, with comma-separated entries split.</summary>
    public IReadOnlyList<string> Origins => Split(CorsOrigins);

    /// <summary>
    /// The options of <paramref name="section"/>. The binder skips a list given as one value (<c>--Gateway:ApiKeys=k</c>,
    /// <c>Gateway__ApiKeys=k1,k2</c>), which would leave a gateway meant to be keyed open; such a value is read here.
    /// </summary>
    public static GatewayOptions From(IConfigurationSection section)
    {
        ArgumentNullException.ThrowIfNull(section);
        var options = section.Get<GatewayOptions>() ?? new GatewayOptions();
        options.AddScalarLists(section);
        return options;
    }

    /// <summary>Adds <c>ApiKeys</c> and <c>CorsOrigins</c> given as one value to the lists the binder filled.</summary>
    public void AddScalarLists(IConfigurationSection section)
    {
        ArgumentNullException.ThrowIfNull(section);
        if (section[nameof(ApiKeys)] is { Length: > 0 } keys && !ApiKeys.Contains(keys))
        {
            ApiKeys.Add(keys);
        }

        if (section[nameof(CorsOrigins)] is { Length: > 0 } origins && !CorsOrigins.Contains(origins))
        {
            CorsOrigins.Add(origins);
        }
    }

    private static string[] Split(List<string> values) => values
        .SelectMany(k => k.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        .ToArray();
}
