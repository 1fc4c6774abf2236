using System.ComponentModel.DataAnnotations;

namespace Tributary.Host.Pipeline;

/// <summary>Section <c>Alerts</c>: where a pipeline run with too many failures is reported.</summary>
internal sealed class AlertOptions : IValidatableObject
{
    public const string SectionName = "Alerts";

    /// <summary>A Slack-compatible incoming webhook; it gets <c>{"text": "…"}</c>. Unset = no alerts.</summary>
    public Uri? WebhookUrl { get; set; }

    /// <summary>A run whose failed share of records is above this alerts once. Default 0.01 (1 %).</summary>
    [Range(0, 1)]
    public double FailureRateThreshold { get; set; } = 0.01;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (WebhookUrl is { } url && !(url.IsAbsoluteUri && (url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps)))
        {
            yield return new ValidationResult("Alerts:WebhookUrl must be an absolute http(s) URL.", [nameof(WebhookUrl)]);
        }
    }
}
