using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Tributary.IntegrationTests.Connectors;
using Tributary.IntegrationTests.Infrastructure;
using Tributary.Simulators;
using Tributary.Storage;

namespace Tributary.IntegrationTests.ContactCenter;

/// <summary>
/// What a caller event writes when an in-house CRM (a REST provider looked up by phone) answers: External Contacts
/// keyed by the number the caller rang from, partial answers told apart from unknown callers, log lines that
/// correlate, and dead letters that count the attempts made. Sandbox mode on a fake clock.
/// </summary>
public sealed partial class CallerProfileTests : IAsyncLifetime
{
    private const string Participant = "7c2e4b3d-0000-4000-8000-000000000002";
    private const string Known = "+14152229876";
    private const string Slow = "+14152229877";
    private const string FullNameOnly = "+14152229878";
    private const string OneWordName = "+14152229879";

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 5, 10, 0, 0, TimeSpan.Zero));
    private readonly LogCapture _logs = new();
    private StubApi _crm = null!;
    private GatewayServer _gateway = null!;

    private GenesysSimulator Genesys => _gateway.Services.GetRequiredService<SandboxSimulators>().Genesys;

    public async Task InitializeAsync()
    {
        _crm = await StubApi.StartAsync(MapCrm);
        _gateway = await GatewayServer.StartAsync(
            services => services.AddSingleton<TimeProvider>(_time).AddSingleton<ILoggerProvider>(_logs),
            "--Sandbox:Enabled=true",
            "--Logging:LogLevel:Default=Information",
            "--Genesys:MaxAttempts=3",
            "--Genesys:ExternalContacts:Enabled=true",
            "--Genesys:ExternalContacts:CoalesceSeconds=1",
            "--Sandbox:Enabled=true", // a real CRM, tried against the simulated providers
            $"--Providers:Http:Crm:BaseUrl={_crm.BaseUrl}",
            "--Providers:Http:Crm:PathTemplate=/customers/by-phone/{phone}",
            "--Providers:Http:Crm:Mapping:firstName=data.first",
            "--Providers:Http:Crm:Mapping:lastName=data.last",
            "--Providers:Http:Crm:Mapping:name=data.full",
            "--Providers:Http:Crm:Mapping:jobTitle=data.title");
    }

    public async Task DisposeAsync()
    {
        // A caller stops waiting for the hanging CRM at its budget, while the call runs on through its attempt timeout
        // and maybe a retry, each timed on this clock; the host's disposal waits for calls in flight. So the clock
        // keeps moving until the host is gone.
        using var disposed = new CancellationTokenSource();
        var ticking = Task.Run(async () =>
        {
            while (!disposed.IsCancellationRequested)
            {
                _time.Advance(TimeSpan.FromMilliseconds(100));
                await Task.Delay(10, CancellationToken.None);
            }
        });
        await _gateway.DisposeAsync();
        await disposed.CancelAsync();
        await ticking;
        await _crm.DisposeAsync();
    }

    /// <summary>
    /// The CRM knows callers by name (no phone in its mapping): one by first and last name and title, others by a full
    /// name alone; it never answers for another.
    /// </summary>
    private static void MapCrm(WebApplication app) =>
        app.MapGet("/customers/by-phone/{phone}", async (string phone, HttpContext context) =>
        {
            if (phone == Slow)
            {
                await Task.Delay(Timeout.Infinite, context.RequestAborted);
            }

            return phone switch
            {
                Known => Results.Text("""{"data":{"first":"Ada","last":"Lovelace","title":"Analyst"}}""", "application/json"),
                FullNameOnly => Results.Text("""{"data":{"full":"Ada Lovelace"}}""", "application/json"),
                OneWordName => Results.Text("""{"data":{"full":"Plato"}}""", "application/json"),
                _ => Results.NotFound(),
            };
        });

    [Fact]
    public async Task ACallerKnownToACrmWithoutAPhone_IsWrittenToExternalContacts_WithTheNumberTheyRangFrom()
    {
        await CallAsync("c-ani", "tel:+1-415-222-9876");

        await RunningClock.UntilAsync(_time, () => Genesys.ExternalContactWrites.Count > 0, TimeSpan.FromSeconds(30), "the external contact");

        var write = Genesys.ExternalContactWrites.ShouldHaveSingleItem();
        write.Method.ShouldBe("POST");
        using var body = JsonDocument.Parse(write.Body);
        body.RootElement.GetProperty("firstName").GetString().ShouldBe("Ada");
        body.RootElement.GetProperty("workPhone").GetProperty("e164").GetString().ShouldBe(Known);
    }

    [Theory]
    [InlineData(FullNameOnly, "Ada", "Lovelace")]
    [InlineData(OneWordName, "Plato", null)]
    public async Task ACallerKnownByAFullNameOnly_IsWrittenWithThatNameSplit_NeverAMadeUpOne(string number, string first, string? last)
    {
        await CallAsync("c-name-" + number[^2..], "tel:" + number);

        await RunningClock.UntilAsync(_time, () => Genesys.ExternalContactWrites.Count > 0, TimeSpan.FromSeconds(30), "the external contact");

        var write = Genesys.ExternalContactWrites.ShouldHaveSingleItem();
        using var body = JsonDocument.Parse(write.Body);
        body.RootElement.GetProperty("firstName").GetString().ShouldBe(first);
        (body.RootElement.TryGetProperty("lastName", out var written) ? written.GetString() : null).ShouldBe(last);
        write.Body.ShouldNotContain("Caller");
    }

    [Fact]
    public async Task AnExistingContact_KeepsWhatAPersonTyped_AndOnlyItsBlanksAreFilled()
    {
        var curated = Genesys.AddExternalContact(
            $$$"""{"firstName":"Augusta","title":"Admiral (typed by agent)","cellPhone":{"e164":"{{{Known}}}","display":"+1 415-222-9876"},"type":"Curated"}""");
        await CallAsync("c-curated", "tel:" + Known);

        await RunningClock.UntilAsync(_time, () => Genesys.ExternalContactWrites.Count > 0, TimeSpan.FromSeconds(30), "the external contact");

        var write = Genesys.ExternalContactWrites.ShouldHaveSingleItem();
        write.Method.ShouldBe("PUT");
        write.ContactId.ShouldBe(curated);
        using var body = JsonDocument.Parse(write.Body);
        body.RootElement.GetProperty("title").GetString().ShouldBe("Admiral (typed by agent)");
        body.RootElement.GetProperty("firstName").GetString().ShouldBe("Augusta");
        body.RootElement.GetProperty("lastName").GetString().ShouldBe("Lovelace", "a blank is filled");
        body.RootElement.GetProperty("cellPhone").GetProperty("e164").GetString().ShouldBe(Known);
    }

    [Fact]
    public async Task ASearchHitWithoutTheCallersNumberInItsPhones_IsLeftAlone_AndANewContactIsCreated()
    {
        // The full-text search finds this contact by its note, not by a phone of its own.
        var other = Genesys.AddExternalContact(
            $$$"""{"firstName":"Grace","lastName":"Hopper","workPhone":{"e164":"+14155550100","display":"+1 415-555-0100"},"customFields":{"notes_text":"Asked us to call back {{{Known}}}"}}""");
        await CallAsync("c-note", "tel:" + Known);

        await RunningClock.UntilAsync(_time, () => Genesys.ExternalContactWrites.Count > 0, TimeSpan.FromSeconds(30), "the external contact");

        var write = Genesys.ExternalContactWrites.ShouldHaveSingleItem();
        write.Method.ShouldBe("POST");
        write.ContactId.ShouldNotBe(other);
        Genesys.ExternalContactCount.ShouldBe(2);
    }

    [Fact]
    public async Task ACallerWhoseCrmLookupTimesOut_IsMarkedPartial_NotJustUnknown()
    {
        await CallAsync("c-slow", "tel:" + Slow);

        await RunningClock.UntilAsync(_time, () => Genesys.AttributeWrites.Count > 0, TimeSpan.FromSeconds(30), "the attributes");

        Genesys.GetAttributes("c-slow", Participant)!.ShouldBe(new Dictionary<string, string> { ["enrich.source"] = "none", ["enrich.partial"] = "true" });
    }

    [Fact]
    public async Task OneCallerInTwoFormats_HasOneHashInTheLog_TheEnginesSubjectHash()
    {
        await CallAsync("c-fmt-1", "tel:+1-415-222-9876");
        await CallAsync("c-fmt-2", "tel:" + Known);
        await Eventually.TrueAsync(() => CallerHash().Count(_logs.All) == 2, "both calls' log lines");

        var callers = CallerHash().Matches(_logs.All).Select(m => m.Groups[1].Value).ToList();
        var subjects = SubjectHash().Matches(_logs.All).Select(m => m.Groups[1].Value).ToList();

        callers.Count.ShouldBe(2);
        callers.Distinct().ShouldHaveSingleItem().ShouldBeOneOf([.. subjects]);
        _logs.All.ShouldNotContain("415-222-9876");
        _logs.All.ShouldNotContain(Known);
    }

    [Fact]
    public async Task ADeadLetter_CountsTheAttemptsMade()
    {
        Genesys.FailConversation("c-dead", 503);
        await CallAsync("c-dead", "tel:" + Known);
        var deadLetters = _gateway.Services.GetRequiredService<IDeadLetterStore>();

        await RunningClock.UntilAsync(_time, () => Genesys.AttributeWrites.Count(w => w.ConversationId == "c-dead") == 3, TimeSpan.FromSeconds(30), "the last attempt");
        await Eventually.TrueAsync(async () => await deadLetters.CountAsync(CancellationToken.None) == 1, "the dead letter");

        var letter = (await _gateway.Client.GetFromJsonAsync<JsonElement>("/v1/dead-letters"))[0];
        letter.GetProperty("attempts").GetInt32().ShouldBe(3);
        letter.GetProperty("reason").GetString()!.ShouldContain("after 3 attempts");
        Genesys.AttributeWrites.Count(w => w.ConversationId == "c-dead").ShouldBe(3);
    }

    [Fact]
    public async Task ADeadLetter_AfterTheApiRefusedEvenAFreshToken_CountsBothRequests()
    {
        Genesys.FailConversation("c-refused", 401);
        await CallAsync("c-refused", "tel:" + Known);
        var deadLetters = _gateway.Services.GetRequiredService<IDeadLetterStore>();

        await Eventually.TrueAsync(async () => await deadLetters.CountAsync(CancellationToken.None) == 1, "the dead letter");

        var letter = (await _gateway.Client.GetFromJsonAsync<JsonElement>("/v1/dead-letters"))[0];
        letter.GetProperty("reason").GetString()!.ShouldStartWith("unauthorized");
        Genesys.AttributeWrites.Count(w => w.ConversationId == "c-refused").ShouldBe(2);
        letter.GetProperty("attempts").GetInt32().ShouldBe(2);
    }

    [GeneratedRegex("CallerHash=([0-9a-f]{32})")]
    private static partial Regex CallerHash();

    [GeneratedRegex("SubjectHash=([0-9a-f]{32})")]
    private static partial Regex SubjectHash();

    private async Task CallAsync(string conversation, string ani)
    {
        Genesys.AddConversation(conversation, Participant);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/webhooks/genesys")
        {
            Content = new StringContent(
                $$$$"""{"id":"evt-{{{{conversation}}}}","detail-type":"v2.detail.events.conversation.{id}.customer.start","detail":{"eventBody":{"direction":"INBOUND","conversationId":"{{{{conversation}}}}","participantId":"{{{{Participant}}}}","ani":"{{{{ani}}}}"}}}""",
                Encoding.UTF8,
                "application/json"),
        };
        request.Headers.Add("X-Webhook-Secret", "genesys-sandbox-secret");
        using var response = await _gateway.Client.SendAsync(request);
        response.StatusCode.ShouldBe(HttpStatusCode.Accepted);
    }
}
