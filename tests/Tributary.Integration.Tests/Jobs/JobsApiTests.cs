using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Tributary.IntegrationTests.Infrastructure;
using Tributary.Simulators;

namespace Tributary.IntegrationTests.Jobs;

/// <summary>The bulk jobs API on the real gateway in sandbox mode.</summary>
public sealed class JobsApiTests : IAsyncLifetime
{
    private const string Secret = "callback-secret-4b8e";

    private GatewayServer _gateway = null!;

    // The callback receivers of these tests listen on loopback, which only an explicit setting allows; Hunter is
    // switched off so that a job naming it can be refused.
    public async Task InitializeAsync() => _gateway = await GatewayServer.StartAsync(
        "--Providers:Hunter:Enabled=false", "--Jobs:AllowPrivateCallbacks=true", "--Jobs:MaxRecords=50", "--Jobs:MaxBodyBytes=200000", $"--Jobs:CallbackSecret={Secret}", "--Jobs:CallbackRetryDelayMs=50", "--Jobs:CallbackMaxAttempts=3");

    public async Task DisposeAsync() => await _gateway.DisposeAsync();

    private HttpClient Client => _gateway.Client;

    [Fact]
    public async Task Job_SubmittedAsAnArray_CompletesWithOneResultPerRecordInOrder()
    {
        var id = await JobsClient.SubmitAsync(Client, $$"""
            [{"email":"{{SampleIdentifiers.JaneDoeEmail}}"},
             {"email":"{{SampleIdentifiers.UnknownEmail}}"},
             {"email":"not-an-email"},
             {"phone":"(415) 222-0123"},
             {"domain":"acme.com"}]
            """);

        var job = await JobsClient.WaitForCompletionAsync(Client, id);

        job.GetProperty("status").GetString().ShouldBe("completed");
        job.GetProperty("total").GetInt64().ShouldBe(5);
        job.GetProperty("processed").GetInt64().ShouldBe(5);
        job.GetProperty("matched").GetInt64().ShouldBe(3);
        job.GetProperty("unmatched").GetInt64().ShouldBe(1);
        job.GetProperty("rejected").GetInt64().ShouldBe(1);
        job.GetProperty("failed").GetInt64().ShouldBe(0);
        job.GetProperty("progress").GetDouble().ShouldBe(1);
        job.GetProperty("finishedAt").GetDateTimeOffset().ShouldBeGreaterThanOrEqualTo(job.GetProperty("createdAt").GetDateTimeOffset());
        job.GetProperty("resultsUrl").GetString().ShouldBe($"/v1/jobs/{id}/results");

        var results = await JobsClient.ResultsAsync(Client, id);
        results.Select(r => r.GetProperty("index").GetInt32()).ShouldBe([0, 1, 2, 3, 4]);
        results.Select(r => r.GetProperty("status").GetString()).ShouldBe(["matched", "unmatched", "rejected", "matched", "matched"]);
        results[0].GetProperty("name").GetString().ShouldBe("Jane Doe");
        results[0].GetProperty("employeeCount").GetInt64().ShouldBe(500);
        results[2].GetProperty("reason").GetString()!.ShouldStartWith("email:");
        results[0].GetProperty("reason").GetString().ShouldBe(string.Empty);
        results.ShouldAllBe(r => r.EnumerateObject().All(m => m.Value.ValueKind != JsonValueKind.Null));
        results[3].GetProperty("name").GetString().ShouldBe("Jane Doe");
        results[4].GetProperty("companyName").GetString().ShouldBe(SampleIdentifiers.AcmeName);
    }

