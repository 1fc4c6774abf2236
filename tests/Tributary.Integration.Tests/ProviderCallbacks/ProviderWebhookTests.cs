using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Tributary.Caching;
using Tributary.IntegrationTests.Infrastructure;
using Tributary.Simulators;
using Tributary.Storage;

namespace Tributary.IntegrationTests.ProviderCallbacks;

/// <summary>
/// <c>POST /webhooks/providers/clearbit</c> on the real gateway in sandbox mode: a signed delivery becomes its lookup's
/// answer, so the next <c>/v1/enrich</c> of the subject is served from the cache without a Clearbit call.
/// </summary>
public sealed class ProviderWebhookTests : IAsyncLifetime
{
    // Known to no simulator: whatever the gateway answers about them came by webhook.
    private const string Email = "sam.rivera@northwind.example";
    private const string Source = "clearbit-callback";

    private readonly LogCapture _logs = new();
    private GatewayServer _gateway = null!;

    public async Task InitializeAsync() =>
        _gateway = await GatewayServer.StartAsync(services => services.AddSingleton<ILoggerProvider>(_logs), "--Logging:LogLevel:Default=Debug");

    public async Task DisposeAsync() => await _gateway.DisposeAsync();

    private ClearbitSimulator Clearbit => _gateway.Services.GetRequiredService<SandboxSimulators>().Clearbit;

    private IStagingQueue Queue => _gateway.Services.GetRequiredService<IStagingQueue>();

    [Fact]
    public async Task ASignedDelivery_Is202_AndTheNextEnrichIsItsAnswer_WithoutAClearbitCall()
    {
        var body = ClearbitDelivery.Found(IdNow(), Email, "Sam Rivera", "Director of Data");

        using var response = await PostAsync(body, ClearbitDelivery.Sign(body));
        await DrainedAsync();
        var answer = await EnrichAsync(Email);

        response.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        var accepted = await response.Content.ReadFromJsonAsync<JsonElement>();
        accepted.GetProperty("accepted").GetInt32().ShouldBe(1);
        accepted.GetProperty("duplicate").GetBoolean().ShouldBeFalse();
        answer.GetProperty("name").GetString().ShouldBe("Sam Rivera");
        answer.GetProperty("jobTitle").GetString().ShouldBe("Director of Data");
        answer.GetProperty("companyName").GetString().ShouldBe("Northwind Traders");
        answer.GetProperty("employeeCount").GetInt64().ShouldBe(420);
        answer.GetProperty("providers").GetString().ShouldStartWith("clearbit:cached:");
        Clearbit.Calls.Total.ShouldBe(0);
        _logs.All.ShouldNotContain(Email, Case.Insensitive);
        _logs.All.ShouldNotContain("Sam Rivera", Case.Insensitive);
    }

    [Fact]
    public async Task ADeliveryWithoutAStatus_WithARecord_IsAFoundAnswer()
    {
        var body = ClearbitDelivery.Found(IdNow(), Email, "Sam Rivera", "Director of Data").Replace("\"status\":200,", "", StringComparison.Ordinal);

        using var response = await PostAsync(body, ClearbitDelivery.Sign(body));
        await DrainedAsync();
        var answer = await EnrichAsync(Email);

        body.ShouldNotContain("status");
        response.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        answer.GetProperty("name").GetString().ShouldBe("Sam Rivera");
        Clearbit.Calls.Total.ShouldBe(0);
    }

    [Fact]
    public async Task AQueuedLookup_IsAnsweredByClearbitsWebhook_AndTheNextEnrichIsServedFromTheCache()
    {
        // The simulator delivers to the URL the connector sends, so the gateway listens where that URL says.
        var port = TributaryProcess.FreePort();
        await _gateway.DisposeAsync();
        _gateway = await GatewayServer.StartAsync(
            services => services.AddSingleton<ILoggerProvider>(_logs),
            "--Logging:LogLevel:Default=Debug",
            $"--Kestrel:Endpoints:Web:Url=http://127.0.0.1:{port}",
            $"--Providers:Clearbit:WebhookUrl=http://127.0.0.1:{port}/webhooks/providers/clearbit");
        Clearbit.Faults.Queued = true;

        var queued = await EnrichAsync(SampleIdentifiers.JaneDoeEmail);
        await Eventually.TrueAsync(() => Clearbit.WebhookDeliveries["202"] == 1, "Clearbit's webhook to be accepted");
        await DrainedAsync();
        Clearbit.Faults.Reset();
        var calls = Clearbit.Calls.Total;
        var answered = await EnrichAsync(SampleIdentifiers.JaneDoeEmail);

        // The simulator delivers as soon as its 202 is sent, so the queued answer may already carry the record (as stale).
        queued.GetProperty("providers").GetString().ShouldStartWith("clearbit:queued:");
        answered.GetProperty("name").GetString().ShouldBe("Jane Doe");
        answered.GetProperty("jobTitle").GetString().ShouldBe(SampleIdentifiers.JaneDoeTitle);
        answered.GetProperty("providers").GetString().ShouldStartWith("clearbit:cached:");
        Clearbit.Calls.Total.ShouldBe(calls);
        _logs.All.ShouldNotContain(SampleIdentifiers.JaneDoeEmail, Case.Insensitive);
    }

