using System.Text.Json.Serialization;
using Tributary.Connectors.LenientJson;

namespace Tributary.Connectors.Hunter;

// Hunter v2 bodies, only the members Tributary reads, each inside the {"data","meta"} envelope. The enrichment
// endpoints (combined, companies) answer in Clearbit's camelCase shape; the email finder in snake_case.

internal sealed record HunterCombinedResponse(HunterCombined? Data);

internal sealed record HunterCombined(HunterPerson? Person, HunterCompany? Company);

internal sealed record HunterCompanyResponse(HunterCompany? Data);

internal sealed record HunterFinderResponse(HunterFinder? Data);

internal sealed record HunterPerson(
    HunterName? Name,
    string? Email,
    HunterGeo? Geo,
    HunterEmployment? Employment,
    HunterHandle? Linkedin,
    string? Phone,
    bool? Fuzzy,
    bool? EmailProvider);

internal sealed record HunterName(string? FullName, string? GivenName, string? FamilyName);

internal sealed record HunterEmployment(string? Domain, string? Name, string? Title, string? Role, string? Seniority);

internal sealed record HunterGeo(string? City, string? State, string? Country, string? CountryCode);

internal sealed record HunterHandle(string? Handle);

internal sealed record HunterCompany(
    string? Name,
    string? Domain,
    HunterCategory? Category,
    HunterMetrics? Metrics,
    IReadOnlyList<string>? Tech,
    HunterGeo? Geo,
    HunterHandle? Linkedin,
    string? Phone,
    int? FoundedYear,
    bool? EmailProvider);

internal sealed record HunterCategory(string? Sector, string? IndustryGroup, string? Industry);

internal sealed record HunterMetrics(long? Employees, string? EstimatedAnnualRevenue);

/// <summary>The email finder's answer; a miss keeps the shape with <c>email</c> and <c>score</c> null.</summary>
internal sealed record HunterFinder(
    [property: JsonPropertyName("first_name")] string? FirstName,
    [property: JsonPropertyName("last_name")] string? LastName,
    string? Email,
    double? Score,
    string? Domain,
    [property: JsonPropertyName("accept_all")] bool? AcceptAll,
    string? Position,
    [property: JsonPropertyName("linkedin_url")] string? LinkedinUrl,
    [property: JsonPropertyName("phone_number")] string? PhoneNumber,
    string? Company,
    HunterVerification? Verification);

internal sealed record HunterVerification(string? Date, string? Status);

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    NumberHandling = JsonNumberHandling.AllowReadingFromString,
    PropertyNameCaseInsensitive = true,
    Converters = [
        typeof(LenientStringConverter), typeof(LenientStringListConverter), typeof(LenientInt64Converter),
        typeof(LenientInt32Converter), typeof(LenientDoubleConverter), typeof(LenientBooleanConverter)])]
[JsonSerializable(typeof(HunterCombinedResponse))]
[JsonSerializable(typeof(HunterCompanyResponse))]
[JsonSerializable(typeof(HunterFinderResponse))]
internal sealed partial class HunterJsonContext : JsonSerializerContext;
