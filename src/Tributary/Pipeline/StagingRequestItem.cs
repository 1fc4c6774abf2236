using System.Text.Json.Serialization;

namespace Tributary.Host.Pipeline;

/// <summary>
/// One record to stage, as <c>POST /v1/staging</c> and <c>tributary stage FILE</c> take it: a CRM record by id
/// (<c>{"source": "hubspot", "crmId": "1001"}</c>), or identifiers to enrich into the tables with no write-back
/// (<c>{"source": "none", "email": "…"}</c>, with an optional <c>id</c> of the caller's own).
/// </summary>
internal sealed record StagingRequestItem
{
    /// <summary>The members a request may send (camelCase, any case); others are ignored.</summary>
    public static readonly IReadOnlySet<string> Members = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "source", "crmId", "id", "objectType", "email", "phone", "firstName", "lastName", "company", "domain",
    };

    public string? Source { get; init; }

    /// <summary>The CRM's record id; a JSON number is taken as its digits (HubSpot ids are numeric).</summary>
    [JsonConverter(typeof(TextOrNumberConverter))]
    public string? CrmId { get; init; }

    /// <summary>The caller's own id of a <c>none</c> record; without it the record is known by a keyed hash of its identifiers.</summary>
    [JsonConverter(typeof(TextOrNumberConverter))]
    public string? Id { get; init; }

    public string? ObjectType { get; init; }
    public string? Email { get; init; }
    public string? Phone { get; init; }
    public string? FirstName { get; init; }
    public string? LastName { get; init; }
    public string? Company { get; init; }
    public string? Domain { get; init; }
}

/// <summary>The answer to a staging request.</summary>
internal sealed record StagingAccepted(int Staged);
