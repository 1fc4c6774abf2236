using Microsoft.Extensions.Options;
using Tributary.Providers;

namespace Tributary.Host.Hosting;

internal static class HostStart
{
    /// <summary>
    /// Starts <paramref name="host"/> once what it starts is built and its settings validated. A setting that does not
    /// bind or validate then fails here, reported once as bad configuration (exit code 2), instead of first being
    /// logged by the host as "Hosting failed to start" with a stack trace. A provider setting nothing reads (a typo
    /// inside a known section) is named in a warning.
    /// </summary>
    public static Task StartWhenConfiguredAsync(this IHost host, CancellationToken cancellationToken)
    {
        host.Services.GetService<IStartupValidator>()?.Validate();
        _ = host.Services.GetServices<IHostedService>().ToArray();
        WarnOfUnreadSettings(host.Services);
        return host.StartAsync(cancellationToken);
    }

    private static void WarnOfUnreadSettings(IServiceProvider services)
    {
        if (services.GetService<ProviderSections>() is not { } sections)
        {
            return;
        }

        var unread = sections.UnreadSettings(services.GetRequiredService<IConfiguration>());
        if (unread.Count > 0)
        {
            HostLog.UnreadSettings(services.GetRequiredService<ILoggerFactory>().CreateLogger("Tributary"), string.Join(", ", unread));
        }
    }
}
