using System.ComponentModel.DataAnnotations;

namespace Tributary.Host.Pipeline;

/// <summary>Section <c>Alerts</c>: where a pipeline run with too many failures is reported.</summary>
internal sealed class AlertOptions
{
    public const string SectionName = "Alerts";

    /// <summary>A Slack-compatible incoming webhook; it gets <c>{"text": "…"}</c>. Unset = no alerts.</summary>
    public Uri? WebhookUrl { get; set; }

    /// <summary>A run whose failed share of records is above this alerts once. Default 0.01 (1 %).</summary>
    [Range(0, 1)]
    public double FailureRateThreshold { get; set; } = 0.01;
}
