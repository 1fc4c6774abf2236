using Microsoft.Extensions.Time.Testing;
using Tributary.Host.Crm;
using Tributary.Simulators;

namespace Tributary.IntegrationTests.Salesforce;

/// <summary>What the client cannot absorb: the daily limit (parked until midnight), 5xx, dropped connections, garbage.</summary>
public sealed class SalesforceFailureTests
{
    private static readonly string Contact = SalesforceSimulator.SeededContactIds[0];

    [Fact]
    public async Task Read_WhenTheDailyLimitIsSpent_ParksUntilMidnightWithoutCallingAgain()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 17, 30, 0, TimeSpan.Zero));
        await using var harness = await SalesforceHarness.StartAsync(time: time);
        harness.Simulator.SalesforceFaults.RequestLimitExceeded = true;

        var first = await Should.ThrowAsync<CrmUnavailableException>(() => harness.Crm.ReadAsync([Contact], CancellationToken.None));
        var calls = harness.Simulator.Calls.Total;
        var later = await Should.ThrowAsync<CrmUnavailableException>(() =>
            harness.Crm.WriteAsync([SalesforceHarness.Update(Contact, "Contact", ("Title", "x"))], CancellationToken.None));

        first.Reason.ShouldBe("daily_limit");
        first.ResumeAt.ShouldBe(new DateTimeOffset(2026, 11, 24, 0, 0, 0, TimeSpan.Zero));
        later.Reason.ShouldBe("daily_limit");
        later.ResumeAt.ShouldBe(first.ResumeAt);
        harness.Simulator.Calls.Total.ShouldBe(calls);
        harness.Calls("/Contact").ShouldBe(1);

        harness.Simulator.SalesforceFaults.RequestLimitExceeded = false;
        time.Advance(TimeSpan.FromHours(7));
        (await harness.Crm.ReadAsync([Contact], CancellationToken.None)).Records.Count.ShouldBe(1);
    }

    [Fact]
    public async Task Read_PastTheOrgsAllowance_IsTheDailyLimit()
    {
        await using var harness = await SalesforceHarness.StartAsync(simulatorOptions: new SimulatorOptions { SalesforceDailyApiLimit = 2 });
        await harness.Crm.ReadAsync([Contact], CancellationToken.None);
        await harness.Crm.ReadAsync([Contact], CancellationToken.None);

        var refused = await Should.ThrowAsync<CrmUnavailableException>(() => harness.Crm.ReadAsync([Contact], CancellationToken.None));

        refused.Reason.ShouldBe("daily_limit");
        harness.Crm.LastUsage.ShouldBe("api-usage=3/2");
    }

    [Fact]
    public async Task Read_AfterOne5xx_RetriesAndSucceeds()
    {
        await using var harness = await SalesforceHarness.StartAsync();
        await harness.Crm.ReadAsync([Contact], CancellationToken.None);
        harness.Simulator.Faults.FailStatus = 503;
        harness.Simulator.Faults.FailEveryNth = 2;
        harness.Simulator.Calls.Reset();

        await harness.Crm.ReadAsync([Contact], CancellationToken.None);
        var result = await harness.Crm.ReadAsync([Contact], CancellationToken.None);

        result.Records.Count.ShouldBe(1);
        harness.Calls("/Contact").ShouldBe(3);
    }

    [Fact]
    public async Task Read_WhenSalesforceKeepsFailing_RetriesThenThrowsServerError()
    {
        await using var harness = await SalesforceHarness.StartAsync();
        await harness.Crm.ReadAsync([Contact], CancellationToken.None);
        harness.Simulator.Faults.FailStatus = 500;
        harness.Simulator.Calls.Reset();

        var refused = await Should.ThrowAsync<CrmUnavailableException>(() => harness.Crm.ReadAsync([Contact], CancellationToken.None));

        refused.Reason.ShouldBe("server_error");
        refused.ResumeAt.ShouldBeNull();
        harness.Calls("/Contact").ShouldBe(3);
    }

    [Fact]
    public async Task Write_WhenTheConnectionDrops_RetriesThenThrowsServerError()
    {
        await using var harness = await SalesforceHarness.StartAsync();
        await harness.Crm.ReadAsync([Contact], CancellationToken.None);
        harness.Simulator.Faults.ConnectionReset = true;

        var refused = await Should.ThrowAsync<CrmUnavailableException>(() =>
            harness.Crm.WriteAsync([SalesforceHarness.Update(Contact, "Contact", ("Title", "x"))], CancellationToken.None));

        refused.Reason.ShouldBe("server_error");
        harness.Calls(string.Empty).ShouldBe(3);
    }

    [Fact]
    public async Task ReadAndWrite_WithMalformedJson_ThrowMalformedResponse()
    {
        await using var harness = await SalesforceHarness.StartAsync();
        await harness.Crm.ReadAsync([Contact], CancellationToken.None);
        harness.Simulator.Faults.MalformedJson = true;

        var read = await Should.ThrowAsync<CrmUnavailableException>(() => harness.Crm.ReadAsync([Contact], CancellationToken.None));
        var write = await Should.ThrowAsync<CrmUnavailableException>(() =>
            harness.Crm.WriteAsync([SalesforceHarness.Update(Contact, "Contact", ("Title", "x"))], CancellationToken.None));

        read.Reason.ShouldBe("malformed_response");
        write.Reason.ShouldBe("malformed_response");
    }

    [Fact]
    public async Task Login_WithMalformedJson_ThrowsMalformedResponse()
    {
        await using var harness = await SalesforceHarness.StartAsync();
        harness.Simulator.Faults.MalformedJson = true;

        var refused = await Should.ThrowAsync<CrmUnavailableException>(() => harness.Crm.ReadAsync([Contact], CancellationToken.None));

        refused.Reason.ShouldBe("malformed_response");
    }
}
