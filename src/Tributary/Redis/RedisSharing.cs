using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Caching.StackExchangeRedis;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Tributary.Caching;
using Tributary.Credits;
using Tributary.Resilience;

namespace Tributary.Host.Redis;

/// <summary>
/// With <c>Cache:Redis</c>, every process on the same Redis shares paid answers (HybridCache's second level) with their
/// index by subject (for erasure), single flight for new lookups, each provider's rate budget and its credits spent today. Without it, nothing here is registered and each process
/// works alone.
/// </summary>
internal static class RedisSharing
{
    public static IServiceCollection AddRedisSharing(this IServiceCollection services, IConfiguration configuration)
    {
        if (string.IsNullOrWhiteSpace(configuration[$"{CacheOptions.SectionName}:Redis"]))
        {
            return services;
        }

        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<CacheOptions>, RedisOptionsValidator>());
        services.TryAddSingleton<RedisConnection>();
        services.AddHostedService<RedisNodes>();
        services.RemoveAll<IDistributedCache>();
        services.AddSingleton<IDistributedCache>(sp =>
        {
            var connection = sp.GetRequiredService<RedisConnection>();
            var redis = new RedisCache(Options.Create(new RedisCacheOptions
            {
                ConnectionMultiplexerFactory = connection.GetAsync,
                InstanceName = connection.CachePrefix,
            }));
            return new SharedCacheWhileConnected(redis, connection);
        });
        services.AddSingleton<ISharedFlights, RedisFlights>();
        services.AddSingleton<ISharedCacheIndex, RedisCacheIndex>();
        services.AddSingleton<ISharedRateBudget, RedisRateBudget>();
        services.AddSingleton<ISharedCredits, RedisCredits>();
        return services;
    }
}
