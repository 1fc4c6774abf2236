using System.Text.Json.Serialization;
using Tributary.Connectors.LenientJson;

namespace Tributary.Connectors.Apollo;

// Apollo REST v1 bodies, only the members Tributary reads. Keys are snake_case; a miss is a 200 with a null record.
// A member of an unexpected type is read leniently, or as absent, never failing the record.

internal sealed record ApolloPersonResponse(ApolloPerson? Person);

internal sealed record ApolloOrganizationResponse(ApolloOrganization? Organization);

/// <summary>bulk_match: <c>matches</c> is documented in the order of the request's <c>details</c>, null where nobody matched.</summary>
internal sealed record ApolloBulkMatchResponse(string? Status, string? ErrorCode, IReadOnlyList<ApolloPerson?>? Matches);

internal sealed record ApolloBulkMatchRequest(IReadOnlyList<IReadOnlyDictionary<string, string>> Details);

internal sealed record ApolloPerson(
    string? Id,
    string? FirstName,
    string? LastName,
    string? Name,
    string? LinkedinUrl,
    string? Title,
    string? EmailStatus,
    double? ExtrapolatedEmailConfidence,
    string? Email,
    string? City,
    string? State,
    string? Country,
    ApolloOrganization? Organization,
    IReadOnlyList<string>? Departments,
    string? Seniority);

internal sealed record ApolloOrganization(
    string? Id,
    string? Name,
    string? WebsiteUrl,
    string? LinkedinUrl,
    string? PrimaryDomain,
    string? Industry,
    IReadOnlyList<string>? Keywords,
    long? EstimatedNumEmployees,
    double? AnnualRevenue,
    IReadOnlyList<string>? TechnologyNames,
    IReadOnlyList<ApolloTechnology>? CurrentTechnologies,
    string? Phone,
    ApolloPhone? PrimaryPhone,
    string? City,
    string? Country,
    int? FoundedYear);

internal sealed record ApolloTechnology(string? Uid, string? Name, string? Category);

internal sealed record ApolloPhone(string? Number, string? SanitizedNumber);

/// <summary>Error bodies differ by endpoint: <c>{"error","error_code"}</c>, bulk <c>{"status","error_code","error_message"}</c>, 429 <c>{"message"}</c>.</summary>
internal sealed record ApolloErrorBody(string? Error, string? ErrorCode, string? Message);

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    NumberHandling = JsonNumberHandling.AllowReadingFromString,
    Converters = [
        typeof(LenientStringConverter), typeof(LenientStringListConverter), typeof(LenientInt64Converter),
        typeof(LenientInt32Converter), typeof(LenientDoubleConverter), typeof(LenientBooleanConverter)])]
[JsonSerializable(typeof(ApolloPersonResponse))]
[JsonSerializable(typeof(ApolloOrganizationResponse))]
[JsonSerializable(typeof(ApolloBulkMatchResponse))]
[JsonSerializable(typeof(ApolloBulkMatchRequest))]
[JsonSerializable(typeof(ApolloErrorBody))]
internal sealed partial class ApolloJsonContext : JsonSerializerContext;
