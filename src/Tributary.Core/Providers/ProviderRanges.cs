using System.ComponentModel.DataAnnotations;

namespace Tributary.Providers;

/// <summary>
/// A provider's settings checked against their documented ranges, each failure naming its full key
/// (<c>Providers:Clearbit:RateLimit:PerMinute</c>): data annotations alone check only the options' own properties,
/// not the <c>RateLimit</c> and <c>CircuitBreaker</c> sections nested in them, and name no section.
/// </summary>
internal static class ProviderRanges
{
    /// <param name="section">The provider's configuration section, e.g. <c>Providers:Clearbit</c>.</param>
    /// <param name="options">Its settings as bound.</param>
    public static IEnumerable<string> Failures(string section, ProviderOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return BaseUrlFailures(section, options.BaseUrl)
            .Concat(SectionFailures(section, options))
            .Concat(SectionFailures($"{section}:RateLimit", options.RateLimit))
            .Concat(SectionFailures($"{section}:CircuitBreaker", options.CircuitBreaker));
    }

    /// <summary>A base URL set to something the connector could not call fails at start, not at the first lookup.</summary>
    private static IEnumerable<string> BaseUrlFailures(string section, string? baseUrl)
    {
        if (baseUrl is not null && !(Uri.TryCreate(baseUrl, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"))
        {
            yield return $"{section}:BaseUrl must be an absolute http(s) URL.";
        }
    }

    private static IEnumerable<string> SectionFailures(string path, object settings)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(settings, new ValidationContext(settings), results, validateAllProperties: true);
        return results.Select(result => $"{path}:{string.Join(',', result.MemberNames)}: {result.ErrorMessage}");
    }
}
