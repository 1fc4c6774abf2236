using System.Net;
using System.Net.Sockets;
using Tributary.Simulators;

namespace Tributary.IntegrationTests.Simulators.Infrastructure;

public sealed class HostingTests
{
    [Fact]
    public async Task AGivenPort_IsUsed_AndASecondSimulatorOnItFailsToStart()
    {
        var port = FreePort();
        await using var first = new HunterSimulator(new SimulatorOptions(), TestDataset.Shared, port);
        await using var second = new HunterSimulator(new SimulatorOptions(), TestDataset.Shared, port);

        await first.StartAsync();

        first.BaseUrl.ShouldBe($"http://127.0.0.1:{port}");
        await Should.ThrowAsync<IOException>(() => second.StartAsync());
        Should.Throw<InvalidOperationException>(() => second.BaseUrl);
    }

    [Fact]
    public async Task BaseUrl_BeforeStart_Throws_AndDisposeWithoutStartIsHarmless()
    {
        await using var simulator = new ClearbitSimulator();

        Should.Throw<InvalidOperationException>(() => simulator.BaseUrl).Message.ShouldContain("clearbit");
    }

    [Fact]
    public void InvalidOptions_AreRefusedUpFront()
    {
        Should.Throw<ArgumentException>(() => new ZoomInfoSimulator(new SimulatorOptions { ZoomInfoPassword = " " }));
        Should.Throw<ArgumentOutOfRangeException>(() => new ZoomInfoSimulator(new SimulatorOptions { ZoomInfoJwtLifetime = TimeSpan.Zero }));
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
