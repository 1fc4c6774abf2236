using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using Tributary.Providers;

namespace Tributary.Connectors.Http;

/// <summary>
/// Checks every generic REST provider instance at start, with messages that name the setting: its name, URL, path
/// template, auth and mapping.
/// </summary>
internal sealed partial class HttpProviderOptionsValidator : IValidateOptions<HttpProviderOptions>
{
    // Built-in connectors own these names; an instance using one would shadow it in metrics, cache keys and requests.
    private static readonly string[] ReservedNames = ["clearbit", "zoominfo", "apollo", "hunter", "peopledatalabs"];

    private static readonly string[] Styles = ["none", "bearer", "header", "basic", "query"];

    public ValidateOptionsResult Validate(string? name, HttpProviderOptions options)
    {
        var section = options.SectionPath;
        var failures = new List<string>();
        if (name is null || !InstanceName().IsMatch(name))
        {
            failures.Add($"{section}: the instance name must be letters, digits, '-' or '_'.");
        }
        else if (ReservedNames.Contains(name))
        {
            failures.Add($"{section}: '{name}' is a built-in provider's name; choose another instance name.");
        }

        // Its form is checked with every provider's (ProviderRanges); an instance has no default to fall back on.
        if (options.BaseUrl is null)
        {
            failures.Add($"{section}:BaseUrl must be an absolute http(s) URL.");
        }

        if (!PathTemplate.TryParse(options.PathTemplate, out _, out var templateError))
        {
            failures.Add($"{section}:PathTemplate {templateError}.");
        }

        if (!HttpProviderMapping.TryCreate(options.Mapping, out _, out var mappingError))
        {
            failures.Add($"{section}:{mappingError}.");
        }

        if (options.MatchPath is not null && !JsonPath.TryParse(options.MatchPath, out _))
        {
            failures.Add($"{section}:MatchPath is not a JSON path like data.customer.id.");
        }

        failures.AddRange(AuthFailures(section, options.Auth));
        failures.AddRange(ProviderRanges.Failures(section, options));
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static IEnumerable<string> AuthFailures(string section, HttpProviderAuthOptions auth)
    {
        var style = HttpProviderConnector.Style(auth);
        if (!Styles.Contains(style))
        {
            yield return $"{section}:Auth:Style must be one of {string.Join(", ", Styles)}.";
        }
        else if (style is "bearer" or "header" or "query" && string.IsNullOrWhiteSpace(auth.Token))
        {
            yield return $"{section}:Auth:Token is required for the {style} style.";
        }
        else if (style == "basic" && string.IsNullOrWhiteSpace(auth.Username))
        {
            yield return $"{section}:Auth:Username is required for the basic style.";
        }
        else if (style == "none" && (auth.Token ?? auth.Username ?? auth.Password) is not null)
        {
            // Credentials with no style would be silently left out of every request, and the provider would refuse them.
            yield return $"{section}:Auth:Style is none, so the credentials given would never be sent; set it to bearer, header, query or basic.";
        }

        if (style == "header" && string.IsNullOrWhiteSpace(auth.HeaderName))
        {
            yield return $"{section}:Auth:HeaderName must not be empty.";
        }

        if (style == "query" && string.IsNullOrWhiteSpace(auth.QueryName))
        {
            yield return $"{section}:Auth:QueryName must not be empty.";
        }
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9_-]*$")]
    private static partial Regex InstanceName();
}
