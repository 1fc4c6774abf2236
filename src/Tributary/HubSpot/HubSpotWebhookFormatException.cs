namespace Tributary.Host.HubSpot;

/// <summary>A webhook body that is not HubSpot's JSON array of event objects (the endpoint answers 400).</summary>
internal sealed class HubSpotWebhookFormatException : FormatException
{
    public HubSpotWebhookFormatException()
    {
    }

    public HubSpotWebhookFormatException(string message)
        : base(message)
    {
    }

    public HubSpotWebhookFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
