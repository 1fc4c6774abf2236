namespace Tributary.Host.Salesforce;

/// <summary>A relayed change-event body that is not JSON, or not change events in any accepted shape (the endpoint answers 400).</summary>
internal sealed class SalesforceChangeEventFormatException : FormatException
{
    public SalesforceChangeEventFormatException()
    {
    }

    public SalesforceChangeEventFormatException(string message)
        : base(message)
    {
    }

    public SalesforceChangeEventFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
