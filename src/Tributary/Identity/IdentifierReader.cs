using Tributary.Identifiers;

namespace Tributary.Host.Identity;

/// <summary>
/// Normalises identifiers named by a request field (<c>email</c>, <c>traits.phone</c>, …): email and phone by the
/// enrichment rules, so the graph and the providers agree on one form; system ids trimmed and bounded.
/// </summary>
internal sealed class IdentifierReader(IdentifierNormalizer normalizer)
{
    /// <summary>The longest CRM or CDP id accepted; longer is pasted junk.</summary>
    public const int MaxIdLength = 256;

    /// <summary>The identifier, or null when the text is blank.</summary>
    /// <exception cref="InvalidIdentifierException">The text cannot be normalised; <see cref="InvalidIdentifierException.Field"/> is <paramref name="field"/>.</exception>
    public Identifier? Read(string type, string? text, string field)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        try
        {
            var value = type switch
            {
                IdentifierTypes.Email => IdentifierNormalizer.NormalizeEmail(text),
                IdentifierTypes.Phone => normalizer.NormalizePhone(text),
                _ => NormalizeId(text, field),
            };
            return new Identifier(type, value);
        }
        catch (InvalidIdentifierException ex) when (ex.Field != field)
        {
            throw new InvalidIdentifierException(field, ex.Message);
        }
    }

    /// <summary>Name and company as free text (whitespace collapsed), or null when either is missing.</summary>
    public static (string Name, string Company)? NameAndCompany(string? name, string? company, string nameField, string companyField)
    {
        var cleanName = FreeText.Normalize(name, nameField);
        var cleanCompany = FreeText.Normalize(company, companyField);
        return cleanName is null || cleanCompany is null ? null : (cleanName, cleanCompany);
    }

    private static string NormalizeId(string text, string field)
    {
        var trimmed = text.Trim();
        if (trimmed.Length > MaxIdLength)
        {
            throw new InvalidIdentifierException(field, $"The {field} is longer than {MaxIdLength} characters.");
        }

        if (trimmed.Any(char.IsControl))
        {
            throw new InvalidIdentifierException(field, $"The {field} contains control characters.");
        }

        return trimmed;
    }
}
