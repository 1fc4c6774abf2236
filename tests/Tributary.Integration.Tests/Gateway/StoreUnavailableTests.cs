using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Tributary.IntegrationTests.Infrastructure;
using Tributary.IntegrationTests.Storage;

namespace Tributary.IntegrationTests.Gateway;

/// <summary>A store that is gone is a 503 problem the caller may retry, and readiness says so, not an anonymous 500.</summary>
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
}
