using Tributary.Connectors.Apollo;
using Tributary.Connectors.Clearbit;
using Tributary.Connectors.Http;
using Tributary.Connectors.Hunter;
using Tributary.Connectors.PeopleDataLabs;
using Tributary.Connectors.ZoomInfo;
using Tributary.Host.BatchPump;
using Tributary.Host.Flat;
using Tributary.Storage;

namespace Tributary.Host.Hosting;

/// <summary>The one place where the host's services are composed: engine, connectors, store.</summary>
internal static class TributaryServices
{
    public static IServiceCollection AddTributaryHost(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddTributary(configuration)
            .AddClearbit()
            .AddZoomInfo()
            .AddApollo()
            .AddHunter()
            .AddPeopleDataLabs()
            .AddHttpProviders()
            .UseStorage();
        services.AddFlatContract().AddBatchPump();
        return services;
    }
}
