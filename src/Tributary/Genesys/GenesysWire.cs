using System.Text.Json;
using System.Text.Json.Serialization;
using Tributary.Connectors.LenientJson;

namespace Tributary.Host.Genesys;

/// <summary>The answer of <c>POST /oauth/token</c> (client credentials). <c>expires_in</c> is in seconds.</summary>
internal sealed record GenesysTokenResponse(
    [property: JsonPropertyName("access_token")] string? AccessToken,
    [property: JsonPropertyName("token_type")] string? TokenType,
    [property: JsonPropertyName("expires_in")] long? ExpiresIn);

/// <summary>Genesys's error body (ErrorBody); only <c>code</c> and <c>status</c> are read, as the message may carry data.</summary>
internal sealed record GenesysErrorBody(string? Code, int? Status);

/// <summary>A phone number of an external contact (PhoneNumber).</summary>
internal sealed record GenesysPhoneNumber
{
    public string? Display { get; init; }

    public string? E164 { get; init; }

    public string? CountryCode { get; init; }

    public string? Extension { get; init; }

    [JsonPropertyName("acceptsSMS")]
    public bool? AcceptsSms { get; init; }
}

/// <summary>
/// An External Contact, as search answers it and as create and update send it. Every member optional; members
/// Tributary does not model (address, identifiers, externalOrganization …) are kept as they came so an update
/// sends them back unchanged (a PUT replaces the whole contact).
/// </summary>
internal sealed record GenesysExternalContact
{
    public string? Id { get; init; }

    public string? FirstName { get; init; }

    public string? MiddleName { get; init; }

    public string? LastName { get; init; }

    public string? Salutation { get; init; }

    public string? Title { get; init; }

    public GenesysPhoneNumber? WorkPhone { get; init; }

    public GenesysPhoneNumber? CellPhone { get; init; }

    public GenesysPhoneNumber? HomePhone { get; init; }

    public GenesysPhoneNumber? OtherPhone { get; init; }

    public string? WorkEmail { get; init; }

    public string? PersonalEmail { get; init; }

    public string? OtherEmail { get; init; }

    public string? ExternalSystemUrl { get; init; }

    /// <summary><c>Ephemeral</c>, <c>Identified</c> or <c>Curated</c>.</summary>
    public string? Type { get; init; }

    public Dictionary<string, JsonElement>? CustomFields { get; init; }

    public string? CreateDate { get; init; }

    public string? ModifyDate { get; init; }

    public string? SelfUri { get; init; }

    /// <summary>Members not modelled above. Settable, not init-only: the generated reader fills extension data after construction.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Other { get; set; }
}

/// <summary>The answer of <c>GET /api/v2/externalcontacts/contacts</c> (ContactListing).</summary>
internal sealed record GenesysContactListing(
    IReadOnlyList<GenesysExternalContact>? Entities,
    int? PageSize,
    int? PageNumber,
    long? Total,
    string? NextUri);

/// <summary>
/// Liberal in what Genesys answers (names in any case, numbers as strings and text as numbers, flags as text, a member
/// of an unexpected shape read as absent, unknown members ignored), exact in what is sent (camelCase, nulls left out).
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    PropertyNameCaseInsensitive = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    NumberHandling = JsonNumberHandling.AllowReadingFromString,
    Converters = [typeof(LenientStringConverter), typeof(LenientBooleanConverter), typeof(LenientInt32Converter), typeof(LenientInt64Converter)])]
[JsonSerializable(typeof(GenesysTokenResponse))]
[JsonSerializable(typeof(GenesysErrorBody))]
[JsonSerializable(typeof(GenesysExternalContact))]
[JsonSerializable(typeof(GenesysContactListing))]
internal sealed partial class GenesysJsonContext : JsonSerializerContext;
