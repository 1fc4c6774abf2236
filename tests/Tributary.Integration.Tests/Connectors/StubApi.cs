using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;

namespace Tributary.IntegrationTests.Connectors;

/// <summary>
/// A tiny HTTP server on a free loopback port whose routes a test maps itself: a customer's own CRM for the generic
/// REST provider, or a provider answer the simulators do not produce (plan-gated booleans, a 402 without headers).
/// </summary>
internal sealed class StubApi : IAsyncDisposable
{
    private readonly WebApplication _app;

    private StubApi(WebApplication app) => _app = app;

    /// <summary>Where the server listens, e.g. <c>http://127.0.0.1:41234</c>.</summary>
    public string BaseUrl => _app.Urls.First();

    public static async Task<StubApi> StartAsync(Action<WebApplication> map)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        map(app);
        await app.StartAsync();
        return new StubApi(app);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
