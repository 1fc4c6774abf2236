using System.Text.Json;
using Tributary.Host.Crm;

namespace Tributary.Host.Pipeline;

/// <summary>
/// What a staged record carries besides its id: the CRM object type when the trigger knew it, and for records staged
/// with <c>"source": "none"</c> the identifiers themselves (there is no CRM to read them from).
/// </summary>
internal sealed record StagedPayload
{
    public string? ObjectType { get; init; }
    public string? Email { get; init; }
    public string? Phone { get; init; }
    public string? FirstName { get; init; }
    public string? LastName { get; init; }
    public string? Company { get; init; }
    public string? Domain { get; init; }

    public CrmIdentity Identity => new(Email, Phone, FirstName, LastName, Company, Domain);

    public string ToJson() => JsonSerializer.Serialize(this, PipelineJsonContext.Default.StagedPayload);

    /// <summary>The payload of a staged row; a row that is not this shape (written by hand) reads as empty.</summary>
    public static StagedPayload Read(string json)
    {
        try
        {
            return JsonSerializer.Deserialize(json, PipelineJsonContext.Default.StagedPayload) ?? new StagedPayload();
        }
        catch (JsonException)
        {
            return new StagedPayload();
        }
    }
}
