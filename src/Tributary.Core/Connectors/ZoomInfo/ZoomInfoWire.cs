using System.Text.Json;
using System.Text.Json.Serialization;
using Tributary.Connectors.LenientJson;

namespace Tributary.Connectors.ZoomInfo;

// ZoomInfo Enterprise API bodies. Responses are read leniently: the legacy shape
// ({"success","data":{"result":[{"input","data":[…],"matchStatus"}]}}) and the GTM shape
// ({"data":[{"type","attributes","meta":{"matchStatus"}}]}) both map to the same records.

internal sealed record ZoomInfoAuthenticateRequest(string Username, string Password);

internal sealed record ZoomInfoAuthenticateResponse(bool? Success, string? Jwt);

internal sealed record ZoomInfoContactRequest(IReadOnlyList<IReadOnlyDictionary<string, string>> MatchPersonInput, IReadOnlyList<string> OutputFields);

internal sealed record ZoomInfoCompanyRequest(IReadOnlyList<IReadOnlyDictionary<string, string>> MatchCompanyInput, IReadOnlyList<string> OutputFields);

internal sealed record ZoomInfoContact(
    JsonElement? Id,
    string? FirstName,
    string? LastName,
    string? Email,
    string? Phone,
    string? MobilePhone,
    string? JobTitle,
    JsonElement? ManagementLevel,
    IReadOnlyList<ZoomInfoJobFunction>? JobFunction,
    string? City,
    string? State,
    string? Country,
    JsonElement? ContactAccuracyScore,
    IReadOnlyList<ZoomInfoUrl>? ExternalUrls,
    ZoomInfoCompany? Company);

internal sealed record ZoomInfoJobFunction(string? Name, string? Department);

internal sealed record ZoomInfoUrl(string? Type, string? Url);

internal sealed record ZoomInfoCompany(
    JsonElement? Id,
    string? Name,
    string? Website,
    IReadOnlyList<string>? DomainList,
    JsonElement? EmployeeCount,
    string? RevenueRange,
    JsonElement? Revenue,
    IReadOnlyList<string>? PrimaryIndustry,
    JsonElement? Industries,
    string? Phone,
    string? City,
    string? Country,
    IReadOnlyList<ZoomInfoUrl>? SocialMediaUrls,
    JsonElement? FoundedYear);

internal sealed record ZoomInfoErrorBody(ZoomInfoError? Error);

internal sealed record ZoomInfoError(string? Code, string? Message, int? Status);

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    NumberHandling = JsonNumberHandling.AllowReadingFromString,
    PropertyNameCaseInsensitive = true,
    Converters = [
        typeof(LenientStringConverter), typeof(LenientStringListConverter), typeof(LenientInt64Converter),
        typeof(LenientInt32Converter), typeof(LenientDoubleConverter), typeof(LenientBooleanConverter)])]
[JsonSerializable(typeof(ZoomInfoAuthenticateRequest))]
[JsonSerializable(typeof(ZoomInfoAuthenticateResponse))]
[JsonSerializable(typeof(ZoomInfoContactRequest))]
[JsonSerializable(typeof(ZoomInfoCompanyRequest))]
[JsonSerializable(typeof(ZoomInfoContact))]
[JsonSerializable(typeof(ZoomInfoCompany))]
[JsonSerializable(typeof(long))]
[JsonSerializable(typeof(string))]
internal sealed partial class ZoomInfoJsonContext : JsonSerializerContext;
