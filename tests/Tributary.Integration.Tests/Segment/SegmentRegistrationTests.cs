using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Tributary.Host.Segment;

namespace Tributary.IntegrationTests.Segment;

/// <summary>What <c>AddSegment</c> registers for which keys, and the <c>Segment</c> section's defaults and validation.</summary>
public sealed class SegmentRegistrationTests
{
    [Fact]
    public void AddSegment_WithoutKeys_RegistersBothClients_NotConfigured_WithTheDocumentedDefaults()
    {
        using var services = Build(new Dictionary<string, string?>());

        services.GetService<SegmentTrackingClient>().ShouldNotBeNull("settings may arrive after registration (sandbox)");
        services.GetService<SegmentProfileClient>().ShouldNotBeNull();
        var options = services.GetRequiredService<IOptions<SegmentOptions>>().Value;
        (options.HasWriteKey, options.HasProfiles).ShouldBe((false, false));
        (options.BaseUrl, options.ProfilesUrl).ShouldBe(("https://api.segment.io", "https://profiles.segment.com"));
    }

    [Fact]
    public void AddSegment_WithAWriteKeyOnly_ConfiguresTrackingOnly()
    {
        using var services = Build(new Dictionary<string, string?> { ["Segment:WriteKey"] = "wk" });

        var options = services.GetRequiredService<IOptions<SegmentOptions>>().Value;
        (options.HasWriteKey, options.HasProfiles).ShouldBe((true, false));
    }

    [Fact]
    public void AddSegment_WithASpaceAndToken_ConfiguresTheProfileApi()
    {
        using var services = Build(new Dictionary<string, string?> { ["Segment:SpaceId"] = "spa_1", ["Segment:AccessToken"] = "tok" });

        services.GetRequiredService<SegmentProfileClient>().IsCircuitOpen.ShouldBeFalse();
        var options = services.GetRequiredService<IOptions<SegmentOptions>>().Value;
        (options.HasWriteKey, options.HasProfiles).ShouldBe((false, true));
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
        services.AddSegment();
        return services.BuildServiceProvider();
    }
}
