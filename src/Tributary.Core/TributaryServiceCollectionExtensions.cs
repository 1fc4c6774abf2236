using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Tributary.Caching;
using Tributary.Credits;
using Tributary.Deadlines;
using Tributary.Diagnostics;
using Tributary.Enrichment;
using Tributary.Identifiers;
using Tributary.Merging;
using Tributary.Orchestration;
using Tributary.Privacy;
using Tributary.Providers;

namespace Tributary;

/// <summary>Registration of the enrichment core: <c>services.AddTributary(config).AddClearbit().AddZoomInfo()</c>.</summary>
public static class TributaryServiceCollectionExtensions
{
    public static TributaryBuilder AddTributary(this IServiceCollection services, IConfiguration configuration)
    {
        // Options bind from the container's configuration; a host has registered it already, a plain container has not.
        services.TryAddSingleton(configuration);
        services.AddOptions<EnrichmentOptions>().BindConfiguration(EnrichmentOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<CacheOptions>().BindConfiguration(CacheOptions.SectionName).PostConfigure<IOptions<PrivacyOptions>>(CacheRetention.Cap)
            .ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<PrivacyOptions>().BindConfiguration(PrivacyOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddMasking();
        services.AddOptions<IdentifierOptions>().BindConfiguration(IdentifierOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<IdentifierOptions>, IdentifierOptionsValidator>());

        services.TryAddSingleton(TimeProvider.System);
        services.AddMetrics();

        // Registered before HybridCache, which otherwise adds an unbounded MemoryCache as its in-process layer.
        services.TryAddSingleton<IMemoryCache>(sp => new BoundedMemoryCache(sp.GetRequiredService<IOptions<CacheOptions>>().Value.MaxEntries));
        services.AddHybridCache().AddSerializer<CacheEntry, CacheEntrySerializer>();
        services.TryAddSingleton<ILookupLedger, InMemoryLookupLedger>();
        services.TryAddSingleton<ISuppressionStore, InMemorySuppressionStore>();
        services.TryAddSingleton<ICreditStore, InMemoryCreditStore>();

        services.TryAddSingleton<IdentifierNormalizer>();
        services.TryAddSingleton<IdentifierHasher>();
        services.TryAddSingleton<LookupKeys>();
        services.TryAddSingleton<ProfileMerger>();
        services.TryAddSingleton<SuppressionList>();
        services.TryAddSingleton<SuppressedAnswers>();
        services.TryAddSingleton<ErasureTurns>();
        services.TryAddSingleton<CreditMeter>();
        services.TryAddSingleton<ProviderValueStats>();
        services.TryAddSingleton<EnrichmentMetrics>();
        services.TryAddSingleton<LookupCache>();
        services.TryAddSingleton<SubjectEviction>();
        services.AddHttpClient();

        // Every outbound client (providers, CRMs, Genesys, the CDP) takes a compressed answer: a server or CDN may send
        // one, and a large bulk page is far smaller gzipped.
        services.ConfigureHttpClientDefaults(static client => client.ConfigurePrimaryHttpMessageHandler(
            static () => new SocketsHttpHandler { AutomaticDecompression = System.Net.DecompressionMethods.All }));
        services.TryAddSingleton<ProviderHttp>();
        services.TryAddSingleton<ProviderCatalog>();
        services.TryAddSingleton<EnrichmentEngine>();
        return new TributaryBuilder(services, configuration);
    }
}
