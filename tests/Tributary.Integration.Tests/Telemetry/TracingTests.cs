using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Tributary.IntegrationTests.Connectors;
using Tributary.IntegrationTests.Infrastructure;
using Tributary.IntegrationTests.Jobs;
using Tributary.Simulators;

namespace Tributary.IntegrationTests.Telemetry;

/// <summary>
/// Traces exported over OTLP (HTTP/protobuf) to a receiver on loopback: a span per provider lookup under the request's,
/// the trace id in error answers, and no identifier in any exported byte. Alone: the exporter takes every span of the
/// process, so gateways of other tests running at the same time would add theirs.
/// </summary>
[Collection(MetricsCollection.Name)]
public sealed class TracingTests
{
    [Fact]
    public async Task WithAnOtlpEndpoint_RequestsAndProviderLookupsAreExported_WithoutPii_AndErrorsNameTheirTrace()
    {
        var received = new ConcurrentQueue<byte[]>();
        await using var receiver = await StartReceiverAsync(received);

        string traceId;
        await using (var gateway = await GatewayServer.StartAsync($"--Telemetry:OtlpEndpoint={receiver.BaseUrl}"))
        {
            (await gateway.EnrichAsync<JsonElement>($$"""{"email":"{{SampleIdentifiers.JaneDoeEmail}}"}""")).GetProperty("name").GetString().ShouldBe("Jane Doe");
            using var bad = await gateway.EnrichAsync("""{"email":"not-an-email"}""");
            var problem = await bad.Content.ReadFromJsonAsync<JsonElement>();
            // ASP.NET Core's problem details carry the W3C trace context: 00-<trace id>-<span id>-<flags>.
            traceId = problem.GetProperty("traceId").GetString()!.Split('-')[1];
        }

        // Stopping the gateway flushes what the batch exporter still held.
        var exported = received.SelectMany(static b => b).ToArray();
        exported.Length.ShouldBeGreaterThan(0, "the receiver got no OTLP export");
        Contains(exported, "provider clearbit").ShouldBeTrue("a span per provider lookup");
        Contains(exported, "tributary.status").ShouldBeTrue();
        Contains(exported, "/v1/enrich").ShouldBeTrue("the request's own span");
        exported.AsSpan().IndexOf(Convert.FromHexString(traceId)).ShouldBeGreaterThanOrEqualTo(0, "the error answer names a trace that was exported");
        foreach (var pii in new[] { SampleIdentifiers.JaneDoeEmail, "not-an-email", SampleIdentifiers.JaneDoePhone })
        {
            Contains(exported, pii).ShouldBeFalse($"'{pii}' was exported in a trace");
        }
    }

    [Fact]
    public async Task EachSubject_IsASpanAboveItsProviderLookups_UnderTheRequest_OrATraceOfItsOwnInABatchJob()
    {
        var received = new ConcurrentQueue<byte[]>();
        await using var receiver = await StartReceiverAsync(received);

        var jobEmails = Enumerable.Range(0, 3).Select(static i => $"traced.record{i}@example.com").ToArray();
        await using (var gateway = await GatewayServer.StartAsync($"--Telemetry:OtlpEndpoint={receiver.BaseUrl}"))
        {
            (await gateway.EnrichAsync<JsonElement>($$"""{"email":"{{SampleIdentifiers.JaneDoeEmail}}"}""")).GetProperty("name").GetString().ShouldBe("Jane Doe");
            var id = await JobsClient.SubmitAsync(gateway.Client, "[" + string.Join(",", jobEmails.Select(static e => $$"""{"email":"{{e}}"}""")) + "]");
            (await JobsClient.WaitForCompletionAsync(gateway.Client, id)).GetProperty("processed").GetInt64().ShouldBe(3);
        }

        var spans = received.SelectMany(OtlpSpan.Decode).ToList();
        var subjects = spans.Where(static s => s.Name == "enrich person").ToList();
        subjects.Count.ShouldBe(4, "one span per enriched subject: the request's and the job's three records");
        var request = spans.Single(static s => s.Name.Contains("/v1/enrich", StringComparison.Ordinal));
        var underRequest = subjects.Single(s => s.TraceId == request.TraceId);
        underRequest.ParentSpanId.ShouldBe(request.SpanId);

        var records = subjects.Where(s => s.TraceId != request.TraceId).ToList();
        records.Count.ShouldBe(3);
        records.Select(static s => s.TraceId).Distinct().Count().ShouldBe(3, "each job record is a trace of its own");
        records.ShouldAllBe(static s => s.ParentSpanId == "", "a batch record's span is its trace's root");
        foreach (var subject in subjects)
        {
            spans.ShouldContain(s => s.Name == "provider clearbit" && s.TraceId == subject.TraceId && s.ParentSpanId == subject.SpanId,
                "the provider lookup is a child of its subject's span");
            subject.Attributes["tributary.matched"].ShouldBe(subject == underRequest ? "true" : "false");
        }

        var exported = received.SelectMany(static b => b).ToArray();
        foreach (var pii in jobEmails.Append(SampleIdentifiers.JaneDoeEmail))
        {
            Contains(exported, pii).ShouldBeFalse($"'{pii}' was exported in a trace");
        }
    }

    [Fact]
    public async Task AnOtlpEndpointThatIsNotAUrl_StopsTheGatewayNamingTheSetting()
    {
        var error = await Should.ThrowAsync<Exception>(() => GatewayServer.StartAsync("--Sandbox:Enabled=false", "--Telemetry:OtlpEndpoint=collector:4318"));

        error.Message.ShouldContain("Telemetry:OtlpEndpoint");
    }

    /// <summary>An OTLP/HTTP receiver on loopback that keeps every export request's body.</summary>
    private static Task<StubApi> StartReceiverAsync(ConcurrentQueue<byte[]> received) =>
        StubApi.StartAsync(app => app.MapPost("/v1/traces", async (HttpRequest request) =>
        {
            using var body = new MemoryStream();
            await request.Body.CopyToAsync(body);
            received.Enqueue(body.ToArray());
            return Results.Ok();
        }));

    private static bool Contains(byte[] haystack, string text) => haystack.AsSpan().IndexOf(Encoding.UTF8.GetBytes(text)) >= 0;
}
