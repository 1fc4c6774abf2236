using Tributary.Identifiers;
using Tributary.Privacy;
using Tributary.Storage;

namespace Tributary.Host.Pipeline;

/// <summary>Checks one staging item and turns it into a staged record; the same rules for the HTTP endpoint and the CLI.</summary>
internal sealed class StagingInput(CrmSystems crms, IdentifierNormalizer normalizer, IdentifierHasher hasher)
{
    /// <summary>Most records one request or file line batch stages.</summary>
    public const int MaxRecords = 10_000;

    private const int MaxIdLength = 128;
    private const int MaxValueLength = 512;

    /// <summary>The staged record, or why the item cannot be staged (a sentence without the item's values).</summary>
    public (StagedRecord? Record, string? Error) ToRecord(StagingRequestItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        var source = item.Source?.Trim().ToLowerInvariant();
        if (string.IsNullOrEmpty(source))
        {
            return (null, "source is required: hubspot, salesforce or none");
        }

        if (!crms.Accepts(source))
        {
            return (null, $"source '{Truncate(source)}' is not a configured CRM (configured: {string.Join(", ", crms.All.Select(c => c.Name).Append(CrmSystems.NoSource))})");
        }

        if (new[] { item.Email, item.Phone, item.FirstName, item.LastName, item.Company, item.Domain, item.ObjectType }.Any(v => v?.Length > MaxValueLength))
        {
            return (null, $"a value is longer than {MaxValueLength} characters");
        }

        var payload = new StagedPayload
        {
            ObjectType = Blank(item.ObjectType),
            Email = Normalized(Blank(item.Email), IdentifierNormalizer.NormalizeEmail),
            Phone = Normalized(Blank(item.Phone), normalizer.NormalizePhone),
            FirstName = Blank(item.FirstName),
            LastName = Blank(item.LastName),
            Company = Blank(item.Company),
            Domain = Blank(item.Domain),
        };
        if (source != CrmSystems.NoSource)
        {
            return ValidId(item.CrmId) is { } crmId
                ? (new StagedRecord(source, crmId, new StagedPayload { ObjectType = payload.ObjectType }.ToJson()), null)
                : (null, $"crmId is required for source '{source}' (at most {MaxIdLength} letters, digits, '-', '_' or '.')");
        }

        // Nothing else would tell the caller: with no CRM record to mark, a record that cannot be looked up is refused here.
        if (!Parses(payload.Email, IdentifierNormalizer.NormalizeEmail) && !Parses(payload.Phone, normalizer.NormalizePhone)
            && payload.Domain is null && (payload.Company is null || payload.LastName is null))
        {
            return (null, "a record with source 'none' needs a valid email or phone, a domain, or a name and company");
        }

        if (item.Id is not null && ValidId(item.Id) is null)
        {
            return (null, $"id must be at most {MaxIdLength} letters, digits, '-', '_' or '.'");
        }

        var id = ValidId(item.Id) ?? hasher.Hash(string.Join('|', payload.Email, payload.Phone, payload.Domain, payload.FirstName, payload.LastName, payload.Company));
        return (new StagedRecord(CrmSystems.NoSource, id, payload.ToJson()), null);
    }

    private static string? ValidId(string? id)
    {
        var trimmed = id?.Trim();
        return string.IsNullOrEmpty(trimmed) || trimmed.Length > MaxIdLength || !trimmed.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.')
            ? null
            : trimmed;
    }

    /// <summary>
    /// An email or phone in the form every lookup uses (lower-cased; E.164), so the row is found by erasure and keyed
    /// alike however it was typed. A value that does not parse is kept as given, for the worker to answer as before.
    /// </summary>
    private static string? Normalized(string? value, Func<string, string> normalize)
    {
        if (value is null)
        {
            return null;
        }

        try
        {
            return normalize(value);
        }
        catch (InvalidIdentifierException)
        {
            return value;
        }
    }

    private static bool Parses(string? value, Func<string, string> normalize)
    {
        try
        {
            return value is not null && normalize(value) is not null;
        }
        catch (InvalidIdentifierException)
        {
            return false;
        }
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static string Truncate(string value) => value.Length <= 32 ? value : value[..32] + "…";
}
