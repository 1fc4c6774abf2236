using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Tributary.Host.Jobs;
using Tributary.IntegrationTests.Infrastructure;
using Tributary.Simulators;
using Tributary.Storage;

namespace Tributary.IntegrationTests.Jobs;

/// <summary>
/// A job's callback must not let a caller make the server call into its own network: loopback, private, link-local
/// (the cloud metadata address) and the like are refused unless <c>Jobs:AllowPrivateCallbacks</c> is set. Unset, they
/// are allowed while the gateway listens on loopback only; these tests turn it off, as a gateway others reach has it.
/// </summary>
public sealed class JobCallbackDestinationTests : IAsyncLifetime
{
    private GatewayServer _gateway = null!;
    private CallbackReceiver _receiver = null!;

    public async Task InitializeAsync()
    {
        _gateway = await GatewayServer.StartAsync(
            "--Jobs:AllowPrivateCallbacks=false", "--Jobs:CallbackRetryDelayMs=50", "--Jobs:CallbackMaxAttempts=3", "--Jobs:CallbackTimeoutMs=2000");
        _receiver = await CallbackReceiver.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _receiver.DisposeAsync();
        await _gateway.DisposeAsync();
    }

    private HttpClient Client => _gateway.Client;

    private int ReceiverPort => new Uri(_receiver.Url).Port;

    [Theory]
    [InlineData("http://127.0.0.1:{port}/hooks/jobs")]
    [InlineData("http://[::ffff:127.0.0.1]:{port}/hooks/jobs")]
    [InlineData("http://[::1]:{port}/hooks/jobs")]
    [InlineData("http://169.254.169.254/latest/meta-data/")]
    [InlineData("http://10.20.30.40/hook")]
    [InlineData("http://[fd12:3456::1]/hook")]
    public async Task Callback_ToANonPublicAddressWrittenInTheUrl_IsRefusedAtSubmission(string template)
    {
        var url = template.Replace("{port}", ReceiverPort.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);

        using var response = await Client.PostAsync("/v1/jobs", new StringContent($$"""{"records":[{"email":"{{SampleIdentifiers.JaneDoeEmail}}"}],"callbackUrl":"{{url}}"}"""));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        problem.GetProperty("field").GetString().ShouldBe("callbackUrl");
        problem.GetProperty("detail").GetString()!.ShouldContain("Jobs:AllowPrivateCallbacks");
        _receiver.Requests.ShouldBeEmpty();
    }

    [Fact]
    public async Task Callback_ToAHostNameThatResolvesToLoopback_IsRefusedWithoutContactingIt()
    {
        var url = $"http://localhost:{ReceiverPort}/hooks/jobs";

        var id = await JobsClient.SubmitAsync(Client, $$"""{"records":[{"email":"{{SampleIdentifiers.JaneDoeEmail}}"}],"callbackUrl":"{{url}}"}""");
        var job = await WaitForCallbackOutcomeAsync(id);

        job.GetProperty("status").GetString().ShouldBe("completed");
        AssertRefused(job);
    }

    [Theory]
    [InlineData("http://127.0.0.1:{port}/hooks/jobs")]
    [InlineData("http://[::ffff:127.0.0.1]:{port}/hooks/jobs")]
    [InlineData("http://169.254.169.254/latest/meta-data/")]
    public async Task Callback_StoredBeforeTheCheck_IsRefusedWhenItIsSent(string template)
    {
        // A job accepted by an earlier server (or with the setting on at the time) is checked again when called back.
        var url = template.Replace("{port}", ReceiverPort.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        var store = _gateway.Services.GetRequiredService<IJobStore>();
        var id = Guid.NewGuid().ToString("N");
        await store.CreateAsync(new NewJob(id, DateTimeOffset.UtcNow, "{}", url, ["""{"email":"nobody@unknown-company.com"}"""]), CancellationToken.None);
        // Finished here, or by the gateway's own runner when it claimed the job first: either way its callback is pending.
        if (await store.TryClaimAsync(id, "test", DateTimeOffset.UtcNow, TimeSpan.FromMinutes(5), CancellationToken.None))
        {
            await store.FinishAsync(id, "test", JobState.Completed, null, DateTimeOffset.UtcNow, CancellationToken.None);
        }

        _gateway.Services.GetRequiredService<JobWakeup>().CallbackPending();

        var job = await WaitForCallbackOutcomeAsync(id);

        AssertRefused(job);
    }

    [Fact]
    public async Task Callback_FromAGatewayOnLoopbackOnly_ReachesAReceiverOnThisMachine()
    {
        await using var local = await GatewayServer.StartAsync("--Jobs:CallbackRetryDelayMs=50");

        var id = await JobsClient.SubmitAsync(local.Client, $$"""{"records":[{"email":"{{SampleIdentifiers.JaneDoeEmail}}"}],"callbackUrl":"{{_receiver.Url}}"}""");
        var job = await WaitForCallbackOutcomeAsync(local.Client, id);

        job.GetProperty("callback").GetProperty("state").GetString().ShouldBe("delivered");
        _receiver.Requests.Count.ShouldBe(1);
    }

    private Task<JsonElement> WaitForCallbackOutcomeAsync(string id) => WaitForCallbackOutcomeAsync(Client, id);

    private static async Task<JsonElement> WaitForCallbackOutcomeAsync(HttpClient client, string id) =>
        await JobsClient.WaitAsync(client, id, j => j.GetProperty("callback").GetProperty("state").GetString() is not ("none" or "pending"), seconds: 30);

    private void AssertRefused(JsonElement job)
    {
        var callback = job.GetProperty("callback");
        callback.GetProperty("state").GetString().ShouldBe("refused");
        callback.GetProperty("attempts").GetInt32().ShouldBe(1, "a refused destination is not retried");
        _receiver.Requests.ShouldBeEmpty();

        // Nothing about the network behind the address: no socket error, no resolved address.
        var text = job.GetRawText();
        text.ShouldNotContain("Connection", Case.Insensitive);
        text.ShouldNotContain("socket", Case.Insensitive);
        job.GetProperty("error").ValueKind.ShouldBe(JsonValueKind.Null);
    }
}
