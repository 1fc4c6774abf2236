using System.ComponentModel.DataAnnotations;

namespace Tributary.Host.Outcomes;

/// <summary>Interaction outcomes pushed to the CDP, bound from <c>Cdp</c>.</summary>
internal sealed class OutcomeOptions
{
    public const string SectionName = "Cdp";

    /// <summary>
    /// An outcome is sent once no newer one for its interaction arrived for this long: agents change the disposition
    /// after hanging up. Default 120 s.
    /// </summary>
    [Range(0, 86_400)]
    public int OutcomeSettleSeconds { get; set; } = 120;

    /// <summary>Sends of one outcome Segment answers with a retryable failure before it becomes a dead letter. Default 10.</summary>
    [Range(1, 100)]
    public int OutcomeMaxAttempts { get; set; } = 10;

    /// <summary>Wait before the first resend; each next one doubles, up to an hour. Default 30 s.</summary>
    [Range(0.01, 3_600)]
    public double OutcomeRetryBaseSeconds { get; set; } = 30;
}
