using Microsoft.Extensions.Options;

namespace Tributary.Identifiers;

/// <summary>
/// Turns identifiers as a caller typed them into the single form used for matching, cache keys and provider
/// calls. Each identifier kind has its own file (<c>IdentifierNormalizer.Email.cs</c>, …); this one composes
/// them and derives what the caller left out.
/// </summary>
internal sealed partial class IdentifierNormalizer
{
    private readonly string _defaultRegion;

    public IdentifierNormalizer(IOptions<IdentifierOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _defaultRegion = options.Value.DefaultRegion.Trim().ToUpperInvariant();
    }

    /// <summary>
    /// Normalises every identifier in <paramref name="raw"/>; blank fields count as absent. The domain is taken
    /// from the email when none is given and the mailbox is not free-mail or disposable; missing name parts are
    /// derived from the others. When nothing usable was given the result is <see cref="IdentifierSet.IsEmpty"/>
    /// and the caller reports it.
    /// </summary>
    /// <exception cref="InvalidIdentifierException">A field that is present cannot be normalised.</exception>
    public IdentifierSet Normalize(RawIdentifiers raw)
    {
        ArgumentNullException.ThrowIfNull(raw);

        var email = string.IsNullOrWhiteSpace(raw.Email) ? null : NormalizeEmail(raw.Email);
        var name = PersonName.From(raw.Name, raw.FirstName, raw.LastName);

        return new IdentifierSet
        {
            Email = email,
            Phone = string.IsNullOrWhiteSpace(raw.Phone) ? null : NormalizePhone(raw.Phone),
            Domain = string.IsNullOrWhiteSpace(raw.Domain) ? CompanyDomainOf(email) : NormalizeDomain(raw.Domain),
            LinkedInUrl = string.IsNullOrWhiteSpace(raw.LinkedInUrl) ? null : NormalizeLinkedIn(raw.LinkedInUrl),
            FirstName = name.First,
            LastName = name.Last,
            FullName = name.Full,
            Company = FreeText.Normalize(raw.Company, IdentifierField.Company),
        };
    }
}
