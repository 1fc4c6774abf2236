using Microsoft.Extensions.Options;

namespace Tributary.Host.Hosting;

internal static class HostStart
{
    /// <summary>
    /// Starts <paramref name="host"/> once what it starts is built and its settings validated. A setting that does not
    /// bind or validate then fails here, reported once as bad configuration (exit code 2), instead of first being
    /// logged by the host as "Hosting failed to start" with a stack trace.
    /// </summary>
    public static Task StartWhenConfiguredAsync(this IHost host, CancellationToken cancellationToken)
    {
        host.Services.GetService<IStartupValidator>()?.Validate();
        _ = host.Services.GetServices<IHostedService>().ToArray();
        return host.StartAsync(cancellationToken);
    }
}
