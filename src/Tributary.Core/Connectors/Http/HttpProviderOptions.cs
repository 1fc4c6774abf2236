using System.ComponentModel.DataAnnotations;
using Tributary.Providers;

namespace Tributary.Connectors.Http;

/// <summary>
/// One instance of the generic REST provider, bound from <c>Providers:Http:&lt;Instance&gt;</c>: typically a
/// company's own CRM or customer API, answering <c>GET {BaseUrl}{PathTemplate}</c> with JSON.
/// </summary>
public sealed class HttpProviderOptions : ProviderOptions
{
    /// <summary>
    /// Path and query under <see cref="ProviderOptions.BaseUrl"/>, with placeholders for the identifiers to look up:
    /// <c>{email}</c>, <c>{phone}</c>, <c>{domain}</c>, <c>{linkedin}</c>, <c>{name}</c>, <c>{company}</c>
    /// (e.g. <c>/customers/{email}</c>, <c>/lookup?phone={phone}</c>). Each value is percent-encoded as one path segment
    /// or query value; a value that could still change the path (a whole <c>..</c>, a <c>/</c>, control characters, also once or twice percent-decoded)
    /// is not sent, and the provider answers <c>invalid_input</c>. <c>{linkedin}</c> goes in the query only. A query that
    /// lacks one of the template's identifiers is not sent to this provider.
    /// </summary>
    public string? PathTemplate { get; set; }

    public HttpProviderAuthOptions Auth { get; set; } = new();

    /// <summary>
    /// Profile field → JSON path into the answer: a well-known field (<c>jobTitle</c>, <c>companyName</c>…) or any
    /// custom name (<c>loyaltyTier</c>); paths are dotted with array indexes (<c>data.customer.tier</c>,
    /// <c>emails[0].address</c>).
    /// </summary>
    public Dictionary<string, string> Mapping { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// A JSON path that must be present and non-null for the answer to count as a match (e.g. <c>data.customer.id</c>).
    /// Default none: an answer matches when any mapped field has a value.
    /// </summary>
    public string? MatchPath { get; set; }

    /// <summary>Confidence of every value this provider returns. Default 1.0: it is first-party data.</summary>
    [Range(0.0, 1.0)]
    public double Confidence { get; set; } = 1.0;

    /// <summary>HTTP statuses that mean "no such subject". Default [404].</summary>
    public List<int>? NoMatchStatuses { get; set; }

    internal IReadOnlyList<int> NoMatchStatusCodes => NoMatchStatuses is { Count: > 0 } statuses ? statuses : [404];

    /// <summary>Where the instance is configured, for messages that name the setting.</summary>
    internal string SectionPath { get; set; } = HttpProviderRegistration.SectionName;

    public override bool HasCredentials => !string.IsNullOrWhiteSpace(BaseUrl) && !string.IsNullOrWhiteSpace(PathTemplate);
}
