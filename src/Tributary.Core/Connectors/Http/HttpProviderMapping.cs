using System.Globalization;
using System.Text.Json;
using Tributary.Profiles;

namespace Tributary.Connectors.Http;

/// <summary>
/// A configured field mapping, parsed once: JSON values → profile fields. Well-known fields get their kind and the
/// same normalisation the built-in connectors apply (E.164 phones, country codes, canonical LinkedIn URLs), so
/// first-party values merge with providers' values; custom fields keep the JSON value's own shape.
/// </summary>
internal sealed class HttpProviderMapping
{
    private readonly (string Field, JsonPath Path)[] _fields;

    private HttpProviderMapping((string Field, JsonPath Path)[] fields) => _fields = fields;

    /// <summary>Parses every path; <paramref name="error"/> names the first field whose path cannot be parsed.</summary>
    public static bool TryCreate(IReadOnlyDictionary<string, string> mapping, out HttpProviderMapping parsed, out string? error)
    {
        parsed = null!;
        var fields = new List<(string, JsonPath)>(mapping.Count);
        foreach (var (field, text) in mapping)
        {
            if (string.IsNullOrWhiteSpace(field) || !JsonPath.TryParse(text, out var path))
            {
                error = $"Mapping:{field} is not a JSON path like data.customer.tier or emails[0].address";
                return false;
            }

            fields.Add((field.Trim(), path));
        }

        if (fields.Count == 0)
        {
            error = "Mapping needs at least one field";
            return false;
        }

        error = null;
        parsed = new HttpProviderMapping([.. fields]);
        return true;
    }

    public void Map(JsonElement root, ProfileBuilder profile)
    {
        foreach (var (name, path) in _fields)
        {
            if (!path.TryEvaluate(root, out var value))
            {
                continue;
            }

            if (ProfileFields.TryGet(name, out var field))
            {
                SetKnown(profile, field, value);
            }
            else
            {
                SetCustom(profile, name, value);
            }
        }
    }

    private static void SetKnown(ProfileBuilder profile, FieldDefinition field, JsonElement value)
    {
        switch (field.Kind)
        {
            case FieldKind.Number:
                profile.Set(field, Number(value));
                break;
            case FieldKind.List:
                profile.Set(field, value.ValueKind == JsonValueKind.Array ? value.EnumerateArray().Select(Text) : [Text(value)]);
                break;
            default:
                profile.Set(field, Normalize(field, Text(value)));
                break;
        }
    }

    private static string? Normalize(FieldDefinition field, string? text) => field.Name switch
    {
        "phone" or "companyPhone" => PhoneFormat.ToE164(text),
        "country" or "companyCountry" => Countries.ToCode(text),
        "linkedinUrl" or "companyLinkedinUrl" => ProviderValues.LinkedIn(text) ?? text,
        "companyDomain" => ProviderValues.Domain(text),
        "seniority" => Seniority.Normalize(text),
        "department" => Departments.Normalize(text),
        "revenueRange" => RevenueRanges.Normalize(text),
        _ => text,
    };

    /// <summary>Whole numbers stay numbers, lists stay lists; anything else is text ("1234.50" keeps its cents).</summary>
    private static void SetCustom(ProfileBuilder profile, string name, JsonElement value)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Number when value.TryGetInt64(out var whole):
                profile.Set(ProfileFields.Custom(name, FieldKind.Number), whole);
                break;
            case JsonValueKind.Array:
                profile.Set(ProfileFields.Custom(name, FieldKind.List), value.EnumerateArray().Select(Text));
                break;
            default:
                profile.Set(ProfileFields.Custom(name), Text(value));
                break;
        }
    }

    /// <summary>A scalar as text; objects and arrays have no single text and read as absent.</summary>
    private static string? Text(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString(),
        JsonValueKind.Number => value.GetRawText(),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        _ => null,
    };

    private static long? Number(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Number => value.TryGetInt64(out var whole) ? whole : (long)Math.Round(value.GetDouble()),
        JsonValueKind.String when double.TryParse(value.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) => (long)Math.Round(parsed),
        _ => null,
    };
}