    [Fact]
    public async Task Job_SubmittedAsJsonLines_AndAsAnEnvelopeWithMode()
    {
        var lines = await JobsClient.SubmitAsync(Client, $$"""
            {"email":"{{SampleIdentifiers.JaneDoeEmail}}"}

            {"email":"{{SampleIdentifiers.UnknownEmail}}"}
            """, "application/x-ndjson");
        var envelope = await JobsClient.SubmitAsync(Client, $$"""
            {"records":[{"email":"{{SampleIdentifiers.JaneDoeEmail}}"}],"mode":"waterfall","providers":"zoominfo,clearbit"}
            """);

        (await JobsClient.WaitForCompletionAsync(Client, lines)).GetProperty("processed").GetInt64().ShouldBe(2);
        (await JobsClient.WaitForCompletionAsync(Client, envelope)).GetProperty("matched").GetInt64().ShouldBe(1);
        var result = (await JobsClient.ResultsAsync(Client, envelope)).ShouldHaveSingleItem();
        result.GetProperty("providers").GetString()!.ShouldStartWith("zoominfo:");
        result.GetProperty("providers").GetString()!.ShouldContain("clearbit:skipped");
    }

    [Fact]
    public async Task Job_BodyOverTheGatewayDefaultButUnderTheJobsLimit_IsAccepted()
    {
        var padding = new string('x', 2000);
        var body = "[" + string.Join(",", Enumerable.Range(0, 40).Select(i => $$"""{"email":"p{{i}}@unknown-company.com","note":"{{padding}}"}""")) + "]";
        Encoding.UTF8.GetByteCount(body).ShouldBeGreaterThan(64 * 1024);

        var id = await JobsClient.SubmitAsync(Client, body);

        (await JobsClient.WaitForCompletionAsync(Client, id)).GetProperty("unmatched").GetInt64().ShouldBe(40);
    }

    [Theory]
    [InlineData("", "body", 400)]
    [InlineData("[]", "records", 400)]
    [InlineData("""{"records":[]}""", "records", 400)]
    [InlineData("""[{"email":"jane.doe@acme.com"}""", "body", 400)]
    [InlineData("""{"records":[{"email":"jane.doe@acme.com"}],"callbackUrl":"not a url"}""", "callbackUrl", 400)]
    [InlineData("""{"records":[{"email":"jane.doe@acme.com"}],"callbackUrl":"ftp://example.com/hook"}""", "callbackUrl", 400)]
    [InlineData("""{"records":[{"email":"jane.doe@acme.com"}],"callbackUrl":"/relative"}""", "callbackUrl", 400)]
    [InlineData("""{"records":[{"email":"jane.doe@acme.com"}],"callbackUrl":"https://user:secret@hooks.example.com/cb"}""", "callbackUrl", 400)]
    [InlineData("""{"records":{"email":"jane.doe@acme.com"}}""", "records", 400)]
    [InlineData("""[{"email":"jane.doe@acme.com"}, 42]""", "records[1]", 400)]
    [InlineData("""[{"email":42}]""", "records[0]", 400)]
    [InlineData("""[{"id":{"a":1},"email":"a@b.com"}]""", "records[0]", 400)]
    [InlineData("""[{"email":"a@b.com"},{"externalId":[1],"email":"c@d.com"}]""", "records[1]", 400)]
    [InlineData("""[{"ID":true,"email":"a@b.com"}]""", "records[0]", 400)]
    [InlineData("""[{"id":"a","Id":"b","email":"a@b.com"}]""", "records[0]", 400)]
    [InlineData("""{"records":[{"externalId":{"crm":"x"},"email":"a@b.com"}]}""", "records[0]", 400)]
    [InlineData("{\"email\":\"a@acme.com\"}\n{\"email\":\"b@acme.com\",\"id\":false}", "line 2", 400)]
    [InlineData("""{"records":[{"email":"jane.doe@acme.com"}],"mode":"sideways"}""", "mode", 400)]
    [InlineData("""{"records":[{"email":"jane.doe@acme.com"}],"providers":["nosuch"]}""", "providers", 400)]
    [InlineData("""{"records":[{"email":"jane.doe@acme.com"}],"providers":["clearbit","hunter"]}""", "providers", 400)]
    [InlineData("{\"email\":\"a@acme.com\"}\n{\"email\":", "body", 400)]
    [InlineData("nonsense", "body", 400)]
    [InlineData("{}", "records", 400)]
    [InlineData("""{"mode":"waterfall"}""", "records", 400)]
    [InlineData("""{"callbackUrl":"http://127.0.0.1:9/cb"}""", "records", 400)]
    [InlineData("""{"email":"jane.doe@acme.com","callbackUrl":"http://127.0.0.1:9/cb"}""", "records", 400)]
    [InlineData("""{"Records":{"email":"jane.doe@acme.com"}}""", "records", 400)]
    public async Task Job_BadInput_IsAProblemNamingTheField(string body, string field, int status)
    {
        using var response = await Client.PostAsync("/v1/jobs", new StringContent(body));

        ((int)response.StatusCode).ShouldBe(status);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        problem.GetProperty("field").GetString().ShouldBe(field);
        problem.GetProperty("requestId").GetString().ShouldNotBeNullOrEmpty();
    }

