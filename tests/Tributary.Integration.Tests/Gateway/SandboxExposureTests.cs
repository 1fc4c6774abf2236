using Microsoft.Extensions.DependencyInjection;
using Tributary.Host.Gateway;
using Tributary.Host.Hosting;
using Tributary.IntegrationTests.Infrastructure;
using Tributary.Simulators;

namespace Tributary.IntegrationTests.Gateway;

/// <summary>Simulator answers are never served as real data to callers beyond this machine, nor kept with real ones.</summary>
public sealed class SandboxExposureTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    private string Store => $"--Storage:ConnectionString=Data Source={_directory.File("tributary.db")}";

    [Fact]
    public async Task Serve_WithGatewayKeysAndNoCredentials_RefusesSandboxMode_NamingTheSettings()
    {
        var error = await Should.ThrowAsync<ConfigurationException>(() =>
            GatewayApp.BuildAsync([Store, "--Gateway:ApiKeys:0=caller-key"], "http://127.0.0.1:0", CancellationToken.None));

        error.Message.ShouldContain("Providers:Clearbit:ApiKey");
        error.Message.ShouldContain("Gateway:ApiKeys");
        error.Message.ShouldContain("Sandbox:Enabled=true");
    }

    [Fact]
    public async Task Serve_OnANonLoopbackAddressWithNoCredentials_RefusesSandboxMode()
    {
        var error = await Should.ThrowAsync<ConfigurationException>(() =>
            GatewayApp.BuildAsync([Store, "--Gateway:ApiKeys:0=caller-key"], "http://0.0.0.0:0", CancellationToken.None));

        error.Message.ShouldContain("Sandbox:Enabled=true");
    }

    [Fact]
    public async Task Serve_WithGatewayKeysAndSandboxForced_StartsTheSandbox()
    {
        await using var gateway = await GatewayServer.StartAsync("--Gateway:ApiKeys:0=caller-key", "--Sandbox:Enabled=true");

        using var request = new HttpRequestMessage(HttpMethod.Get, "/v1/providers");
        request.Headers.Add("X-Api-Key", "caller-key");
        using var response = await gateway.Client.SendAsync(request);

        response.IsSuccessStatusCode.ShouldBeTrue();
    }

    [Fact]
    public async Task Sandbox_WithNoStoreConfigured_KeepsItsOwnStoreFile()
    {
        await using var app = await GatewayApp.BuildAsync(["--Sandbox:Warmup=false"], "http://127.0.0.1:0", CancellationToken.None);

        // Resolved so the container owns the simulators and stops them with the app.
        app.Services.GetRequiredService<SandboxSimulators>().ShouldNotBeNull();
        app.Configuration["Storage:ConnectionString"].ShouldBe(SandboxMode.StoreConnectionString);
    }
}
