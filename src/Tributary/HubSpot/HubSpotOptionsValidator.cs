using Microsoft.Extensions.Options;

namespace Tributary.Host.HubSpot;

/// <summary>Checks <c>HubSpot</c> at start, naming the key of each problem.</summary>
internal sealed class HubSpotOptionsValidator : IValidateOptions<HubSpotOptions>
{
    public ValidateOptionsResult Validate(string? name, HubSpotOptions options)
    {
        var failures = new List<string>();
        if (!IsHttpUrl(options.BaseUrl))
        {
            failures.Add("HubSpot:BaseUrl must be an absolute http(s) URL.");
        }

        if (options.WebhookUrl is { Length: > 0 } webhook && !IsHttpUrl(webhook))
        {
            failures.Add("HubSpot:WebhookUrl must be an absolute http(s) URL.");
        }

        if (options.RateLimit.Requests is < 1 or > 100_000)
        {
            failures.Add("HubSpot:RateLimit:Requests must be between 1 and 100000.");
        }

        if (options.RateLimit.IntervalMs is < 100 or > 86_400_000)
        {
            failures.Add("HubSpot:RateLimit:IntervalMs must be between 100 and 86400000.");
        }

        if (options.MaxAttempts is < 1 or > 20)
        {
            failures.Add("HubSpot:MaxAttempts must be between 1 and 20.");
        }

        if (options.RetryBaseDelayMs is < 1 or > 600_000)
        {
            failures.Add("HubSpot:RetryBaseDelayMs must be between 1 and 600000.");
        }

        if (options.MaxThrottleRetries is < 0 or > 100)
        {
            failures.Add("HubSpot:MaxThrottleRetries must be between 0 and 100.");
        }

        if (options.TimeoutMs is < 100 or > 600_000)
        {
            failures.Add("HubSpot:TimeoutMs must be between 100 and 600000.");
        }

        foreach (var (field, property) in options.Mapping)
        {
            if (property.Any(char.IsWhiteSpace))
            {
                failures.Add($"HubSpot:Properties:{field} must be a property's internal name (no spaces), or empty.");
            }
        }

        var duplicate = options.Mapping.GroupBy(static m => m.Value, StringComparer.OrdinalIgnoreCase).FirstOrDefault(static g => g.Count() > 1);
        if (duplicate is not null)
        {
            failures.Add($"HubSpot:Properties maps several fields to '{duplicate.Key}'.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static bool IsHttpUrl(string? value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);
}
