namespace Tributary.Host.Crm;

/// <summary>
/// A whole call to a CRM failed after the client's own retries. The pipeline gives the records back to the queue:
/// until <see cref="ResumeAt"/> when the CRM stopped us for the day (HubSpot <c>DAILY</c>, Salesforce
/// <c>REQUEST_LIMIT_EXCEEDED</c>), with backoff otherwise.
/// </summary>
internal sealed class CrmUnavailableException : Exception
{
    public CrmUnavailableException()
    {
    }

    public CrmUnavailableException(string message)
        : base(message)
    {
    }

    public CrmUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public CrmUnavailableException(string system, string reason, DateTimeOffset? resumeAt = null, Exception? innerException = null)
        : base($"{system}: {reason}", innerException)
    {
        System = system;
        Reason = reason;
        ResumeAt = resumeAt;
    }

    /// <summary>The CRM, e.g. <c>hubspot</c>.</summary>
    public string System { get; } = "";

    /// <summary>A short reason without PII (<c>daily_limit</c>, <c>server_error</c>, <c>unauthorized</c>, …).</summary>
    public string Reason { get; } = "";

    /// <summary>When work for this CRM may start again (next day for a daily limit); null = retry with backoff.</summary>
    public DateTimeOffset? ResumeAt { get; }
}
