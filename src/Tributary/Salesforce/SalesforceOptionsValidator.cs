using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace Tributary.Host.Salesforce;

/// <summary>Checks <c>Salesforce</c> at start, naming the key of each problem.</summary>
internal sealed partial class SalesforceOptionsValidator : IValidateOptions<SalesforceOptions>
{
    public ValidateOptionsResult Validate(string? name, SalesforceOptions options)
    {
        var failures = new List<string>();
        if (!IsHttpUrl(options.LoginUrl))
        {
            failures.Add("Salesforce:LoginUrl must be an absolute http(s) URL.");
        }

        if (options.InstanceUrl is { Length: > 0 } instance && !IsHttpUrl(instance))
        {
            failures.Add("Salesforce:InstanceUrl must be an absolute http(s) URL.");
        }

        if (options.HasClient && string.IsNullOrWhiteSpace(options.ClientSecret))
        {
            failures.Add("Salesforce:ClientSecret is required with Salesforce:ClientId.");
        }

        if (!ApiVersionPattern().IsMatch(options.ApiVersion ?? ""))
        {
            failures.Add("Salesforce:ApiVersion must look like 62.0 (no leading v).");
        }

        if (options.MaxAttempts is < 1 or > 20)
        {
            failures.Add("Salesforce:MaxAttempts must be between 1 and 20.");
        }

        if (options.RetryBaseDelayMs is < 1 or > 600_000)
        {
            failures.Add("Salesforce:RetryBaseDelayMs must be between 1 and 600000.");
        }

        if (options.TimeoutMs is < 100 or > 600_000)
        {
            failures.Add("Salesforce:TimeoutMs must be between 100 and 600000.");
        }

        foreach (var objectType in options.Fields.Keys)
        {
            if (SalesforceObjects.Canonical(objectType) is null)
            {
                failures.Add($"Salesforce:Fields:{objectType} is not an object the client writes (Contact or Lead).");
                continue;
            }

            var mapping = options.Mapping(objectType);
            foreach (var (field, target) in mapping)
            {
                if (!FieldNamePattern().IsMatch(target))
                {
                    failures.Add($"Salesforce:Fields:{objectType}:{field} must be a field's API name (e.g. Title, Industry__c), or empty.");
                }
            }

            if (mapping.GroupBy(static m => m.Value, StringComparer.OrdinalIgnoreCase).FirstOrDefault(static g => g.Count() > 1) is { } duplicate)
            {
                failures.Add($"Salesforce:Fields:{objectType} maps several fields to '{duplicate.Key}'.");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static bool IsHttpUrl(string? value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);

    [GeneratedRegex(@"^\d{2,3}\.\d$")]
    private static partial Regex ApiVersionPattern();

    [GeneratedRegex(@"^[A-Za-z][A-Za-z0-9_]*$")]
    private static partial Regex FieldNamePattern();
}
