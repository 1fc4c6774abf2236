namespace Tributary.Enrichment;

/// <summary>A callback body that is not JSON, or not in the provider's callback shape (the endpoint answers 400). The message names no value from it.</summary>
public sealed class ProviderCallbackFormatException : FormatException
{
    public ProviderCallbackFormatException()
    {
    }

    public ProviderCallbackFormatException(string message)
        : base(message)
    {
    }

    public ProviderCallbackFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
