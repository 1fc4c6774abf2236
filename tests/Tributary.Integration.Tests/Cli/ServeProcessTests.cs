using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Tributary.IntegrationTests.Infrastructure;
using Tributary.Simulators;

namespace Tributary.IntegrationTests.Cli;

/// <summary><c>tributary serve</c> as a user runs it: a real process with nothing but environment variables.</summary>
public sealed class ServeProcessTests
{
    [Fact]
    public async Task Serve_WithNoConfigurationAtAll_StartsInSandboxModeAndEnriches()
    {
        var port = TributaryProcess.FreePort();
        await using var serve = TributaryProcess.Start(["serve", "--urls", $"http://127.0.0.1:{port}"]);
        await serve.WaitUntilHealthyAsync($"http://127.0.0.1:{port}/healthz", TimeSpan.FromSeconds(30));
        using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };

        using var response = await client.PostAsync("/v1/enrich", new StringContent($$"""{"email":"{{SampleIdentifiers.JaneDoeEmail}}"}"""));
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();

        body.GetProperty("name").GetString().ShouldBe("Jane Doe");
        serve.Output.ShouldContain("Sandbox mode");
        serve.Output.Split('\n').Count(l => l.Contains("Sandbox mode", StringComparison.Ordinal)).ShouldBe(1);
    }

    [Fact]
    public async Task Serve_InSandboxModeWithARealCrm_NamesOnlyTheSimulatorsItUses()
    {
        var port = TributaryProcess.FreePort();
        var environment = new Dictionary<string, string?>
        {
            ["Sandbox__Enabled"] = "true",
            ["HubSpot__AccessToken"] = "pat-real-crm",
            ["HubSpot__BaseUrl"] = "http://127.0.0.1:9",
        };
        await using var serve = TributaryProcess.Start(["serve", "--urls", $"http://127.0.0.1:{port}"], environment);

        await serve.WaitUntilHealthyAsync($"http://127.0.0.1:{port}/healthz", TimeSpan.FromSeconds(30));

        var line = serve.Output.Split('\n').Single(l => l.Contains("Sandbox mode:", StringComparison.Ordinal));
        line.ShouldContain("clearbit http://127.0.0.1:", Case.Sensitive);
        line.ShouldContain("salesforce http://127.0.0.1:", Case.Sensitive);
        line.ShouldNotContain("hubspot http", Case.Sensitive);
        line.ShouldContain("real, with their own credentials: hubspot", Case.Sensitive);
        serve.Output.ShouldNotContain("pat-real-crm", Case.Sensitive);
    }

    [Theory]
    [InlineData("ASPNETCORE_URLS", "http://0.0.0.0:{port}", "ASPNETCORE_URLS")]
    [InlineData("URLS", "http://0.0.0.0:{port}", "URLS")]
    [InlineData("Kestrel__Endpoints__Web__Url", "http://0.0.0.0:{port}", "Kestrel:Endpoints:Web:Url")]
    [InlineData("Kestrel__Endpoints__Web__Url", "http://[::]:{port}", "Kestrel:Endpoints:Web:Url")]
    public async Task Serve_OpenGateway_RefusesEveryWayToListenBeyondLoopback(string variable, string value, string named)
    {
        var port = TributaryProcess.FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture);
        var environment = WithACredential();
        environment[variable] = value.Replace("{port}", port, StringComparison.Ordinal);
        await using var serve = TributaryProcess.Start(["serve"], environment);

        await serve.WaitForExitAsync(TimeSpan.FromSeconds(30));

        serve.ExitCode.ShouldBe(2, serve.Output);
        serve.Output.ShouldContain(named, Case.Sensitive);
        serve.Output.ShouldContain("Gateway:ApiKeys", Case.Sensitive);
    }

    [Theory]
    [InlineData("Salesforce__AllOrNone", "maybe", "Salesforce:AllOrNone")]
    [InlineData("Genesys__Region", "bogus_region", "Genesys:Region")]
    public async Task Serve_WithASettingThatDoesNotBind_ExitsWith2NamingIt_WithoutAStackTrace(string variable, string value, string named)
    {
        var environment = new Dictionary<string, string?>
        {
            [variable] = value,
            ["Genesys__ClientId"] = "client",
            ["Genesys__ClientSecret"] = "secret",
        };
        await using var serve = TributaryProcess.Start(["serve", "--urls", $"http://127.0.0.1:{TributaryProcess.FreePort()}"], environment);

        await serve.WaitForExitAsync(TimeSpan.FromSeconds(30));

        serve.ExitCode.ShouldBe(2, serve.Output);
        serve.Output.ShouldContain(named, Case.Sensitive);
        serve.Output.ShouldNotContain("Hosting failed to start", Case.Sensitive);
        serve.Output.ShouldNotContain("   at ", Case.Sensitive);
    }

    [Fact]
    public async Task Serve_OnAPortAlreadyTaken_ExitsWith1InOneLine_BeforeAnythingStarts()
    {
        using var other = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        other.Start();
        var port = ((System.Net.IPEndPoint)other.LocalEndpoint).Port;
        await using var serve = TributaryProcess.Start(["serve", "--urls", $"http://127.0.0.1:{port}"]);

        await serve.WaitForExitAsync(TimeSpan.FromSeconds(60));

        serve.ExitCode.ShouldBe(1, serve.Output);
        serve.Output.ShouldContain($"http://127.0.0.1:{port}: address already in use", Case.Sensitive);
        // Nothing was started to be torn down: no cancelled background work, no warm-up cut short.
        serve.Output.ShouldNotContain("fail:", Case.Sensitive);
        serve.Output.ShouldNotContain("crit:", Case.Sensitive);
        serve.Output.ShouldNotContain("   at ", Case.Sensitive);
    }

    [Fact]
    public async Task Serve_WithKeysAndNoProviderCredentials_RunsTheSandbox_AndWarnsThatOthersCanCallIt()
    {
        var port = TributaryProcess.FreePort();
        var environment = new Dictionary<string, string?> { ["Gateway__ApiKeys__0"] = "gw-key-sandbox", ["ASPNETCORE_HTTP_PORTS"] = "1" };
        await using var serve = TributaryProcess.Start(["serve", "--urls", $"http://127.0.0.1:{port}"], environment);

        await serve.WaitUntilHealthyAsync($"http://127.0.0.1:{port}/healthz", TimeSpan.FromSeconds(30));

        serve.Output.ShouldContain("Sandbox mode while Gateway:ApiKeys is set", Case.Sensitive);
    }

    [Fact]
    public async Task Serve_OpenGateway_ListensOnALoopbackUrlOfTheEnvironment()
    {
        var port = TributaryProcess.FreePort();
        var environment = WithACredential();
        environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        await using var serve = TributaryProcess.Start(["serve"], environment);

        await serve.WaitUntilHealthyAsync($"http://127.0.0.1:{port}/healthz", TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task Serve_LogsNeverCarryRawIdentifiersOrSecrets()
    {
        await using var simulators = await SandboxSimulators.StartAsync();
        var port = TributaryProcess.FreePort();
        const string gatewayKey = "gw-key-5b1f0e2a";
        await using var serve = TributaryProcess.Start(
            ["serve", "--urls", $"http://127.0.0.1:{port}"],
            new Dictionary<string, string?>
            {
                ["Logging__LogLevel__Default"] = "Trace",
                ["Gateway__ApiKeys__0"] = gatewayKey,
                ["Privacy__Pepper"] = "pepper-7c41d9",
                ["Providers__Clearbit__ApiKey"] = simulators.Options.ClearbitApiKey,
                ["Providers__Clearbit__BaseUrl"] = simulators.Clearbit.BaseUrl,
                ["Providers__ZoomInfo__Username"] = simulators.Options.ZoomInfoUsername,
                ["Providers__ZoomInfo__Password"] = simulators.Options.ZoomInfoPassword,
                ["Providers__ZoomInfo__BaseUrl"] = simulators.ZoomInfo.BaseUrl,
            });
        await serve.WaitUntilHealthyAsync($"http://127.0.0.1:{port}/healthz", TimeSpan.FromSeconds(30));
        using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        client.DefaultRequestHeaders.Add("X-Api-Key", gatewayKey);
        simulators.ZoomInfo.Faults.FailStatus = 500;
        simulators.ZoomInfo.Faults.FailEveryNth = 2;

        string[] bodies =
        [
            """{"email":"Jane.Doe@Acme.com"}""",
            """{"phone":"+1 (415) 222-0123"}""",
            """{"email":"nobody@unknown-company.com","phone":"+14155550100"}""",
            """{"email":"not-an-email@"}""",
            """{"phone":"+44 20 7946 0018","name":"Ann Example","company":"Acme Inc"}""",
        ];
        foreach (var body in bodies)
        {
            (await client.PostAsync("/v1/enrich", new StringContent(body))).Dispose();
            (await client.PostAsync("/v1/person/enrich", new StringContent(body))).Dispose();
        }

        (await client.GetAsync("/v1/company/enrich?domain=acme.com")).Dispose();
        await serve.StopAsync();

        var log = serve.Output;
        log.ShouldContain("Enriched subject");
        foreach (var secret in new[]
        {
            "jane.doe@acme.com", "Jane.Doe@Acme.com", "+14152220123", "415) 222-0123", "nobody@unknown-company.com", "+14155550100",
            "not-an-email", "+442079460018", "7946 0018", gatewayKey, "pepper-7c41d9", simulators.Options.ClearbitApiKey,
            simulators.Options.ZoomInfoPassword + "\"", "eyJ",
        })
        {
            log.ShouldNotContain(secret, Case.Insensitive, $"the log contains '{secret}'");
        }
    }

    [Fact]
    public async Task Serve_WithFrameworkRequestLoggingTurnedUp_StillLogsNoUrlWithAnEmail()
    {
        var port = TributaryProcess.FreePort();
        await using var serve = TributaryProcess.Start(
            ["serve", "--urls", $"http://127.0.0.1:{port}"],
            new Dictionary<string, string?>
            {
                ["Logging__LogLevel__Default"] = "Trace",
                ["Logging__LogLevel__Microsoft.AspNetCore.Hosting"] = "Trace",
                ["Logging__Console__LogLevel__Microsoft.AspNetCore.Hosting.Diagnostics"] = "Trace",
                ["Logging__Console__LogLevel__Microsoft.AspNetCore"] = "Trace",
            });
        await serve.WaitUntilHealthyAsync($"http://127.0.0.1:{port}/healthz", TimeSpan.FromSeconds(30));
        using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };

        (await client.GetAsync($"/widget?email={SampleIdentifiers.JaneDoeEmail}&phone=%2B14152220123")).Dispose();
        (await client.GetAsync($"/v1/no-such-route?email={SampleIdentifiers.JaneDoeEmail}")).Dispose();
        await serve.StopAsync();

        serve.Output.ShouldContain("Microsoft.AspNetCore", Case.Sensitive, "the turned-up categories still log");
        serve.Output.ShouldNotContain(SampleIdentifiers.JaneDoeEmail, Case.Insensitive);
        serve.Output.ShouldNotContain("14152220123", Case.Sensitive);
    }

    [Fact]
    public async Task Serve_PipelineAndContactCenterLogs_NeverCarryRawIdentifiersOrSecrets()
    {
        await using var simulators = await SandboxSimulators.StartAsync();
        simulators.Genesys.AcceptAnyConversation = true;
        var port = TributaryProcess.FreePort();
        const string hubspotSecret = "hs-secret-41d7", genesysSecret = "gc-secret-9e2b";
        await using var serve = TributaryProcess.Start(
            ["serve", "--urls", $"http://127.0.0.1:{port}"],
            new Dictionary<string, string?>
            {
                ["Logging__LogLevel__Default"] = "Trace",
                ["Pipeline__PollMilliseconds"] = "50",
                ["Providers__Clearbit__ApiKey"] = simulators.Options.ClearbitApiKey,
                ["Providers__Clearbit__BaseUrl"] = simulators.Clearbit.BaseUrl,
                ["Providers__ZoomInfo__Username"] = simulators.Options.ZoomInfoUsername,
                ["Providers__ZoomInfo__Password"] = simulators.Options.ZoomInfoPassword,
                ["Providers__ZoomInfo__BaseUrl"] = simulators.ZoomInfo.BaseUrl,
                ["HubSpot__AccessToken"] = simulators.HubSpot.AccessToken,
                ["HubSpot__BaseUrl"] = simulators.HubSpot.BaseUrl,
                ["HubSpot__ClientSecret"] = hubspotSecret,
                ["Genesys__ClientId"] = simulators.Genesys.ClientId,
                ["Genesys__ClientSecret"] = simulators.Genesys.ClientSecret,
                ["Genesys__BaseUrl"] = simulators.Genesys.BaseUrl,
                ["Genesys__WebhookSecret"] = genesysSecret,
                ["Genesys__ExternalContacts__Enabled"] = "true",
                ["Genesys__ExternalContacts__CoalesceSeconds"] = "0",
            });
        await serve.WaitUntilHealthyAsync($"http://127.0.0.1:{port}/healthz", TimeSpan.FromSeconds(30));
        using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };

        using (var hubspot = await Pipeline.HubSpotWebhookSender.PostAsync(client, Pipeline.HubSpotWebhookSender.Creation("1002", "1001"), hubspotSecret))
        {
            hubspot.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        }

        using var genesys = new HttpRequestMessage(HttpMethod.Post, "/webhooks/genesys")
        {
            Content = new StringContent(
                """{"id":"evt-pii","detail-type":"v2.detail.events.conversation.{id}.customer.start","detail":{"eventBody":{"direction":"INBOUND","conversationId":"c-1","participantId":"p-1","ani":"tel:"""
                + SampleIdentifiers.JaneDoePhone + "\"}}}"),
        };
        genesys.Headers.Add("X-Webhook-Secret", genesysSecret);
        (await client.SendAsync(genesys)).StatusCode.ShouldBe(HttpStatusCode.Accepted);
        (await client.PostAsync("/v1/staging", new StringContent("""[{"source":"none","email":"ann.lee@example.org","phone":"+442079460018"}]"""))).Dispose();
        await Eventually.TrueAsync(() => simulators.HubSpot.Writes.Count > 0 && simulators.Genesys.AttributeWrites.Count > 0, "write-back and the attributes", TimeSpan.FromSeconds(30));
        await serve.StopAsync();

        var log = serve.Output;
        log.ShouldContain("attributes written");
        foreach (var secret in new[]
        {
            SampleIdentifiers.JaneDoeEmail, SampleIdentifiers.JaneDoePhone, "4152220123", "ann.lee@example.org", "+442079460018",
            hubspotSecret, genesysSecret, simulators.HubSpot.AccessToken, simulators.Genesys.ClientSecret, simulators.Options.ClearbitApiKey,
            simulators.Options.ZoomInfoPassword + "\"", "eyJ",
        })
        {
            log.ShouldNotContain(secret, Case.Insensitive, $"the log contains '{secret}'");
        }
    }

    /// <summary>A provider credential (never called), so neither sandbox mode nor its own checks are in play.</summary>
    private static Dictionary<string, string?> WithACredential() => new()
    {
        ["Providers__Clearbit__ApiKey"] = "sk_test_listen_guard",
        ["Providers__Clearbit__BaseUrl"] = "http://127.0.0.1:9",
    };
}
