using System.Diagnostics.CodeAnalysis;
using Tributary.Enrichment;
using Tributary.Host.Contracts;
using Tributary.Identifiers;

namespace Tributary.Host.Gateway;

/// <summary>Turns a request body into an engine request, or names the field that is wrong.</summary>
internal static class EnrichRequestValidation
{
    public const int MinTimeoutMs = 10;
    public const int MaxTimeoutMs = 60_000;

    public static bool TryBuild(
        EnrichRequestBody body,
        LookupKind kind,
        IdentifierNormalizer normalizer,
        [NotNullWhen(true)] out EnrichmentRequest? request,
        [NotNullWhen(false)] out string? field,
        [NotNullWhen(false)] out string? detail)
    {
        request = null;
        field = null;
        detail = null;
        EnrichmentMode? mode = null;
        if (!string.IsNullOrWhiteSpace(body.Mode))
        {
            if (!Enum.TryParse<EnrichmentMode>(body.Mode.Trim(), ignoreCase: true, out var parsed) || !Enum.IsDefined(parsed))
            {
                (field, detail) = ("mode", "mode must be 'parallel' or 'waterfall'.");
                return false;
            }

            mode = parsed;
        }

        if (body.TimeoutMs is { } timeout && timeout is < MinTimeoutMs or > MaxTimeoutMs)
        {
            (field, detail) = ("timeoutMs", $"timeoutMs must be between {MinTimeoutMs} and {MaxTimeoutMs}.");
            return false;
        }

        IdentifierSet identifiers;
        try
        {
            identifiers = normalizer.Normalize(new RawIdentifiers(
                body.Email, body.Phone, body.Domain, body.Name, body.Company, body.LinkedInUrl, body.FirstName, body.LastName));
        }
        catch (InvalidIdentifierException ex)
        {
            (field, detail) = (ex.Field, ex.Message);
            return false;
        }

        if (kind == LookupKind.Company ? identifiers.Domain is null : identifiers.IsEmpty)
        {
            (field, detail) = kind == LookupKind.Company
                ? ("domain", "A company lookup needs a domain.")
                : ("email", "No identifier: send at least one of email, phone, domain, linkedinUrl, or name with company.");
            return false;
        }

        // A domain alone names a company, not a person: look the company up rather than skip every person API.
        if (kind == LookupKind.Person && identifiers is { Email: null, Phone: null, LinkedInUrl: null, HasNameAndCompany: false })
        {
            kind = LookupKind.Company;
        }

        request = new EnrichmentRequest(identifiers, kind)
        {
            Mode = mode,
            Providers = body.Providers,
            Timeout = body.TimeoutMs is { } ms ? TimeSpan.FromMilliseconds(ms) : null,
        };
        return true;
    }
}
