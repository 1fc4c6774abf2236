using Microsoft.Extensions.Options;

namespace Tributary.Host.Genesys;

/// <summary>
/// Checks <c>Genesys</c> at start, naming the setting: credentials in pairs, a region or base URL that can be called,
/// absolute http(s) URLs, a usable attribute prefix, and External Contacts only with credentials.
/// </summary>
internal sealed class GenesysOptionsValidator : IValidateOptions<GenesysOptions>
{
    private const string Section = GenesysOptions.SectionName;

    public ValidateOptionsResult Validate(string? name, GenesysOptions options)
    {
        var failures = new List<string>();
        var hasId = !string.IsNullOrWhiteSpace(options.ClientId);
        var hasSecret = !string.IsNullOrWhiteSpace(options.ClientSecret);
        if (hasId != hasSecret)
        {
            failures.Add($"{Section}:{(hasId ? "ClientSecret" : "ClientId")}: the client-credentials login needs both ClientId and ClientSecret.");
        }

        if (!string.IsNullOrWhiteSpace(options.Region) && GenesysRegions.HostOf(options.Region) is null)
        {
            failures.Add($"{Section}:Region: '{options.Region}' is neither a region ({string.Join(", ", GenesysRegions.Hosts.Keys)}) nor a host such as mypurecloud.com.");
        }

        if (options.IsConfigured && string.IsNullOrWhiteSpace(options.Region) && string.IsNullOrWhiteSpace(options.BaseUrl))
        {
            failures.Add($"{Section}:Region: set the org's region (e.g. us_east_1) or {Section}:BaseUrl.");
        }

        CheckUrl(options.BaseUrl, "BaseUrl", failures);
        CheckUrl(options.LoginUrl, "LoginUrl", failures);
        if (string.IsNullOrWhiteSpace(options.AttributePrefix) || options.AttributePrefix.Any(char.IsWhiteSpace))
        {
            failures.Add($"{Section}:AttributePrefix: must be non-empty and without spaces (default 'enrich.').");
        }

        // Data annotations do not reach into the nested section.
        if (options.ExternalContacts.CoalesceSeconds is < 0 or > 3600)
        {
            failures.Add($"{Section}:ExternalContacts:CoalesceSeconds: must be between 0 and 3600.");
        }

        if (options.ExternalContacts.AttributeHeadroom is < 0 or > 0.9 || double.IsNaN(options.ExternalContacts.AttributeHeadroom))
        {
            failures.Add($"{Section}:ExternalContacts:AttributeHeadroom: must be between 0 and 0.9.");
        }

        if (options.ExternalContacts.Enabled && !options.IsConfigured)
        {
            failures.Add($"{Section}:ExternalContacts:Enabled: needs {Section}:ClientId and {Section}:ClientSecret.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void CheckUrl(string? value, string key, List<string> failures)
    {
        if (!string.IsNullOrWhiteSpace(value)
            && (!Uri.TryCreate(value.Trim(), UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https")))
        {
            failures.Add($"{Section}:{key}: '{value}' is not an absolute http(s) URL.");
        }
    }
}
