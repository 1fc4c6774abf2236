using Tributary.Connectors.Apollo;
using Tributary.Connectors.Clearbit;
using Tributary.Connectors.Http;
using Tributary.Connectors.Hunter;
using Tributary.Connectors.PeopleDataLabs;
using Tributary.Connectors.ZoomInfo;
using Tributary.Host.AgentDesktop;
using Tributary.Host.BatchPump;
using Tributary.Host.ContactCenter;
using Tributary.Host.Flat;
using Tributary.Host.Genesys;
using Tributary.Host.HubSpot;
using Tributary.Host.Identity;
using Tributary.Host.Outcomes;
using Tributary.Host.Pipeline;
using Tributary.Host.Privacy;
using Tributary.Host.ProviderCallbacks;
using Tributary.Host.Redis;
using Tributary.Host.Salesforce;
using Tributary.Host.Segment;
using Tributary.Host.Webhooks;
using Tributary.Providers;
using Tributary.Storage;

namespace Tributary.Host.Hosting;

/// <summary>The one place where the host's services are composed: engine, connectors, store. Adding a provider is one line here.</summary>
internal static class TributaryServices
{
    public static TributaryBuilder AddTributaryHost(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddFlatContract().AddBatchPump().AddPipeline().AddContactCenter().AddWebhooks().AddProviderCallbacks().AddIdentity().AddProfiles().AddOutcomes().AddErasure();
        var tributary = services.AddTributary(configuration)
            .AddClearbit()
            .AddZoomInfo()
            .AddApollo()
            .AddHunter()
            .AddPeopleDataLabs()
            .AddHttpProviders()
            .UseStorage();
        services.AddRedisSharing(configuration);

        // The CRMs the pipeline writes back to and the contact center; their simulators join the providers' in sandbox mode.
        services.AddHubSpot(configuration).AddSalesforce(configuration).AddGenesys(configuration).AddSegment();
        tributary.Sandboxes.Add(HubSpotSandbox.Wiring);
        tributary.Sandboxes.Add(SalesforceSandbox.Wiring);
        tributary.Sandboxes.Add(GenesysSandbox.Wiring);
        tributary.Sandboxes.Add(SegmentSandbox.Wiring);
        return tributary;
    }
}
