using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using Tributary.IntegrationTests.Infrastructure;
using Tributary.IntegrationTests.Storage;

namespace Tributary.IntegrationTests.Gateway;

/// <summary>
/// A store that is gone is a 503 problem the caller may retry, and readiness says so, not an anonymous 500; the
/// gateway's background work (the pipeline worker polls the store) waits it out instead of stopping the process.
/// </summary>
[RequiresPostgres]
public sealed class StoreUnavailableTests
{
    [StoreFact]
    public async Task Requests_WhenThePostgresDatabaseIsGone_Are503Problems_AndReadinessFails()
    {
        var server = await PostgresServer.GetAsync();
        var database = await server.CreateDatabaseAsync();
        await using var gateway = await GatewayServer.StartAsync("--Storage:Provider=postgres", $"--Storage:ConnectionString={database}");
        using var before = await gateway.Client.PostAsync("/v1/identity/identify", new StringContent("""{"traits":{"email":"before@acme.test"}}"""));

        await server.DropDatabaseAsync(database);
        using var identify = await gateway.Client.PostAsync("/v1/identity/identify", new StringContent("""{"traits":{"email":"after@acme.test"}}"""));
        var problem = await identify.Content.ReadFromJsonAsync<JsonElement>();
        using var ready = await gateway.Client.GetAsync("/readyz");

        before.IsSuccessStatusCode.ShouldBeTrue();
        identify.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        identify.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        problem.GetProperty("detail").GetString()!.ShouldContain("store is unavailable");
        ready.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
    }

    [StoreFact]
    public async Task AnOutageOfPostgres_KeepsTheGatewayServing_AndItRecoversWhenTheStoreReturns()
    {
        var server = await PostgresServer.GetAsync();
        var database = await server.CreateDatabaseAsync();
        var direct = new NpgsqlConnectionStringBuilder(database);
        await using var relay = new TcpRelay(new IPEndPoint(IPAddress.Loopback, direct.Port));
        var relayed = new NpgsqlConnectionStringBuilder(database) { Host = "127.0.0.1", Port = relay.Port, Timeout = 3 }.ConnectionString;
        using var logs = new LogCapture();
        await using var gateway = await GatewayServer.StartAsync(
            services => services.AddSingleton<ILoggerProvider>(logs), "--Storage:Provider=postgres", $"--Storage:ConnectionString={relayed}", "--Pipeline:PollMilliseconds=50");
        var lifetime = gateway.Services.GetRequiredService<IHostApplicationLifetime>();

        relay.Cut();
        using var during = await gateway.Client.PostAsync("/v1/identity/identify", new StringContent("""{"traits":{"email":"during@acme.test"}}"""));
        using var notReady = await gateway.Client.GetAsync("/readyz");
        await Eventually.TrueAsync(
            () => logs.Lines.Any(l => l.Contains("pipeline lane failed outside a pass", StringComparison.Ordinal)),
            "the pipeline worker to meet the outage",
            TimeSpan.FromSeconds(20));
        using var alive = await gateway.Client.GetAsync("/healthz");

        during.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        notReady.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        alive.StatusCode.ShouldBe(HttpStatusCode.OK);
        lifetime.ApplicationStopping.IsCancellationRequested.ShouldBeFalse("an unreachable store must not stop the gateway");

        relay.Restore();
        await Eventually.TrueAsync(
            async () =>
            {
                using var ready = await gateway.Client.GetAsync("/readyz");
                return ready.StatusCode == HttpStatusCode.OK;
            },
            "readiness once the store is back",
            TimeSpan.FromSeconds(20));
        using var after = await gateway.Client.PostAsync("/v1/staging", new StringContent("""[{"source":"none","email":"after@acme.test"}]"""));
        after.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        await Eventually.TrueAsync(
            async () => (await gateway.Client.GetFromJsonAsync<JsonElement>("/v1/pipeline")).GetProperty("staged").GetInt64() == 0,
            "the pipeline to work again",
            TimeSpan.FromSeconds(20));
        lifetime.ApplicationStopping.IsCancellationRequested.ShouldBeFalse();
    }
}
