using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Tributary.Host.Segment;

namespace Tributary.IntegrationTests.Segment;

/// <summary>What <c>AddSegment</c> registers for which keys, and the <c>Segment</c> section's defaults and validation.</summary>
public sealed class SegmentRegistrationTests
{
    [Fact]
    public void AddSegment_WithoutKeys_RegistersNoClientAndTheDocumentedDefaults()
    {
        using var services = Build(new Dictionary<string, string?>());

        services.GetService<SegmentTrackingClient>().ShouldBeNull();
        services.GetService<SegmentProfileClient>().ShouldBeNull();
        var options = services.GetRequiredService<IOptions<SegmentOptions>>().Value;
        (options.BaseUrl, options.ProfilesUrl).ShouldBe(("https://api.segment.io", "https://profiles.segment.com"));
    }

    [Fact]
    public void AddSegment_WithAWriteKeyOnly_RegistersTrackingOnly()
    {
        using var services = Build(new Dictionary<string, string?> { ["Segment:WriteKey"] = "wk" });

        services.GetService<SegmentTrackingClient>().ShouldNotBeNull();
        services.GetService<SegmentProfileClient>().ShouldBeNull();
    }

    [Fact]
    public void AddSegment_WithASpaceAndToken_RegistersTheProfileClient()
    {
        using var services = Build(new Dictionary<string, string?> { ["Segment:SpaceId"] = "spa_1", ["Segment:AccessToken"] = "tok" });

        services.GetService<SegmentProfileClient>().ShouldNotBeNull().IsCircuitOpen.ShouldBeFalse();
        services.GetService<SegmentTrackingClient>().ShouldBeNull();
    }

    [Theory]
    [InlineData("Segment:AccessToken", "tok", "Segment:SpaceId and Segment:AccessToken go together")]
    [InlineData("Segment:BaseUrl", "api.segment.io", "Segment:BaseUrl")]
    [InlineData("Segment:MaxAttempts", "0", "Segment:MaxAttempts")]
    [InlineData("Segment:ProfileCircuitBreaker:FailureRatio", "0", "FailureRatio")]
    public void Options_WhenInvalid_FailNamingTheKey(string key, string value, string message)
    {
        using var services = Build(new Dictionary<string, string?> { [key] = value });

        var error = Should.Throw<OptionsValidationException>(() => services.GetRequiredService<IOptions<SegmentOptions>>().Value);
        error.Message.ShouldContain(message);
    }

    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging();
        services.AddSegment(configuration);
        return services.BuildServiceProvider();
    }
}
