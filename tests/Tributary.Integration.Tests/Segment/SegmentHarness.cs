using System.Text.Json.Nodes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Tributary.Host.Segment;
using Tributary.IntegrationTests.Infrastructure;
using Tributary.Simulators;

namespace Tributary.IntegrationTests.Segment;

/// <summary>
/// Both Segment clients as the host registers them (<see cref="SegmentRegistration.AddSegment"/>), pointed at a
/// simulator over loopback with <see cref="SegmentSandbox.Settings"/>. One harness per test: the circuit is per harness.
/// </summary>
internal sealed class SegmentHarness : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    public SegmentHarness(SegmentSimulator simulator, IDictionary<string, string?>? overrides = null, TimeProvider? time = null)
    {
        var settings = new Dictionary<string, string?>(SegmentSandbox.Settings(simulator.BaseUrl, simulator.Credentials))
        {
            ["Segment:RetryBaseDelayMs"] = "100",
            ["Segment:ProfileRetryBaseDelayMs"] = "50",
        };
        foreach (var (key, value) in overrides ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        if (time is not null)
        {
            services.AddSingleton(time);
        }

        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
        services.AddSegment();
        _services = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    public SegmentTrackingClient Tracking => _services.GetRequiredService<SegmentTrackingClient>();

    public SegmentProfileClient Profiles => _services.GetRequiredService<SegmentProfileClient>();

    /// <summary>An "Interaction Completed" track for <paramref name="interactionId"/>, with a stable message id.</summary>
    public static SegmentTrack Outcome(string interactionId, string userId = "CUST-00042", string? padding = null)
    {
        var properties = new JsonObject { ["interactionId"] = interactionId, ["disposition"] = "resolved", ["durationSeconds"] = 412 };
        if (padding is not null)
        {
            properties["summary"] = padding;
        }

        return new SegmentTrack("Interaction Completed", SegmentTrack.StableMessageId("interaction", interactionId), userId,
            Timestamp: new DateTimeOffset(2026, 11, 23, 9, 30, 0, TimeSpan.Zero), Properties: properties);
    }

    public ValueTask DisposeAsync() => FakeClock.DisposeAsync(_services);
}