    [Fact]
    public async Task AQueuedLookup_AskedAgainBeforeItsRecordCame_IsNotSentOrBilledAgain()
    {
        Clearbit.Faults.Queued = true;

        var first = await EnrichAsync(Email);
        var second = await EnrichAsync(Email);
        var third = await EnrichAsync(Email);
        var providers = await _gateway.Client.GetFromJsonAsync<JsonElement>("/v1/providers");
        var clearbit = providers.EnumerateArray().Single(p => p.GetProperty("name").GetString() == "clearbit");

        first.GetProperty("providers").GetString().ShouldStartWith("clearbit:queued:");
        second.GetProperty("providers").GetString().ShouldStartWith("clearbit:queued:");
        third.GetProperty("partial").GetBoolean().ShouldBeTrue();
        Clearbit.Calls.Total.ShouldBe(1);
        clearbit.GetProperty("costTotal").GetDecimal().ShouldBe(1);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task ANotFoundDelivery_IsKeptAsANoMatch_WithOrWithoutItsStatus(bool withStatus)
    {
        var body = ClearbitDelivery.NotFound(IdNow());
        body = withStatus ? body : body.Replace(",\"status\":404", "", StringComparison.Ordinal);

        using var response = await PostAsync(body, ClearbitDelivery.Sign(body));
        await DrainedAsync();
        var answer = await EnrichAsync(Email);

        response.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        answer.GetProperty("source").GetString().ShouldBe("none");
        answer.GetProperty("providers").GetString().ShouldStartWith("clearbit:cached:");
        Clearbit.Calls.Total.ShouldBe(0);
    }

    [Fact]
    public async Task ADeliveryAboutAnErasedSubject_IsAcknowledged_ButNotStored()
    {
        using var forget = new HttpRequestMessage(HttpMethod.Delete, "/v1/subjects") { Content = new StringContent($$"""{"email":"{{Email}}"}""", Encoding.UTF8, "application/json") };
        using var erased = await _gateway.Client.SendAsync(forget);
        var body = ClearbitDelivery.Found(IdNow(), Email, "Sam Rivera", "Director of Data");

        using var response = await PostAsync(body, ClearbitDelivery.Sign(body));
        await DrainedAsync();
        var ledger = _gateway.Services.GetRequiredService<ILookupLedger>();
        await ledger.FlushAsync(CancellationToken.None);

        erased.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        (await ledger.FindAsync(ClearbitDelivery.KeyFor(_gateway.Services, Email), CancellationToken.None)).ShouldBeNull();
    }

    [Fact]
    public async Task TheSameDeliveryAgain_IsADuplicate_AndChangesNothing()
    {
        var id = IdNow();
        var first = ClearbitDelivery.Found(id, Email, "Sam Rivera", "Director of Data");
        var replay = ClearbitDelivery.Found(id, Email, "Sam Rivera", "Chief Replay Officer");

        using var accepted = await PostAsync(first, ClearbitDelivery.Sign(first));
        await DrainedAsync();
        using var again = await PostAsync(first, ClearbitDelivery.Sign(first));
        using var altered = await PostAsync(replay, ClearbitDelivery.Sign(replay));
        var answer = await EnrichAsync(Email);

        accepted.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        foreach (var duplicate in new[] { again, altered })
        {
            duplicate.StatusCode.ShouldBe(HttpStatusCode.OK);
            (await duplicate.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("duplicate").GetBoolean().ShouldBeTrue();
        }

        (await Queue.CountAsync([Source], CancellationToken.None)).ShouldBe(0);
        answer.GetProperty("jobTitle").GetString().ShouldBe("Director of Data");
    }

    [Theory]
    [InlineData("missing")]
    [InlineData("forged")]
    [InlineData("another body's")]
    [InlineData("bare hex")]
    [InlineData("sha256")]
    [InlineData("base64")]
    [InlineData("another key")]
    public async Task AMissingForgedOrStaleFormatSignature_Is401_AndStoresNothing(string kind)
    {
        var id = IdNow();
        var body = ClearbitDelivery.Found(id, Email, "Sam Rivera", "Director of Data");
        var mac = ClearbitDelivery.Mac("sandbox_clearbit", body);
        var signature = kind switch
        {
            "missing" => null,
            "forged" => "sha1=" + new string('0', 40),
            "another body's" => ClearbitDelivery.Sign(body + " "),
            "bare hex" => Convert.ToHexStringLower(mac),
            "sha256" => "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes("sandbox_clearbit"), Encoding.UTF8.GetBytes(body))),
            "base64" => "sha1=" + Convert.ToBase64String(mac),
            _ => ClearbitDelivery.Sign(body, "sk_someone_else"),
        };

        using var response = await PostAsync(body, signature);

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        (await Queue.CountAsync([Source], CancellationToken.None)).ShouldBe(0);

        // Not even its dedup key was kept: the genuine delivery is still new.
        using var genuine = await PostAsync(body, ClearbitDelivery.Sign(body));
        genuine.StatusCode.ShouldBe(HttpStatusCode.Accepted);
    }

    [Theory]
    [InlineData("stripped", false)]
    [InlineData("stripped", true)]
    [InlineData("as configured", false)]
    public async Task TheSignature_MayBeKeyedWithOrWithoutThePrefix_InEitherCaseOfHex(string key, bool upperCase)
    {
        var body = ClearbitDelivery.Found(IdNow(), Email, "Sam Rivera", "Director of Data");
        var hex = Convert.ToHexStringLower(ClearbitDelivery.Mac(key == "stripped" ? "sandbox_clearbit" : ClearbitDelivery.SandboxKey, body));

        using var response = await PostAsync(body, "sha1=" + (upperCase ? hex.ToUpperInvariant() : hex));

        response.StatusCode.ShouldBe(HttpStatusCode.Accepted);
    }

    [Fact]
    public async Task ADeliveryForALookupOlderThanTheDedupWindow_Is401()
    {
        var body = ClearbitDelivery.Found(IdAt(DateTimeOffset.UtcNow.AddDays(-8)), Email, "Sam Rivera", "Director of Data");

        using var response = await PostAsync(body, ClearbitDelivery.Sign(body));

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await Queue.CountAsync([Source], CancellationToken.None)).ShouldBe(0);
    }

    [Fact]
    public async Task ADeliveryForALookupThisGatewayDidNotMake_IsAcknowledged_AndIgnored()
    {
        // As the provider notes' sample: a webhook_id someone else chose, for a lookup some other software made.
        var body = """{"id":"custom-webhook-id-123","type":"person_company","body":{"person":null,"company":{"name":"Example Inc","domain":"example.com"}},"status":200}""";

        using var first = await PostAsync(body, ClearbitDelivery.Sign(body));
        using var again = await PostAsync(body, ClearbitDelivery.Sign(body));

        first.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        (await first.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accepted").GetInt32().ShouldBe(0);
        again.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await Queue.CountAsync([Source], CancellationToken.None)).ShouldBe(0);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("[]")]
    [InlineData("null")]
    [InlineData("{}")]
    [InlineData("""{"id":"","type":"person","body":null,"status":404}""")]
    [InlineData("""{"id":"x","type":"person","body":null,"status":"found"}""")]
    [InlineData("""{"id":"x","body":null,"status":404}""")]
    [InlineData("""{"id":"x","type":"person","body":"Jane","status":200}""")]
    [InlineData("""{"id":"x","type":"person","body":{"name":"Jane"},"status":200}""")]
    [InlineData("""{"id":{"nested":true},"type":"person","body":null,"status":404}""")]
    public async Task AMalformedOrMisshapenBody_Is400(string body)
    {
        using var response = await PostAsync(body, ClearbitDelivery.Sign(body));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        (await Queue.CountAsync([Source], CancellationToken.None)).ShouldBe(0);
    }

    [Fact]
    public async Task ABodyOverOneMegabyte_Is413()
    {
        var body = ClearbitDelivery.NotFound(IdNow()) + new string(' ', 1024 * 1024);

        using var response = await PostAsync(body, ClearbitDelivery.Sign(body));

        response.StatusCode.ShouldBe(HttpStatusCode.RequestEntityTooLarge);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
    }

    [Theory]
    [InlineData("zoominfo")]
    [InlineData("nosuchprovider")]
    public async Task AProviderWithoutCallbacks_Is404(string provider)
    {
        var body = ClearbitDelivery.NotFound(IdNow());

        using var response = await PostAsync(body, ClearbitDelivery.Sign(body), provider);

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        (await response.Content.ReadAsStringAsync()).ShouldNotContain(provider);
    }

    private string IdNow() => IdAt(DateTimeOffset.UtcNow);

    private string IdAt(DateTimeOffset askedAt) => ClearbitDelivery.IdFor(_gateway.Services, Email, askedAt);

    private async Task<JsonElement> EnrichAsync(string email) =>
        await _gateway.EnrichAsync<JsonElement>($$"""{"email":"{{email}}","providers":["clearbit"]}""");

    /// <summary>Until no accepted delivery waits: each has been kept as its lookup's answer.</summary>
    private Task DrainedAsync() =>
        Eventually.TrueAsync(async () => await Queue.CountAsync([Source], CancellationToken.None) == 0, "the callback queue to drain");

    private async Task<HttpResponseMessage> PostAsync(string body, string? signature, string provider = "clearbit")
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/webhooks/providers/{provider}") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        if (signature is not null)
        {
            request.Headers.TryAddWithoutValidation("X-Request-Signature", signature);
        }

        return await _gateway.Client.SendAsync(request);
    }
}