    [Fact]
    public async Task Job_EnvelopeWithMembersInAnyCase_KeepsItsRecordsAndCallback()
    {
        await using var receiver = await CallbackReceiver.StartAsync();

        var id = await JobsClient.SubmitAsync(Client, $$"""
            {"Records":[{"email":"{{SampleIdentifiers.JaneDoeEmail}}"},{"email":"{{SampleIdentifiers.UnknownEmail}}"}],"CallbackUrl":"{{receiver.Url}}"}
            """);
        var job = await JobsClient.WaitAsync(Client, id, j => j.GetProperty("callback").ValueKind == JsonValueKind.Null
            || j.GetProperty("callback").GetProperty("state").GetString() is "delivered" or "failed");

        job.GetProperty("total").GetInt64().ShouldBe(2);
        job.GetProperty("matched").GetInt64().ShouldBe(1);
        job.GetProperty("unmatched").GetInt64().ShouldBe(1);
        job.GetProperty("callback").GetProperty("state").GetString().ShouldBe("delivered");
        receiver.Requests.Count.ShouldBe(1);
    }

    [Fact]
    public async Task Job_OneRecordSentAlone_IsAJobOfThatRecord()
    {
        var id = await JobsClient.SubmitAsync(Client, $$"""{"Email":"{{SampleIdentifiers.JaneDoeEmail}}","id":"lead-1","ExternalId":7}""");

        var job = await JobsClient.WaitForCompletionAsync(Client, id);

        job.GetProperty("total").GetInt64().ShouldBe(1);
        job.GetProperty("matched").GetInt64().ShouldBe(1);
        var result = (await JobsClient.ResultsAsync(Client, id)).ShouldHaveSingleItem();
        result.GetProperty("id").GetString().ShouldBe("lead-1");
        result.GetProperty("externalId").GetInt32().ShouldBe(7);
    }

    [Fact]
    public async Task Job_ResultOfAnErasedSubject_KeepsItsIndexButNotTheCallersId()
    {
        const string Erased = "erase-me@unknown-company.com";
        var id = await JobsClient.SubmitAsync(Client, $$"""[{"id":"lead-1","email":"{{SampleIdentifiers.UnknownEmail}}"},{"id":"lead-2","email":"{{Erased}}"}]""");
        await JobsClient.WaitForCompletionAsync(Client, id);

        var (status, receipt) = await Privacy.ErasureTests.ForgetAsync(_gateway, $$"""{"email":"{{Erased}}"}""");

        status.ShouldBe(200, receipt.ToString());
        var results = await JobsClient.ResultsAsync(Client, id);
        results.Select(r => r.GetProperty("index").GetInt32()).ShouldBe([0, 1]);
        results[0].GetProperty("id").GetString().ShouldBe("lead-1");
        results[1].GetProperty("erased").GetBoolean().ShouldBeTrue();
        results[1].TryGetProperty("id", out _).ShouldBeFalse("a caller's id may name the person");
    }

