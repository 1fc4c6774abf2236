using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using Tributary.Host.Gateway;
using Tributary.Host.Hosting;
using Tributary.IntegrationTests.Infrastructure;

namespace Tributary.IntegrationTests.Gateway;

/// <summary>
/// An open gateway (no <c>Gateway:ApiKeys</c>) listens on loopback only, whichever setting names the addresses.
/// The environment-variable forms run the real executable: see <c>ServeProcessTests</c>.
/// </summary>
public sealed class ListenGuardTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Theory]
    [InlineData("--Kestrel:Endpoints:Web:Url=http://0.0.0.0:0", "Kestrel:Endpoints:Web:Url")]
    [InlineData("--Kestrel:Endpoints:Web:Url=http://*:0", "Kestrel:Endpoints:Web:Url")]
    [InlineData("--urls=http://127.0.0.1:0;http://0.0.0.0:0", "urls")]
    public async Task WithoutKeys_ListeningBeyondLoopbackIsRefused_NamingTheSetting(string setting, string named)
    {
        var error = await Should.ThrowAsync<ConfigurationException>(() => StartAsync(setting));

        error.Message.ShouldContain(named, Case.Sensitive);
        error.Message.ShouldContain("Gateway:ApiKeys", Case.Sensitive);
    }

    [Fact]
    public void ThePortSettingsOfContainerImages_AreOverriddenByTheDefaultAddress()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["http_ports"] = "8080", ["https_ports"] = "8443" })
            .Build();

        var listen = ListenAddresses.Resolve(configuration, urlsOption: null, GatewayApp.DefaultUrl);

        listen.Urls.ShouldBe(GatewayApp.DefaultUrl);
        listen.All.Select(static a => a.Url).ShouldBe([GatewayApp.DefaultUrl]);
    }

    [Fact]
    public async Task WithoutKeys_AKestrelEndpointOnLoopbackServes()
    {
        var port = TributaryProcess.FreePort();

        await using var app = await StartAsync($"--Kestrel:Endpoints:Web:Url=http://127.0.0.1:{port}");
        using var client = new HttpClient();

        (await client.GetStringAsync($"http://127.0.0.1:{port}/healthz")).ShouldBe("ok");
    }

    [Theory]
    [InlineData("--urls=notaurl", "urls")]
    [InlineData("--urls=ftp://127.0.0.1:21", "urls")]
    [InlineData("--Kestrel:Endpoints:Web:Url=127.0.0.1", "Kestrel:Endpoints:Web:Url")]
    public async Task WithKeysOrWithout_AnAddressThatIsNoUrl_IsRefused_NamingTheSetting(string setting, string named)
    {
        var error = await Should.ThrowAsync<ConfigurationException>(() => StartAsync(setting, "--Gateway:ApiKeys:0=listen-key"));

        error.Message.ShouldContain(named, Case.Sensitive);
        error.Message.ShouldContain("scheme://host:port", Case.Sensitive);
    }

    [Fact]
    public async Task WithKeys_AnyAddressIsAllowed()
    {
        var port = TributaryProcess.FreePort();

        await using var app = await StartAsync($"--Kestrel:Endpoints:Web:Url=http://0.0.0.0:{port}", "--Gateway:ApiKeys:0=listen-key");
        using var client = new HttpClient();

        (await client.GetStringAsync($"http://127.0.0.1:{port}/healthz")).ShouldBe("ok");
    }

    [Fact]
    public void WithoutKeys_AServerBoundBeyondLoopbackIsRefused_HoweverItWasAskedFor()
    {
        var options = new GatewayOptions();
        var keys = new GatewayKeys(Options.Create(options));

        Should.NotThrow(() => ListenGuard.EnsureBound(keys, options, ["http://127.0.0.1:8080", "http://localhost:8081", "http://[::1]:8082"]));
        var error = Should.Throw<ConfigurationException>(() => ListenGuard.EnsureBound(keys, options, ["http://127.0.0.1:8080", "http://[::]:8080"]));

        error.Message.ShouldContain("http://[::]:8080", Case.Sensitive);
        error.Message.ShouldContain("Gateway:ApiKeys", Case.Sensitive);
    }

    [Theory]
    [InlineData("http://127.0.0.1:8080", true)]
    [InlineData("http://[::1]:8080", true)]
    [InlineData("http://localhost:8080", true)]
    [InlineData("https://127.0.0.2:8443", true)]
    [InlineData("http://0.0.0.0:8080", false)]
    [InlineData("http://[::]:8080", false)]
    [InlineData("http://10.0.0.7:8080", false)]
    [InlineData("http://gateway.internal:8080", false)]
    [InlineData("http://*:8080", false)]
    [InlineData("http://+:8080", false)]
    public void AnAddressIsLoopbackOnlyWhenItsHostIs(string address, bool loopback) =>
        ListenGuard.IsLoopback(address).ShouldBe(loopback);

    private async Task<WebApplication> StartAsync(params string[] settings)
    {
        // A provider credential (never called), so neither sandbox mode nor its own checks are in play.
        string[] args = [$"--Storage:ConnectionString=Data Source={_directory.File("tributary.db")}", "--Logging:LogLevel:Default=Warning",
            "--Providers:Clearbit:ApiKey=sk_test_listen_guard", "--Providers:Clearbit:BaseUrl=http://127.0.0.1:9", .. settings];
        var app = await GatewayApp.BuildAsync(args, null, CancellationToken.None);
        try
        {
            await app.StartAsync();
            return app;
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }
    }
}
