using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Tributary.IntegrationTests.Infrastructure;
using Tributary.Simulators;
using Xunit.Abstractions;

namespace Tributary.IntegrationTests.Jobs;

/// <summary>What one large <c>POST /v1/jobs</c> costs the server in memory, and the limit that bounds it.</summary>
[Collection(AllocationMeasurementCollection.Name)]
public sealed class JobSubmissionMemoryTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Submission_Of16Megabytes_AllocatesLessThanFourTimesItsSize()
    {
        await using var gateway = await GatewayServer.StartAsync();
        await HoldTheRunnerAsync(gateway);
        var body = Body(10_000, 16_000_000);

        // The first submission also pays for pools and code that later ones reuse; both are reported, both bounded.
        var first = await MeasureAsync(gateway, body);
        var second = await MeasureAsync(gateway, body);

        output.WriteLine($"body {body.Length:N0} bytes; allocated {first:N0} bytes ({(double)first / body.Length:F2}×) first, {second:N0} bytes ({(double)second / body.Length:F2}×) after");
        first.ShouldBeLessThan(4L * body.Length);
        second.ShouldBeLessThan(4L * body.Length);
    }

    [Fact]
    public async Task Submission_OverTheLimitWithoutAContentLength_Is413Problem()
    {
        await using var gateway = await GatewayServer.StartAsync("--Jobs:MaxBodyBytes=100000");
        var body = Body(100, 150_000);

        // Chunked, so only reading the body can find out it is too large.
        using var content = new StreamContent(new MemoryStream(body));
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/jobs") { Content = content };
        request.Headers.TransferEncodingChunked = true;
        using var response = await gateway.Client.SendAsync(request);

        response.StatusCode.ShouldBe(HttpStatusCode.RequestEntityTooLarge);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString()!.ShouldContain("Jobs:MaxBodyBytes");
    }

    private static async Task<long> MeasureAsync(GatewayServer gateway, byte[] body)
    {
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        var before = GC.GetTotalAllocatedBytes(precise: true);
        using var response = await gateway.Client.PostAsync("/v1/jobs", content);
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - before;
        response.StatusCode.ShouldBe(HttpStatusCode.Accepted, await response.Content.ReadAsStringAsync());
        return allocated;
    }

    /// <summary>
    /// Keeps the job runner on a one-record job whose provider answers slowly, so it does not start on the measured
    /// submissions (jobs run one after another) and its work is not counted with theirs.
    /// </summary>
    private static async Task HoldTheRunnerAsync(GatewayServer gateway)
    {
        var sandbox = gateway.Services.GetRequiredService<SandboxSimulators>();
        sandbox.Clearbit.Faults.LatencyMs = 120_000;
        var id = await JobsClient.SubmitAsync(gateway.Client, $$"""{"records":[{"email":"{{SampleIdentifiers.JaneDoeEmail}}"}],"providers":["clearbit"]}""");
        await JobsClient.WaitAsync(gateway.Client, id, job => job.GetProperty("status").GetString() == "running");
    }

    /// <summary>A JSON array of <paramref name="records"/> records padded to about <paramref name="size"/> bytes.</summary>
    private static byte[] Body(int records, int size)
    {
        var padding = new string('x', (size / records) - 60);
        var json = new StringBuilder(size + 1024).Append('[');
        for (var i = 0; i < records; i++)
        {
            json.Append(i == 0 ? "" : ",").Append($$"""{"email":"p{{i:D5}}@unknown-company.com","note":"{{padding}}"}""");
        }

        var bytes = Encoding.UTF8.GetBytes(json.Append(']').ToString());
        bytes.Length.ShouldBeInRange(size - (size / 50), size);
        return bytes;
    }
}
