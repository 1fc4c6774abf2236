namespace Tributary.Providers;

/// <summary>A request named a provider that is not configured.</summary>
public sealed class UnknownProviderException : Exception
{
    public UnknownProviderException(string provider)
        : base($"Unknown provider '{provider}'.")
    {
        Provider = provider;
    }

    public UnknownProviderException()
        : this(string.Empty)
    {
    }

    public UnknownProviderException(string message, Exception innerException)
        : base(message, innerException)
    {
        Provider = string.Empty;
    }

    public string Provider { get; }
}
