namespace Tributary.Host.Genesys;

/// <summary>A webhook body that is not a Genesys Cloud EventBridge envelope. The message names what is wrong, never a value.</summary>
internal sealed class GenesysEnvelopeException(string message, Exception? inner = null) : Exception(message, inner);
