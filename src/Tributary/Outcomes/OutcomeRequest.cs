namespace Tributary.Host.Outcomes;

/// <summary>The body of <c>POST /v1/interactions/{interactionId}/outcome</c>.</summary>
internal sealed class OutcomeRequest
{
    public string? ProfileId { get; set; }

    public string? Disposition { get; set; }

    public double? DurationSeconds { get; set; }

    public string? AgentId { get; set; }

    public string? Queue { get; set; }

    public string? Summary { get; set; }
}
