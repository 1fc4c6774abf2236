using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Tributary.Caching;

namespace Tributary.Tests.Caching;

/// <summary><c>Privacy:RetentionDays</c> caps the cache TTLs, so no cached answer outlives the retention period.</summary>
public sealed class CacheRetentionTests
{
    [Fact]
    public void RetentionDays_CapsTheCacheTtls_AndLeavesShorterOnesAlone()
    {
        var options = CacheOptionsWith(new() { ["Privacy:RetentionDays"] = "30" });

        (options.HighConfidenceTtl, options.LowConfidenceTtl, options.NoMatchTtl).ShouldBe((TimeSpan.FromDays(30), TimeSpan.FromDays(30), TimeSpan.FromDays(7)));
    }

    [Fact]
    public void WithoutRetentionDays_TheTtlsAreTheirOwn() =>
        CacheOptionsWith([]).HighConfidenceTtl.ShouldBe(TimeSpan.FromDays(90));

    private static CacheOptions CacheOptionsWith(Dictionary<string, string?> settings)
    {
        var services = new ServiceCollection();
        services.AddTributary(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        using var provider = services.BuildServiceProvider();
        return provider.GetRequiredService<IOptions<CacheOptions>>().Value;
    }
}
