using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Tributary.IntegrationTests.Infrastructure;
using Tributary.Simulators;
using Tributary.Storage;

namespace Tributary.IntegrationTests.ProviderCallbacks;

/// <summary>
/// Scale-out: a Clearbit delivery one gateway stored is applied by a separate <c>tributary worker</c> process on the same
/// store, so the gateway's next lookup of the subject is served from it without a Clearbit call.
/// </summary>
public sealed class CallbacksInTheWorkerTests : IDisposable
{
    // Known to no simulator: whatever the gateway answers about them came by webhook.
    private const string Email = "sam.rivera@northwind.example";

    private readonly TempDirectory _directory = new();

    private string Database => _directory.File("tributary.db");

    [Fact]
    public async Task ADeliveryStoredByAGateway_IsKeptByATributaryWorkerProcess_AndServedByTheGateway()
    {
        await using var gateway = await GatewayServer.StartOnDatabaseAsync(Database, GatewaysWithoutCallbackWorker.Remove, "--Sandbox:Warmup=false");
        var queue = gateway.Services.GetRequiredService<IStagingQueue>();
        var body = ClearbitDelivery.Found(ClearbitDelivery.IdFor(gateway.Services, Email, DateTimeOffset.UtcNow), Email, "Sam Rivera", "Director of Data");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/webhooks/providers/clearbit") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add("X-Request-Signature", ClearbitDelivery.Sign(body));
        using var accepted = await gateway.Client.SendAsync(request);
        var waitingBefore = await queue.CountAsync(["clearbit-callback"], CancellationToken.None);

        // The worker's own sandbox Clearbit is on loopback too, so the lookup's key is one of its configuration's.
        await using var worker = await TributaryProcess.RunAsync(
            ["worker", "--once"],
            new Dictionary<string, string?> { ["Storage__ConnectionString"] = $"Data Source={Database}", ["Sandbox__Warmup"] = "false" },
            _directory.Path);
        var answer = await gateway.EnrichAsync<JsonElement>($$"""{"email":"{{Email}}","providers":["clearbit"]}""");

        accepted.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        waitingBefore.ShouldBe(1, "the gateway stored the delivery and left it");
        worker.ExitCode.ShouldBe(0, worker.Output);
        (await queue.CountAsync(["clearbit-callback"], CancellationToken.None)).ShouldBe(0);
        answer.GetProperty("name").GetString().ShouldBe("Sam Rivera");
        answer.GetProperty("jobTitle").GetString().ShouldBe("Director of Data");
        answer.GetProperty("providers").GetString().ShouldStartWith("clearbit:cached:");
        gateway.Services.GetRequiredService<SandboxSimulators>().Clearbit.Calls.Total.ShouldBe(0);
        worker.Output.ShouldNotContain(Email, Case.Insensitive);
    }

    public void Dispose() => _directory.Dispose();
}
