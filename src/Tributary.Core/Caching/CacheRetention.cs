using Microsoft.Extensions.Options;
using Tributary.Privacy;

namespace Tributary.Caching;

/// <summary>
/// <c>Privacy:RetentionDays</c> bounds how long a cached answer lives too. The daily purge reaches the store only, so
/// without this cap an answer would outlive it in memory or in Redis (up to <c>Cache:HighConfidenceTtl</c>, 90 days).
/// </summary>
internal static class CacheRetention
{
    public static void Cap(CacheOptions cache, IOptions<PrivacyOptions> privacy)
    {
        if (privacy.Value.RetentionDays is not { } days)
        {
            return;
        }

        var limit = TimeSpan.FromDays(days);
        cache.HighConfidenceTtl = Min(cache.HighConfidenceTtl, limit);
        cache.LowConfidenceTtl = Min(cache.LowConfidenceTtl, limit);
        cache.NoMatchTtl = Min(cache.NoMatchTtl, limit);
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;
}