    [Fact]
    public async Task Job_OverTheRecordLimit_Is400AndOverTheBodyLimit_Is413()
    {
        var tooMany = "[" + string.Join(",", Enumerable.Range(0, 51).Select(i => $$"""{"email":"p{{i}}@acme.com"}""")) + "]";
        var tooLarge = "[" + string.Join(",", Enumerable.Range(0, 45).Select(i => $$"""{"email":"p{{i}}@acme.com","note":"{{new string('x', 5000)}}"}""")) + "]";

        using var many = await Client.PostAsync("/v1/jobs", new StringContent(tooMany));
        using var large = await Client.PostAsync("/v1/jobs", new StringContent(tooLarge));

        many.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await many.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString()!.ShouldContain("50");
        large.StatusCode.ShouldBe(HttpStatusCode.RequestEntityTooLarge);
        large.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
    }

    [Fact]
    public async Task Job_Unknown_Is404Problem()
    {
        using var status = await Client.GetAsync("/v1/jobs/nosuchjob");
        using var results = await Client.GetAsync("/v1/jobs/nosuchjob/results");

        status.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        status.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        results.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Job_WithCallback_PostsTheStatusOnceSigned_RetryingAfterA500()
    {
        await using var receiver = await CallbackReceiver.StartAsync();
        receiver.FailFirst = 1;

        var id = await JobsClient.SubmitAsync(Client, $$"""{"records":[{"email":"{{SampleIdentifiers.JaneDoeEmail}}"}],"callbackUrl":"{{receiver.Url}}"}""");
        var job = await JobsClient.WaitAsync(Client, id, j => j.GetProperty("callback").GetProperty("state").GetString() is "delivered" or "failed");

        job.GetProperty("callback").GetProperty("state").GetString().ShouldBe("delivered");
        job.GetProperty("callback").GetProperty("attempts").GetInt32().ShouldBe(2);
        job.GetProperty("callback").GetProperty("url").GetString().ShouldBe(receiver.Url);
        receiver.Requests.Count.ShouldBe(2);
        foreach (var request in receiver.Requests)
        {
            request.ContentType.ShouldBe("application/json");
            Verify(request, Secret).ShouldBeTrue("the signature must verify with the shared secret");
            Verify(request, "another-secret").ShouldBeFalse();
            long.Parse(request.Timestamp, System.Globalization.CultureInfo.InvariantCulture).ShouldBeInRange(
                DateTimeOffset.UtcNow.AddMinutes(-5).ToUnixTimeSeconds(), DateTimeOffset.UtcNow.ToUnixTimeSeconds());
            using var body = JsonDocument.Parse(request.Body);
            body.RootElement.GetProperty("jobId").GetString().ShouldBe(id);
            body.RootElement.GetProperty("status").GetString().ShouldBe("completed");
            body.RootElement.GetProperty("matched").GetInt64().ShouldBe(1);
            body.RootElement.GetProperty("error").ValueKind.ShouldBe(JsonValueKind.Null, "the status as GET /v1/jobs/{id} has it");
            body.RootElement.TryGetProperty("callback", out _).ShouldBeFalse("the callback posts the status without its callback member");
            Encoding.UTF8.GetString(request.Body).ShouldNotContain("\\u002B", Case.Sensitive, "times are written as GET /v1/jobs/{id} writes them");
        }

        // Delivered is final: the job records it, and only undelivered callbacks are ever sent.
        var final = await Client.GetFromJsonAsync<JsonElement>($"/v1/jobs/{id}");
        final.GetProperty("callback").GetProperty("state").GetString().ShouldBe("delivered");
        receiver.Requests.Count.ShouldBe(2);
    }

    [Theory]
    [InlineData(404)]
    [InlineData(400)]
    public async Task Job_WithCallbackAnsweredA4xx_IsRetriedUntilA2xx(int status)
    {
        await using var receiver = await CallbackReceiver.StartAsync();
        receiver.FailFirst = 2;
        receiver.FailWith = status;

        var id = await JobsClient.SubmitAsync(Client, $$"""{"records":[{"email":"{{SampleIdentifiers.UnknownEmail}}"}],"callbackUrl":"{{receiver.Url}}"}""");
        var job = await JobsClient.WaitAsync(Client, id, j => j.GetProperty("callback").GetProperty("state").GetString() is "delivered" or "failed");

        job.GetProperty("callback").GetProperty("state").GetString().ShouldBe("delivered");
        job.GetProperty("callback").GetProperty("attempts").GetInt32().ShouldBe(3);
        receiver.Requests.Count.ShouldBe(3);
    }

    [Fact]
    public async Task Job_WithCallbackThatKeepsFailing_GivesUpAfterTheConfiguredAttempts()
    {
        await using var receiver = await CallbackReceiver.StartAsync();
        receiver.FailFirst = int.MaxValue;

        var id = await JobsClient.SubmitAsync(Client, $$"""{"records":[{"email":"{{SampleIdentifiers.UnknownEmail}}"}],"callbackUrl":"{{receiver.Url}}"}""");
        var job = await JobsClient.WaitAsync(Client, id, j => j.GetProperty("callback").GetProperty("state").GetString() is "delivered" or "failed");

        job.GetProperty("callback").GetProperty("state").GetString().ShouldBe("failed");
        job.GetProperty("callback").GetProperty("attempts").GetInt32().ShouldBe(3);
        receiver.Requests.Count.ShouldBe(3);
    }

    [Fact]
    public async Task Job_WithCallbackToAHostNameOnLoopback_IsDeliveredWhenPrivateCallbacksAreAllowed()
    {
        await using var receiver = await CallbackReceiver.StartAsync();
        var url = receiver.Url.Replace("127.0.0.1", "localhost", StringComparison.Ordinal);

        var id = await JobsClient.SubmitAsync(Client, $$"""{"records":[{"email":"{{SampleIdentifiers.JaneDoeEmail}}"}],"callbackUrl":"{{url}}"}""");
        var job = await JobsClient.WaitAsync(Client, id, j => j.GetProperty("callback").GetProperty("state").GetString() is not ("none" or "pending"));

        job.GetProperty("callback").GetProperty("state").GetString().ShouldBe("delivered");
        receiver.Requests.Count.ShouldBe(1);
    }

    [Fact]
    public async Task Job_WithCallbackThatRedirects_IsNotFollowed()
    {
        await using var elsewhere = await CallbackReceiver.StartAsync();
        await using var receiver = await CallbackReceiver.StartAsync();
        receiver.RedirectTo = elsewhere.Url;

        var id = await JobsClient.SubmitAsync(Client, $$"""{"records":[{"email":"{{SampleIdentifiers.JaneDoeEmail}}"}],"callbackUrl":"{{receiver.Url}}"}""");
        var job = await JobsClient.WaitAsync(Client, id, j => j.GetProperty("callback").GetProperty("state").GetString() is not ("none" or "pending"));

        job.GetProperty("callback").GetProperty("state").GetString().ShouldBe("failed");
        receiver.Requests.ShouldNotBeEmpty();
        elsewhere.Requests.ShouldBeEmpty();
    }

    /// <summary>The receiver's side of docs/jobs.md: HMAC-SHA256(secret, timestamp + "." + raw body), compared in constant time.</summary>
    private static bool Verify(ReceivedCallback request, string secret)
    {
        var signed = Encoding.UTF8.GetBytes(request.Timestamp + ".").Concat(request.Body).ToArray();
        var expected = "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), signed));
        return CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(expected), Encoding.UTF8.GetBytes(request.Signature));
    }
}
