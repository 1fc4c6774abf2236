using System.Text.Json.Serialization;

namespace Tributary.Host.Flat;

/// <summary>The body of <c>/v1/enrich</c> and <c>/v1/person/enrich</c>, and one record of a bulk job. Every member is optional; at least one identifier is required.</summary>
internal sealed record EnrichRequestBody
{
    public string? Email { get; init; }
    public string? Phone { get; init; }

    /// <summary>Another name for <c>phone</c>, as contact-center flows and seed data call it; send one or the other.</summary>
    public string? PhoneNumber { get; init; }

    public string? Domain { get; init; }
    public string? Name { get; init; }
    public string? FirstName { get; init; }
    public string? LastName { get; init; }
    public string? Company { get; init; }

    [JsonPropertyName("linkedinUrl")]
    public string? LinkedInUrl { get; init; }

    /// <summary><c>parallel</c> (default) or <c>waterfall</c>.</summary>
    public string? Mode { get; init; }

    /// <summary>Provider subset in order of precedence: a JSON array or a comma-separated string.</summary>
    [JsonConverter(typeof(StringListJsonConverter))]
    public IReadOnlyList<string>? Providers { get; init; }

    /// <summary>Total budget in milliseconds (default 800).</summary>
    public int? TimeoutMs { get; init; }
}
