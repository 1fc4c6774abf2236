using Tributary.Host.Crm;
using Tributary.Identifiers;

namespace Tributary.Host.Pipeline;

/// <summary>
/// The identifiers of a CRM record that enrichment can use. CRM fields are free text (<c>n/a</c> in a phone field, a
/// test number): one that does not parse is left out rather than stopping the record, so the email still finds the
/// person. The first one left out is kept as the reason the record goes unmatched when nothing usable remains.
/// </summary>
internal sealed class UsableIdentifiers(IdentifierNormalizer normalizer)
{
    /// <summary>The identity without what does not parse, and why the first left out was (<c>phone: …</c>), or null.</summary>
    public (CrmIdentity Identity, string? Ignored) Of(CrmIdentity read)
    {
        ArgumentNullException.ThrowIfNull(read);
        string? ignored = null;
        var identity = read with
        {
            Email = Parses(read.Email, IdentifierNormalizer.NormalizeEmail, ref ignored),
            Phone = Parses(read.Phone, normalizer.NormalizePhone, ref ignored),
            Domain = Parses(read.Domain, IdentifierNormalizer.NormalizeDomain, ref ignored),
        };
        return (identity, ignored);
    }

    private static string? Parses(string? value, Func<string, string> normalize, ref string? ignored)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return value;
        }

        try
        {
            _ = normalize(value);
            return value;
        }
        catch (InvalidIdentifierException invalid)
        {
            // The message names the field's problem, never its value.
            ignored ??= $"{invalid.Field}: {invalid.Message}";
            return null;
        }
    }
}
