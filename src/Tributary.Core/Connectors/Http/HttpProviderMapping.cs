using System.Text.Json;
using Tributary.Connectors.LenientJson;
using Tributary.Privacy;
using Tributary.Profiles;

namespace Tributary.Connectors.Http;

/// <summary>
/// A configured field mapping, parsed once: JSON values → profile fields. Well-known fields get their kind and the
/// same normalisation the built-in connectors apply (E.164 phones, country codes, canonical LinkedIn URLs), so
/// first-party values merge with providers' values; custom fields keep the JSON value's own shape. A CRM may hold what
/// must not leave the gateway: every text value is masked as it is read (SSNs, Luhn-valid card numbers,
/// <c>Privacy:MaskedFields</c>), so the ledger, the caches and every answer only ever hold the masked value.
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

    public void Map(JsonElement root, ProfileBuilder profile, SensitiveValueMasker masker)
    {
        foreach (var (name, path) in _fields)
        {
            if (!path.TryEvaluate(root, out var value))
            {
                continue;
            }

            if (ProfileFields.TryGet(name, out var field))
            {
                SetKnown(profile, field, value, masker);
            }
            else
            {
                SetCustom(profile, name, value, masker);
            }
        }
    }

    private static void SetKnown(ProfileBuilder profile, FieldDefinition field, JsonElement value, SensitiveValueMasker masker)
    {
        switch (field.Kind)
        {
            case FieldKind.Number:
                profile.Set(field, Number(value));
                break;
            case FieldKind.List:
                profile.Set(field, (value.ValueKind == JsonValueKind.Array ? value.EnumerateArray().Select(Text) : [Text(value)]).Select(t => Masked(masker, field.Name, t)));
                break;
            default:
                profile.Set(field, Masked(masker, field.Name, Normalize(field, Text(value))));
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
    private static void SetCustom(ProfileBuilder profile, string name, JsonElement value, SensitiveValueMasker masker)
    {
        switch (value.ValueKind)
        {
            // A whole number that reads as a card number or SSN (or a masked field) is kept as its masked text; a 0 is kept
            // as text too, since a number 0 means "unknown" in a profile, and a CRM's 0 (open cases, say) is a value.
            case JsonValueKind.Number when value.TryGetInt64(out var whole) && whole != 0 && !MaskChanges(masker, name, value.GetRawText()):
                profile.Set(ProfileFields.Custom(name, FieldKind.Number), whole);
                break;
            case JsonValueKind.Array:
                profile.Set(ProfileFields.Custom(name, FieldKind.List), value.EnumerateArray().Select(v => Masked(masker, name, Text(v))));
                break;
            default:
                profile.Set(ProfileFields.Custom(name), Masked(masker, name, Text(value)));
                break;
        }
    }

    private static string? Masked(SensitiveValueMasker masker, string field, string? text) => text is null ? null : masker.Mask(field, text);

    /// <summary>Whether masking changes the text (the masker returns the same instance when it finds nothing).</summary>
    private static bool MaskChanges(SensitiveValueMasker masker, string field, string text) => !ReferenceEquals(masker.Mask(field, text), text);

    /// <summary>A scalar as text; objects and arrays have no single text and read as absent.</summary>
    private static string? Text(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString(),
        JsonValueKind.Number => value.GetRawText(),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        _ => null,
    };

    private static long? Number(JsonElement value) => LenientNumber.Whole(value);
}
