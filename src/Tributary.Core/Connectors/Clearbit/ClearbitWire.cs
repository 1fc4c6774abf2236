using System.Text.Json;
using System.Text.Json.Serialization;
using Tributary.Connectors.LenientJson;

namespace Tributary.Connectors.Clearbit;

// Clearbit Enrichment v2 bodies, only the members Tributary reads. Unknown members are ignored; a member of an
// unexpected type ("1,000" employees, a number for a name) is read leniently, or as absent, never failing the record.

internal sealed record ClearbitCombined(ClearbitPerson? Person, ClearbitCompany? Company);

internal sealed record ClearbitPerson(
    string? Id,
    ClearbitName? Name,
    string? Email,
    string? Location,
    ClearbitGeo? Geo,
    ClearbitEmployment? Employment,
    ClearbitHandle? Linkedin,
    bool? Fuzzy,
    bool? EmailProvider,
    string? Phone);

internal sealed record ClearbitName(string? FullName, string? GivenName, string? FamilyName);

internal sealed record ClearbitEmployment(string? Domain, string? Name, string? Title, string? Role, string? SubRole, string? Seniority);

internal sealed record ClearbitGeo(string? City, string? State, string? StateCode, string? Country, string? CountryCode);

internal sealed record ClearbitHandle(string? Handle);

internal sealed record ClearbitCompany(
    string? Id,
    string? Name,
    string? Domain,
    ClearbitCategory? Category,
    ClearbitMetrics? Metrics,
    IReadOnlyList<string>? Tech,
    IReadOnlyList<string>? Tags,
    ClearbitGeo? Geo,
    ClearbitHandle? Linkedin,
    string? Phone,
    int? FoundedYear,
    bool? Fuzzy);

internal sealed record ClearbitCategory(string? Sector, string? IndustryGroup, string? Industry, string? SubIndustry);

internal sealed record ClearbitMetrics(long? Employees, string? EmployeesRange, string? EstimatedAnnualRevenue);

internal sealed record ClearbitErrorBody(ClearbitError? Error, string? Message);

internal sealed record ClearbitError(string? Type, string? Message);

/// <summary>A webhook delivery: <c>body</c> is a person, a company or a combined pair as <c>type</c> says, or null.</summary>
internal sealed record ClearbitWebhookDelivery(JsonElement Id, string? Type, JsonElement Body, JsonElement Status);

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    NumberHandling = JsonNumberHandling.AllowReadingFromString,
    PropertyNameCaseInsensitive = true,
    Converters = [
        typeof(LenientStringConverter), typeof(LenientStringListConverter), typeof(LenientInt64Converter),
        typeof(LenientInt32Converter), typeof(LenientDoubleConverter), typeof(LenientBooleanConverter)])]
[JsonSerializable(typeof(ClearbitCombined))]
[JsonSerializable(typeof(ClearbitCompany))]
[JsonSerializable(typeof(ClearbitPerson))]
[JsonSerializable(typeof(ClearbitWebhookDelivery))]
[JsonSerializable(typeof(ClearbitErrorBody))]
internal sealed partial class ClearbitJsonContext : JsonSerializerContext;
