using System.Net.Http.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Tributary.Host.Gateway;

namespace Tributary.IntegrationTests.Infrastructure;

/// <summary>
/// The real gateway (the same composition as <c>tributary serve</c>) on Kestrel at a free loopback port, configured
/// through command-line style settings. With no provider settings it runs in sandbox mode, as a fresh install does.
/// </summary>
internal sealed class GatewayServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly TempDirectory? _directory;

    private GatewayServer(WebApplication app, TempDirectory? directory, HttpClient client)
    {
        _app = app;
        _directory = directory;
        Client = client;
    }

    public HttpClient Client { get; }

    public IServiceProvider Services => _app.Services;

    public static Task<GatewayServer> StartAsync(params string[] settings) => StartAsync(null, settings);

    /// <summary>As <see cref="StartAsync(string[])"/>, with services replaced after the gateway's own (a fake clock).</summary>
    public static async Task<GatewayServer> StartAsync(Action<IServiceCollection>? overrides, params string[] settings)
    {
        var directory = new TempDirectory();
        string[] args = [$"--Storage:ConnectionString=Data Source={directory.File("tributary.db")}", "--Logging:LogLevel:Default=Warning", "--Enrichment:TimeoutMs=5000", "--Sandbox:Warmup=false",
            "--Providers:Clearbit:TimeoutMs=3000", "--Providers:ZoomInfo:TimeoutMs=3000", "--Providers:Apollo:TimeoutMs=3000",
            "--Providers:Hunter:TimeoutMs=3000", "--Providers:PeopleDataLabs:TimeoutMs=3000", .. settings];
        var app = await GatewayApp.BuildAsync(args, "http://127.0.0.1:0", CancellationToken.None, overrides);
        await app.StartAsync();
        var client = new HttpClient { BaseAddress = new Uri(app.Urls.First()), Timeout = TimeSpan.FromSeconds(30) };
        return new GatewayServer(app, directory, client);
    }

    /// <summary>
    /// The gateway on a database the caller owns and keeps: stop one gateway and start another on the same file to
    /// test what survives a restart.
    /// </summary>
    public static Task<GatewayServer> StartOnDatabaseAsync(string databasePath, params string[] settings) => StartOnDatabaseAsync(databasePath, null, settings);

    /// <summary>As <see cref="StartOnDatabaseAsync(string, string[])"/>, with services replaced after the gateway's own.</summary>
    public static async Task<GatewayServer> StartOnDatabaseAsync(string databasePath, Action<IServiceCollection>? overrides, params string[] settings)
    {
        string[] args = [$"--Storage:ConnectionString=Data Source={databasePath}", "--Logging:LogLevel:Default=Warning", "--Enrichment:TimeoutMs=5000",
            "--Providers:Clearbit:TimeoutMs=3000", "--Providers:ZoomInfo:TimeoutMs=3000", .. settings];
        var app = await GatewayApp.BuildAsync(args, "http://127.0.0.1:0", CancellationToken.None, overrides);
        await app.StartAsync();
        var client = new HttpClient { BaseAddress = new Uri(app.Urls.First()), Timeout = TimeSpan.FromSeconds(30) };
        return new GatewayServer(app, null, client);
    }

    public Task<HttpResponseMessage> EnrichAsync(string json, string path = "/v1/enrich") =>
        Client.PostAsync(path, new StringContent(json));

    public async Task<T> EnrichAsync<T>(string json, string path = "/v1/enrich")
    {
        using var response = await EnrichAsync(json, path);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<T>())!;
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        _directory?.Dispose();
    }
}
