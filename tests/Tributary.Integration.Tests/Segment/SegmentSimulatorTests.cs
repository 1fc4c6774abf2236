using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Tributary.IntegrationTests.Simulators;
using Tributary.Simulators;

namespace Tributary.IntegrationTests.Segment;

/// <summary>The Segment simulator's wire, spoken raw: limits, auth, silent drops, context merging, Profile API bodies.</summary>
public sealed class SegmentSimulatorTests(SegmentFixture fixture) : IClassFixture<SegmentFixture>, IDisposable
{
    private SegmentSimulator Simulator => fixture.Simulator;

    private HttpClient Client => fixture.Client;

    public void Dispose() => fixture.Clear();

    [Fact]
    public async Task Batch_OverFiveHundredKB_Answers400AndRecordsNothing()
    {
        var pad = new string('p', 30_000);
        var messages = Enumerable.Range(0, 20).Select(i => "{\"type\":\"track\",\"userId\":\"u\",\"event\":\"E\",\"messageId\":\"m" + i + "\",\"properties\":{\"pad\":\"" + pad + "\"}}");
        using var response = await PostAsync("/v1/batch", $$"""{"batch":[{{string.Join(",", messages)}}]}""");

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await ErrorCodeAsync(response)).ShouldBe("invalid_request_error");
        Simulator.Messages.ShouldBeEmpty();
    }

    [Fact]
    public async Task Track_OverThirtyTwoKB_Answers400()
    {
        using var response = await PostAsync("/v1/track", "{\"userId\":\"u\",\"event\":\"E\",\"properties\":{\"pad\":\"" + new string('p', 33_000) + "\"}}");

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        Simulator.Messages.ShouldBeEmpty();
    }

    [Fact]
    public async Task Track_WithMalformedJson_Answers400()
    {
        using var response = await PostAsync("/v1/track", """{"userId":"u","event":""");

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Track_WithoutCredentials_Answers401_AndWithTheKeyInTheBody_Accepts()
    {
        using var anonymous = await PostAsync("/v1/track", """{"userId":"u","event":"E"}""", authorize: false);
        anonymous.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);

        using var inBody = await PostAsync("/v1/track", $$"""{"writeKey":"{{Simulator.WriteKey}}","userId":"u","event":"E","messageId":"k"}""", authorize: false);
        inBody.StatusCode.ShouldBe(HttpStatusCode.OK);
        var message = Simulator.Messages.ShouldHaveSingleItem();
        message.Json.ShouldNotContain(Simulator.WriteKey);
    }

    [Fact]
    public async Task Batch_MergesTheSharedContextAndDropsMessagesSegmentWouldDrop()
    {
        using var response = await PostAsync("/v1/batch", """
            {"batch":[
              {"type":"identify","messageId":"gw-1","userId":"CUST-00042","traits":{"tier":"GOLD"}},
              {"type":"track","messageId":"gw-2","userId":"CUST-00042","event":"Done","context":{"ip":"10.0.0.1"}},
              {"type":"track","messageId":"gw-3","event":"No ids"},
              {"type":"track","messageId":"gw-4","userId":"CUST-00042"}
            ],"context":{"library":{"name":"enrichment-gateway","version":"1.0.0"}}}
            """);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).ShouldBe("""{"success":true}""");
        Simulator.Messages.Select(m => m.MessageId).ShouldBe(["gw-1", "gw-2"]);
        Simulator.DroppedMessages.ShouldBe(2);
        Simulator.Messages[0].Traits.GetProperty("tier").GetString().ShouldBe("GOLD");
        Simulator.Messages[1].Context.GetProperty("ip").GetString().ShouldBe("10.0.0.1");
        Simulator.Messages[1].Context.GetProperty("library").GetProperty("name").GetString().ShouldBe("enrichment-gateway");
    }

    [Fact]
    public async Task Traits_ForAnUnknownUser_Answers404WithTheErrorEnvelope()
    {
        using var response = await GetTraitsAsync("CUST-NOBODY");

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await ErrorCodeAsync(response)).ShouldBe("not_found");
        response.Headers.Contains("Request-Id").ShouldBeTrue();
    }

    [Fact]
    public async Task Traits_WhenThrottled_Answers429WithTheDocumentedBodyAndRetryAfter()
    {
        Simulator.Faults.TooManyRequests = true;
        Simulator.Faults.RetryAfterSeconds = 7;

        using var response = await GetTraitsAsync(SegmentSimulator.AdaUserId);

        response.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        response.Headers.RetryAfter!.Delta.ShouldBe(TimeSpan.FromSeconds(7));
        response.Headers.Contains("X-RateLimit-Reset").ShouldBeTrue();
        (await ErrorCodeAsync(response)).ShouldBe("rate_limit_error");
    }

    [Fact]
    public async Task Traits_PageWithLimitAndNext_AsTheCursorSays()
    {
        using var first = await GetTraitsAsync(SegmentSimulator.JaneDoeUserId, "?limit=3");
        using var firstBody = JsonDocument.Parse(await first.Content.ReadAsStringAsync());
        var cursor = firstBody.RootElement.GetProperty("cursor");
        firstBody.RootElement.GetProperty("traits").EnumerateObject().Select(t => t.Name).ShouldBe(["email", "phone", "firstName"]);
        cursor.GetProperty("has_more").GetBoolean().ShouldBeTrue();
        cursor.GetProperty("next").GetString().ShouldBe("lastName");

        using var second = await GetTraitsAsync(SegmentSimulator.JaneDoeUserId, "?limit=3&next=lastName");
        using var secondBody = JsonDocument.Parse(await second.Content.ReadAsStringAsync());
        secondBody.RootElement.GetProperty("traits").EnumerateObject().First().Name.ShouldBe("lastName");

        using var tooMany = await GetTraitsAsync(SegmentSimulator.JaneDoeUserId, "?limit=201");
        tooMany.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await ErrorCodeAsync(tooMany)).ShouldBe("validation_error");
    }

    [Fact]
    public async Task Traits_WithTheWriteKeyInsteadOfTheToken_Answers401()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, TraitsUri(SegmentSimulator.AdaUserId, ""));
        request.Headers.Authorization = BasicCredentials.For(Simulator.WriteKey);
        using var response = await Client.SendAsync(request);

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await ErrorCodeAsync(response)).ShouldBe("authentication_error");
    }

    private async Task<HttpResponseMessage> PostAsync(string path, string json, bool authorize = true)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        if (authorize)
        {
            request.Headers.Authorization = BasicCredentials.For(Simulator.WriteKey);
        }

        return await Client.SendAsync(request);
    }

    private async Task<HttpResponseMessage> GetTraitsAsync(string userId, string query = "")
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, TraitsUri(userId, query));
        request.Headers.Authorization = BasicCredentials.For(Simulator.AccessToken);
        return await Client.SendAsync(request);
    }

    private string TraitsUri(string userId, string query) =>
        $"/v1/spaces/{Simulator.SpaceId}/collections/users/profiles/user_id:{Uri.EscapeDataString(userId)}/traits{query}";

    private static async Task<string?> ErrorCodeAsync(HttpResponseMessage response)
    {
        response.Content.Headers.ContentType.ShouldBe(MediaTypeHeaderValue.Parse("application/json; charset=utf-8"));
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return body.RootElement.GetProperty("error").GetProperty("code").GetString();
    }
}
