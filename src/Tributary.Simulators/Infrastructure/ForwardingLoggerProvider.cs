using Microsoft.Extensions.Logging;

namespace Tributary.Simulators.Infrastructure;

/// <summary>
/// Lets a simulator's Kestrel log through the host's logger factory while its own minimum level
/// (warning) still applies; without a factory the simulators log nothing.
/// </summary>
internal sealed class ForwardingLoggerProvider(ILoggerFactory target) : ILoggerProvider
{
    public ILogger CreateLogger(string categoryName) => target.CreateLogger(categoryName);

    // The factory belongs to the host.
    public void Dispose()
    {
    }
}
