using System.Text.Json.Serialization;
using Tributary.Connectors.LenientJson;

namespace Tributary.Connectors.PeopleDataLabs;

// People Data Labs v5 bodies, only the members Tributary reads. Keys are snake_case and values lower-cased.
// Plan-gated contact fields may be booleans ("we have it, upgrade to see it"): the lenient converters read those,
// and any other value of an unexpected type, as absent.

/// <summary>A person enrich answer, and one entry of a bulk answer (which also echoes the request's metadata).</summary>
internal sealed record PdlPersonResponse(int? Status, double? Likelihood, PdlPerson? Data, PdlError? Error, PdlMetadata? Metadata);

internal sealed record PdlPerson(
    string? FullName,
    string? FirstName,
    string? LastName,
    string? LinkedinUrl,
    string? WorkEmail,
    string? MobilePhone,
    IReadOnlyList<string>? PhoneNumbers,
    string? JobTitle,
    string? JobTitleRole,
    IReadOnlyList<string>? JobTitleLevels,
    string? JobCompanyName,
    string? JobCompanyWebsite,
    string? JobCompanyIndustry,
    int? JobCompanyFounded,
    string? JobCompanyLinkedinUrl,
    string? JobCompanyLocationLocality,
    string? JobCompanyLocationCountry,
    string? Industry,
    string? LocationLocality,
    string? LocationRegion,
    string? LocationCountry);

/// <summary>A company enrich answer: the record's fields sit beside <c>status</c> and <c>likelihood</c>.</summary>
internal sealed record PdlCompanyResponse(
    int? Status,
    double? Likelihood,
    string? Name,
    string? DisplayName,
    string? Website,
    string? Industry,
    long? EmployeeCount,
    int? Founded,
    string? LinkedinUrl,
    PdlLocation? Location,
    string? InferredRevenue,
    PdlError? Error);

internal sealed record PdlLocation(string? Locality, string? Region, string? Country);

internal sealed record PdlError(string? Type, string? Message);

/// <summary>What Tributary puts in a bulk request's metadata: the position of the query, echoed back per answer.</summary>
internal sealed record PdlMetadata(int? Index);

internal sealed record PdlBulkRequest(IReadOnlyList<PdlBulkItem> Requests);

internal sealed record PdlBulkItem(PdlMetadata Metadata, IReadOnlyDictionary<string, string> Params);

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    NumberHandling = JsonNumberHandling.AllowReadingFromString,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    Converters = [
        typeof(LenientStringConverter), typeof(LenientStringListConverter), typeof(LenientInt64Converter),
        typeof(LenientInt32Converter), typeof(LenientDoubleConverter), typeof(LenientBooleanConverter)])]
[JsonSerializable(typeof(PdlPersonResponse))]
[JsonSerializable(typeof(IReadOnlyList<PdlPersonResponse>))]
[JsonSerializable(typeof(PdlCompanyResponse))]
[JsonSerializable(typeof(PdlBulkRequest))]
internal sealed partial class PeopleDataLabsJsonContext : JsonSerializerContext;
