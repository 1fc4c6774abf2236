using System.Diagnostics.CodeAnalysis;
using Tributary.Enrichment;
using Tributary.Identifiers;

namespace Tributary.Host.Flat;

/// <summary>
/// Turns a request body into an engine request, or names the field that is wrong: the one reading of identifiers,
/// <c>mode</c>, <c>providers</c> and <c>timeoutMs</c> shared by the gateway, bulk jobs, file runs and the CLI.
/// </summary>
internal static class EnrichRequestParser
{
    public const int MinTimeoutMs = 10;
    public const int MaxTimeoutMs = 60_000;

    public const string ModeError = "mode must be 'parallel' or 'waterfall'.";

    /// <summary>Reads <c>parallel</c> or <c>waterfall</c> (any case, trimmed); blank is null (the configured default).</summary>
    public static bool TryParseMode(string? text, out EnrichmentMode? mode)
    {
        var name = text.AsSpan().Trim();
        mode = name.IsEmpty ? null
            : name.Equals("parallel", StringComparison.OrdinalIgnoreCase) ? EnrichmentMode.Parallel
            : name.Equals("waterfall", StringComparison.OrdinalIgnoreCase) ? EnrichmentMode.Waterfall
            : null;
        return name.IsEmpty || mode is not null;
    }

    /// <summary>A real-time request: identifiers, mode, providers and budget all from <paramref name="body"/>.</summary>
    public static bool TryBuild(
        EnrichRequestBody body,
        LookupKind kind,
        IdentifierNormalizer normalizer,
        [NotNullWhen(true)] out EnrichmentRequest? request,
        [NotNullWhen(false)] out string? field,
        [NotNullWhen(false)] out string? detail)
    {
        request = null;
        if (!TryParseMode(body.Mode, out var mode))
        {
            (field, detail) = ("mode", ModeError);
            return false;
        }

        if (body.TimeoutMs is { } timeout && timeout is < MinTimeoutMs or > MaxTimeoutMs)
        {
            (field, detail) = ("timeoutMs", $"timeoutMs must be between {MinTimeoutMs} and {MaxTimeoutMs}.");
            return false;
        }

        if (!TryNormalize(body, kind, normalizer, nameAloneIsARequest: true, out var identifiers, out kind, out field, out detail))
        {
            return false;
        }

        request = new EnrichmentRequest(identifiers, kind)
        {
            Mode = mode,
            Providers = body.Providers,
            Timeout = body.TimeoutMs is { } ms ? TimeSpan.FromMilliseconds(ms) : null,
        };
        return true;
    }

    /// <summary>
    /// A batch request (a file row, a job record): identifiers from <paramref name="body"/>, how to enrich from the run
    /// (<paramref name="mode"/>, <paramref name="providers"/>), no deadline, so rate limits make it wait instead of fail.
    /// </summary>
    public static bool TryBuildBatch(
        EnrichRequestBody body,
        EnrichmentMode? mode,
        IReadOnlyList<string>? providers,
        IdentifierNormalizer normalizer,
        [NotNullWhen(true)] out EnrichmentRequest? request,
        [NotNullWhen(false)] out string? field,
        [NotNullWhen(false)] out string? detail)
    {
        request = null;
        if (!TryNormalize(body, LookupKind.Person, normalizer, nameAloneIsARequest: false, out var identifiers, out var kind, out field, out detail))
        {
            return false;
        }

        request = new EnrichmentRequest(identifiers, kind) { Mode = mode, Providers = providers, IsBatch = true };
        return true;
    }

    // nameAloneIsARequest is true in real time: a name or a company alone is answered (empty, source none, when no
    // provider can use it) rather than refused, so a contact-center flow gets its flat answer. A batch row with only
    // those is rejected as having no identifier, which tells the file's owner more than an unmatched row would.
    private static bool TryNormalize(
        EnrichRequestBody body,
        LookupKind asked,
        IdentifierNormalizer normalizer,
        bool nameAloneIsARequest,
        [NotNullWhen(true)] out IdentifierSet? identifiers,
        out LookupKind kind,
        [NotNullWhen(false)] out string? field,
        [NotNullWhen(false)] out string? detail)
    {
        identifiers = null;
        kind = asked;
        if (!TryChoosePhone(body, normalizer, out var phone, out var phoneField, out field, out detail))
        {
            return false;
        }

        try
        {
            identifiers = normalizer.Normalize(new RawIdentifiers(
                body.Email, phone, body.Domain, body.Name, body.Company, body.LinkedInUrl, body.FirstName, body.LastName));
        }
        catch (InvalidIdentifierException ex)
        {
            // The caller sent the phone as phoneNumber: name the member they sent.
            (field, detail) = (ex.Field == IdentifierField.Phone ? phoneField : ex.Field, ex.Message);
            return false;
        }

        var hasIdentifier = asked == LookupKind.Company
            ? identifiers.Domain is not null
            : !identifiers.IsEmpty || (nameAloneIsARequest && (identifiers.FullName is not null || identifiers.Company is not null));
        if (!hasIdentifier)
        {
            (field, detail) = asked == LookupKind.Company
                ? ("domain", "A company lookup needs a domain.")
                : nameAloneIsARequest
                    ? ("email", "No identifier: send at least one of email, phone, domain, name, company or linkedinUrl.")
                    : ("email", "No identifier: send at least one of email, phone, domain, linkedinUrl, or name with company.");
            return false;
        }

        // A domain or a company's name alone names a company, not a person: look the company up (by its domain, else
        // by its name, where a provider matches on that) rather than skip every person API. With a full name it names
        // the person at that company, which Apollo, Hunter and People Data Labs match on.
        if (asked == LookupKind.Person && identifiers is { Email: null, Phone: null, LinkedInUrl: null, FullName: null }
            && (identifiers.Domain is not null || identifiers.Company is not null))
        {
            kind = LookupKind.Company;
        }

        (field, detail) = (null, null);
        return true;
    }

    /// <summary>
    /// <c>phone</c> or its alias <c>phoneNumber</c>. Both may be sent when they name the same number (in any format);
    /// two different numbers are refused rather than one silently chosen.
    /// </summary>
    private static bool TryChoosePhone(
        EnrichRequestBody body,
        IdentifierNormalizer normalizer,
        out string? phone,
        out string phoneField,
        [NotNullWhen(false)] out string? field,
        [NotNullWhen(false)] out string? detail)
    {
        (field, detail) = (null, null);
        var hasPhone = !string.IsNullOrWhiteSpace(body.Phone);
        var hasAlias = !string.IsNullOrWhiteSpace(body.PhoneNumber);
        (phone, phoneField) = hasPhone || !hasAlias ? (body.Phone, IdentifierField.Phone) : (body.PhoneNumber, "phoneNumber");
        if (!hasPhone || !hasAlias || body.Phone!.Trim() == body.PhoneNumber!.Trim())
        {
            return true;
        }

        if (!SamePhone(normalizer, body.Phone, body.PhoneNumber))
        {
            (field, detail) = ("phoneNumber", "phone and phoneNumber are two names for one identifier and they differ; send one of them.");
            return false;
        }

        return true;
    }

    private static bool SamePhone(IdentifierNormalizer normalizer, string phone, string alias)
    {
        try
        {
            return normalizer.NormalizePhone(phone) == normalizer.NormalizePhone(alias);
        }
        catch (InvalidIdentifierException)
        {
            return false;
        }
    }
}
