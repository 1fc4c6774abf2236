using Microsoft.Extensions.DependencyInjection;
using Tributary.Providers;

namespace Tributary.Connectors.ZoomInfo;

public static class ZoomInfoRegistration
{
    /// <summary>Adds the ZoomInfo connector, configured from <c>Providers:ZoomInfo</c>.</summary>
    public static TributaryBuilder AddZoomInfo(this TributaryBuilder builder)
    {
        builder.Services.AddHttpClient(ZoomInfoTokenSource.AuthClientName, client => client.Timeout = TimeSpan.FromSeconds(10)).RemoveAllLoggers();
        builder.Services.AddSingleton<ZoomInfoTokenSource>();
        return builder.AddProvider<ZoomInfoConnector, ZoomInfoOptions>(ZoomInfoConnector.ProviderName, "ZoomInfo", ZoomInfoRateLimits.Read, limits: ZoomInfoRateLimits.Defaults);
    }
}
