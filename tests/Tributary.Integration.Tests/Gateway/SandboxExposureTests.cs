using Microsoft.Extensions.DependencyInjection;
using Tributary.Host.Gateway;
using Tributary.IntegrationTests.Infrastructure;
using Tributary.Simulators;

namespace Tributary.IntegrationTests.Gateway;

/// <summary>A sandbox gateway others can reach, a sandbox gateway stopping, and the sandbox asked for beside a real system.</summary>
public sealed class SandboxExposureTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    private string Store => $"--Storage:ConnectionString=Data Source={_directory.File("tributary.db")}";

    [Fact]
    public async Task Serve_WithGatewayKeysAndNoProviderCredentials_StartsTheSandbox()
    {
        await using var gateway = await GatewayServer.StartAsync("--Gateway:ApiKeys:0=caller-key");

        using var request = new HttpRequestMessage(HttpMethod.Get, "/v1/providers");
        request.Headers.Add("X-Api-Key", "caller-key");
        using var response = await gateway.Client.SendAsync(request);

        response.IsSuccessStatusCode.ShouldBeTrue();
    }

    [Fact]
    public async Task Gateway_WhenDisposed_StopsItsSandboxSimulators_EvenWhenNothingAskedForThem()
    {
        var gateway = await GatewayServer.StartAsync();
        var clearbit = gateway.Services.GetRequiredService<Microsoft.Extensions.Configuration.IConfiguration>()["Providers:Clearbit:BaseUrl"].ShouldNotBeNull();

        await gateway.DisposeAsync();

        // Left running, nine simulators (nine Kestrel servers) outlived every gateway a test suite started.
        using var client = new HttpClient();
        await Should.ThrowAsync<HttpRequestException>(() => client.GetAsync(clearbit));
    }

    [Fact]
    public async Task SandboxAskedFor_KeepsTheCredentialsOfAnIntegratedSystem_AndSimulatesTheProviders()
    {
        await using var app = await GatewayApp.BuildAsync(
            [Store, "--Sandbox:Enabled=true", "--Sandbox:Warmup=false", "--HubSpot:AccessToken=pat-own-portal", "--HubSpot:BaseUrl=http://127.0.0.1:9/hubspot"],
            "http://127.0.0.1:0",
            CancellationToken.None);

        var simulators = app.Services.GetRequiredService<SandboxSimulators>();
        app.Configuration["Providers:Clearbit:BaseUrl"].ShouldBe(simulators.Clearbit.BaseUrl);
        app.Configuration["HubSpot:AccessToken"].ShouldBe("pat-own-portal");
        app.Configuration["HubSpot:BaseUrl"].ShouldBe("http://127.0.0.1:9/hubspot");
        app.Configuration["Salesforce:LoginUrl"].ShouldNotBeNull("a system without credentials uses its simulator");
    }
}
