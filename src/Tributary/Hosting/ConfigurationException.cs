namespace Tributary.Host.Hosting;

/// <summary>A setting is missing or wrong; the message names it. The CLI exits with code 2.</summary>
internal sealed class ConfigurationException(string message) : Exception(message);
