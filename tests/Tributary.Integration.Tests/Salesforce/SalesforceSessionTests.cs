using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Tributary.Host.Crm;
using Tributary.Host.Salesforce;
using Tributary.IntegrationTests.Connectors;
using Tributary.Simulators;

namespace Tributary.IntegrationTests.Salesforce;

/// <summary>Logging in (both grants), where calls go, one shared login, and what happens when a session ends.</summary>
public sealed class SalesforceSessionTests
{
    private const string LoginPath = "/services/oauth2/token";

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Read_WithEitherGrant_LogsInOnceAndReadsFromTheInstance(bool refreshToken)
    {
        await using var harness = await SalesforceHarness.StartAsync(refreshToken: refreshToken);
        var id = SalesforceSimulator.SeededContactIds[0];

        var first = await harness.Crm.ReadAsync([id], CancellationToken.None);
        var second = await harness.Crm.ReadAsync([id], CancellationToken.None);

        first.Records.Single().Id.ShouldBe(id);
        second.Records.Single().Id.ShouldBe(id);
        harness.Simulator.LoginCount.ShouldBe(1);
        harness.Calls("/Contact").ShouldBe(2);
    }

    [Fact]
    public async Task Read_WithAnInstanceUrlOverride_SendsRestCallsThere()
    {
        await using var other = new SalesforceSimulator();
        await other.StartAsync();
        await using var harness = await SalesforceHarness.StartAsync(new Dictionary<string, string?> { ["Salesforce:InstanceUrl"] = other.BaseUrl });

        // The other org does not know the login's sessions: it refuses both attempts, which proves where they went.
        var refused = await Should.ThrowAsync<CrmUnavailableException>(() => harness.Crm.ReadAsync([SalesforceSimulator.SeededContactIds[0]], CancellationToken.None));

        refused.Reason.ShouldBe("unauthorized");
        other.Calls["/services/data/v62.0/composite/sobjects/Contact"].ShouldBe(2);
        harness.Calls("/Contact").ShouldBe(0);
        harness.Simulator.LoginCount.ShouldBe(2);
    }

    [Fact]
    public async Task ConcurrentReads_ShareOneLogin()
    {
        await using var harness = await SalesforceHarness.StartAsync();
        var ids = SalesforceSimulator.SeededContactIds;

        var results = await Task.WhenAll(Enumerable.Range(0, 16).Select(i => harness.Crm.ReadAsync([ids[i]], CancellationToken.None)));

        results.ShouldAllBe(r => r.Records.Count == 1);
        harness.Simulator.Calls[LoginPath].ShouldBe(1);
    }

    [Fact]
    public async Task Read_AfterTheSessionTimedOut_LogsInAgainOnceAndSucceeds()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));
        await using var harness = await SalesforceHarness.StartAsync(
            simulatorOptions: new SimulatorOptions { TimeProvider = time, SalesforceSessionLifetime = TimeSpan.FromMinutes(15) });
        var id = SalesforceSimulator.SeededLeadIds[0];
        await harness.Crm.ReadAsync([id], CancellationToken.None);

        time.Advance(TimeSpan.FromMinutes(16));
        var result = await harness.Crm.ReadAsync([id], CancellationToken.None);

        result.Records.Single().ObjectType.ShouldBe("Lead");
        harness.Simulator.LoginCount.ShouldBe(2);
        harness.Calls("/Lead").ShouldBe(3);
    }

    [Fact]
    public async Task Write_AfterSessionsExpired_RefreshesOnceAndWrites()
    {
        await using var harness = await SalesforceHarness.StartAsync();
        var id = SalesforceSimulator.SeededContactIds[1];
        await harness.Crm.ReadAsync([id], CancellationToken.None);
        harness.Simulator.SalesforceFaults.ExpireSessions();

        var outcomes = await harness.Crm.WriteAsync([SalesforceHarness.Update(id, "Contact", ("Title", "CTO"))], CancellationToken.None);

        outcomes.Single().Success.ShouldBeTrue();
        harness.Simulator.GetRecord(id)!.Fields["Title"].ShouldBe("CTO");
        harness.Simulator.LoginCount.ShouldBe(2);
        harness.Calls(string.Empty).ShouldBe(2);
    }

    [Fact]
    public async Task Read_AfterA401WithoutAnErrorBody_LogsInAgainOnceAndSucceeds()
    {
        var (logins, reads) = (0, 0);
        StubApi? stub = null;
        stub = await StubApi.StartAsync(app =>
        {
            app.MapPost(LoginPath, () => Results.Json(new { access_token = $"session-{Interlocked.Increment(ref logins)}", instance_url = stub!.BaseUrl, token_type = "Bearer" }));
            app.MapGet("/services/data/v62.0/composite/sobjects/Contact", () => Interlocked.Increment(ref reads) == 1
                ? Results.StatusCode(401)
                : Results.Text("""[{"attributes":{"type":"Contact"},"Id":"003xx000004TmiQAAS","Email":"jane.doe@acme.com","Title":null}]""", "application/json"));
        });
        await using (stub)
        {
            await using var services = SalesforceHarness.Build(new Dictionary<string, string?>
            {
                ["Salesforce:LoginUrl"] = stub.BaseUrl,
                ["Salesforce:ClientId"] = "client",
                ["Salesforce:ClientSecret"] = "secret",
            });
            var crm = services.GetServices<ICrmSystem>().Single(c => c.Name == "salesforce");

            var result = await crm.ReadAsync(["003xx000004TmiQAAS"], CancellationToken.None);

            result.Records.Single().Id.ShouldBe("003xx000004TmiQAAS");
            (logins, reads).ShouldBe((2, 2));
        }
    }

    [Fact]
    public async Task Read_WhenTheRefreshTokenWasRevoked_ThrowsUnauthorized()
    {
        await using var harness = await SalesforceHarness.StartAsync();
        var id = SalesforceSimulator.SeededContactIds[0];
        await harness.Crm.ReadAsync([id], CancellationToken.None);
        harness.Simulator.SalesforceFaults.RefreshTokenRevoked = true;
        harness.Simulator.SalesforceFaults.ExpireSessions();

        var refused = await Should.ThrowAsync<CrmUnavailableException>(() => harness.Crm.ReadAsync([id], CancellationToken.None));

        refused.System.ShouldBe("salesforce");
        refused.Reason.ShouldBe("unauthorized");
        refused.ResumeAt.ShouldBeNull();
    }

    [Fact]
    public async Task Read_WithAWrongClientSecret_ThrowsUnauthorizedWithoutRestCalls()
    {
        await using var harness = await SalesforceHarness.StartAsync(new Dictionary<string, string?> { ["Salesforce:ClientSecret"] = "wrong" }, refreshToken: false);

        var refused = await Should.ThrowAsync<CrmUnavailableException>(() => harness.Crm.ReadAsync([SalesforceSimulator.SeededContactIds[0]], CancellationToken.None));

        refused.Reason.ShouldBe("unauthorized");
        harness.Simulator.Calls[LoginPath].ShouldBe(1);
        harness.Calls("/Contact").ShouldBe(0);
        harness.Services.GetRequiredService<SalesforceTokenSource>().Logins.ShouldBe(1);
    }
}
