using Tributary.Host.Crm;
using Tributary.Simulators;

namespace Tributary.IntegrationTests.HubSpot;

/// <summary>The HubSpot client against the HubSpot simulator over loopback: reads, writes and the answers in between.</summary>
public sealed class HubSpotClientTests(HubSpotFixture fixture) : IClassFixture<HubSpotFixture>, IDisposable
{
    private const string ReadPath = "/crm/v3/objects/contacts/batch/read";

    private HubSpotSimulator Simulator => fixture.Simulator;

    public void Dispose() => fixture.Reset();

    [Fact]
    public async Task Read_SeededContacts_ReturnsIdentityMappedFieldsAndWhoSetThem()
    {
        await using var harness = new HubSpotHarness(Simulator);

        // 1001 is Jane Doe, filled by an integration; 1003's job title was corrected by a sales rep; 1002 is blank.
        var result = await harness.Crm.ReadAsync(["1001", "1002", "1003"], CancellationToken.None);

        result.Missing.ShouldBeEmpty();
        var jane = result.Records.Single(r => r.Id == HubSpotSimulator.JaneDoeContactId);
        jane.ObjectType.ShouldBe("contact");
        jane.Identity.Email.ShouldBe(SampleIdentifiers.JaneDoeEmail);
        jane.Identity.FirstName.ShouldBe(SampleIdentifiers.JaneDoeFirstName);
        jane.Identity.Domain.ShouldBe(SampleIdentifiers.AcmeDomain);
        jane.Fields.Keys.ShouldBe(["jobtitle", "company", "industry", "numberofemployees", "city", "country", "phone"], ignoreOrder: true);
        jane.Fields["jobtitle"].ShouldBe(new CrmFieldValue(SampleIdentifiers.JaneDoeTitle, SetByPerson: false));
        jane.Fields.Values.ShouldAllBe(f => !f.IsBlank && !f.SetByPerson);

        var blank = result.Records.Single(r => r.Id == "1002");
        blank.Identity.Email.ShouldNotBeNull();
        blank.Fields.Values.ShouldAllBe(f => f.IsBlank);

        var corrected = result.Records.Single(r => r.Id == "1003");
        corrected.Fields["jobtitle"].SetByPerson.ShouldBeTrue();
        corrected.Fields["company"].SetByPerson.ShouldBeFalse();
    }

    [Fact]
    public async Task Read_AfterAnIntegrationOverwroteAPersonsValue_NoLongerMarksItSetByPerson()
    {
        Simulator.AddContact("9101", new Dictionary<string, string>
        {
            ["email"] = "ops@x-industries.io", ["jobtitle"] = "CTO", ["company"] = "X Industries", ["website"] = "https://www.x-industries.io/about",
        }, personSetProperties: ["jobtitle"]);
        await using var harness = new HubSpotHarness(Simulator);

        var before = (await harness.Crm.ReadAsync(["9101"], CancellationToken.None)).Records.Single();
        before.Fields["jobtitle"].ShouldBe(new CrmFieldValue("CTO", SetByPerson: true));
        before.Fields["company"].ShouldBe(new CrmFieldValue("X Industries", SetByPerson: false));
        before.Fields["industry"].IsBlank.ShouldBeTrue();
        before.Identity.Domain.ShouldBe("x-industries.io");

        await harness.Crm.WriteAsync([HubSpotHarness.Update("9101", ("jobtitle", "Chief Technology Officer"))], CancellationToken.None);
        var after = (await harness.Crm.ReadAsync(["9101"], CancellationToken.None)).Records.Single();

        after.Fields["jobtitle"].ShouldBe(new CrmFieldValue("Chief Technology Officer", SetByPerson: false));
    }

    [Fact]
    public async Task Read_WhenSomeIdsDoNotExist_ReportsThemMissing()
    {
        await using var harness = new HubSpotHarness(Simulator);

        var result = await harness.Crm.ReadAsync(["1001", "999999", "999998"], CancellationToken.None);

        result.Records.Select(r => r.Id).ShouldBe(["1001"]);
        result.Missing.ShouldBe(["999999", "999998"], ignoreOrder: true);
    }

    [Fact]
    public async Task Read_WhenAnErrorOtherThanNotFoundNamesAnId_ReportsItNeitherFoundNorMissing()
    {
        Simulator.Faults.ReadErrorIds = ["1002"];
        await using var harness = new HubSpotHarness(Simulator);

        var read = await harness.Crm.ReadAsync(["1001", "1002", "999999"], CancellationToken.None);

        read.Records.Select(r => r.Id).ShouldBe(["1001"]);
        read.Missing.ShouldBe(["999999"]);
        Simulator.Calls[ReadPath].ShouldBe(1);
    }

    [Fact]
    public async Task Read_WhenTheAnswerLeavesAnIdOutOfResultsAndErrors_ReportsItNeitherFoundNorMissing()
    {
        Simulator.Faults.ReadOmitIds = ["1002"];
        await using var harness = new HubSpotHarness(Simulator);

        var read = await harness.Crm.ReadAsync(["1001", "1002"], CancellationToken.None);

        read.Records.Select(r => r.Id).ShouldBe(["1001"]);
        read.Missing.ShouldBeEmpty();
    }

    [Fact]
    public async Task Write_WhenHubSpotAcceptsAll_ConfirmsEveryRecordInOrderAndTheValuesLand()
    {
        Simulator.AddContact("9201", new Dictionary<string, string> { ["email"] = "a@w9201.io" });
        Simulator.AddContact("9202", new Dictionary<string, string> { ["email"] = "b@w9202.io", ["city"] = "Lyon" });
        await using var harness = new HubSpotHarness(Simulator);

        var outcomes = await harness.Crm.WriteAsync(
            [HubSpotHarness.Update("9202", ("jobtitle", "Buyer"), ("city", "")), HubSpotHarness.Update("9201", ("industry", "Software"))],
            CancellationToken.None);

        outcomes.ShouldBe([CrmWriteOutcome.Confirmed("9202"), CrmWriteOutcome.Confirmed("9201")]);
        var written = Simulator.GetContact("9202")!;
        written.Properties["jobtitle"].ShouldBe("Buyer");
        written.Properties.ShouldNotContainKey("city");
        written.History["jobtitle"][0].SourceType.ShouldBe("INTEGRATION");
        Simulator.GetContact("9201")!.Properties["industry"].ShouldBe("Software");
        Simulator.Writes[^1].Ids.ShouldBe(["9202", "9201"]);
    }

    [Fact]
    public async Task Write_WhenHubSpotAnswers207_ReportsOnlyTheNamedRecordsFailed()
    {
        foreach (var id in new[] { "9301", "9302", "9303", "9304" })
        {
            Simulator.AddContact(id, new Dictionary<string, string> { ["email"] = $"c@w{id}.io" });
        }

        Simulator.Faults.FailIds = ["9302"];
        await using var harness = new HubSpotHarness(Simulator);

        var outcomes = await harness.Crm.WriteAsync(
        [
            HubSpotHarness.Update("9301", ("jobtitle", "One")),
            HubSpotHarness.Update("9302", ("jobtitle", "Two")),
            HubSpotHarness.Update("999997", ("jobtitle", "Gone")),
            HubSpotHarness.Update("9303", ("jobtitle", "Three")),
            HubSpotHarness.Update("9304", ("favourite_colour", "teal")),
        ], CancellationToken.None);

        outcomes.Select(o => o.Id).ShouldBe(["9301", "9302", "999997", "9303", "9304"]);
        outcomes[0].ShouldBe(CrmWriteOutcome.Confirmed("9301"));
        outcomes[1].ShouldBe(new CrmWriteOutcome("9302", false, "CONFLICT", Retryable: true));
        outcomes[2].ShouldBe(new CrmWriteOutcome("999997", false, "OBJECT_NOT_FOUND", Retryable: true));
        outcomes[3].ShouldBe(CrmWriteOutcome.Confirmed("9303"));
        outcomes[4].ShouldBe(new CrmWriteOutcome("9304", false, "VALIDATION_ERROR", Retryable: true));
        Simulator.GetContact("9301")!.Properties["jobtitle"].ShouldBe("One");
        Simulator.GetContact("9302")!.Properties.ShouldNotContainKey("jobtitle");
    }

    [Fact]
    public async Task Write_WhenA207LeavesARecordOutOfResultsAndErrors_ReportsItFailed()
    {
        foreach (var id in new[] { "9401", "9402", "9403" })
        {
            Simulator.AddContact(id, new Dictionary<string, string> { ["email"] = $"d@w{id}.io" });
        }

        Simulator.Faults.FailIds = ["9402"];
        Simulator.Faults.UpdateOmitIds = ["9403"];
        await using var harness = new HubSpotHarness(Simulator);

        var outcomes = await harness.Crm.WriteAsync(
            [HubSpotHarness.Update("9401", ("jobtitle", "One")), HubSpotHarness.Update("9402", ("jobtitle", "Two")), HubSpotHarness.Update("9403", ("jobtitle", "Three"))],
            CancellationToken.None);

        outcomes.ShouldBe(
        [
            CrmWriteOutcome.Confirmed("9401"),
            new CrmWriteOutcome("9402", false, "CONFLICT", Retryable: true),
            new CrmWriteOutcome("9403", false, "no_result", Retryable: true),
        ]);
    }

    [Fact]
    public async Task Write_WhenA200LeavesARecordOutOfItsResults_ReportsItFailed()
    {
        Simulator.AddContact("9501", new Dictionary<string, string> { ["email"] = "e@w9501.io" });
        Simulator.AddContact("9502", new Dictionary<string, string> { ["email"] = "f@w9502.io" });
        Simulator.Faults.UpdateOmitIds = ["9502"];
        await using var harness = new HubSpotHarness(Simulator);

        var outcomes = await harness.Crm.WriteAsync(
            [HubSpotHarness.Update("9501", ("city", "Oslo")), HubSpotHarness.Update("9502", ("city", "Bergen"))], CancellationToken.None);

        outcomes.ShouldBe([CrmWriteOutcome.Confirmed("9501"), new CrmWriteOutcome("9502", false, "no_result", Retryable: true)]);
        Simulator.GetContact("9502")!.Properties.ShouldNotContainKey("city");
    }

    [Fact]
    public async Task ReadAndWrite_WithMoreThanOneHundredRecords_AreRejectedBeforeSending()
    {
        await using var harness = new HubSpotHarness(Simulator);
        var ids = Enumerable.Range(2001, 101).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList();

        await Should.ThrowAsync<ArgumentException>(() => harness.Crm.ReadAsync(ids, CancellationToken.None));
        await Should.ThrowAsync<ArgumentException>(() => harness.Crm.WriteAsync([.. ids.Select(id => HubSpotHarness.Update(id, ("city", "Oslo")))], CancellationToken.None));

        harness.Crm.MaxBatchSize.ShouldBe(100);
        Simulator.Calls.Total.ShouldBe(0);
    }

    [Fact]
    public async Task Read_WhenTokenRevoked_ThrowsUnavailableWithoutRetrying()
    {
        Simulator.Faults.TokenRevoked = true;
        await using var harness = new HubSpotHarness(Simulator);

        var error = await Should.ThrowAsync<CrmUnavailableException>(() => harness.Crm.ReadAsync(["1001"], CancellationToken.None));

        (error.System, error.Reason, error.ResumeAt).ShouldBe(("hubspot", "unauthorized", (DateTimeOffset?)null));
        Simulator.Calls[ReadPath].ShouldBe(1);
    }

    [Fact]
    public async Task Read_WhenTheAnswerIsMalformedJson_ThrowsUnavailable()
    {
        Simulator.Faults.MalformedJson = true;
        await using var harness = new HubSpotHarness(Simulator);

        var error = await Should.ThrowAsync<CrmUnavailableException>(() => harness.Crm.ReadAsync(["1001", "1002"], CancellationToken.None));

        error.Reason.ShouldBe("malformed_response");
    }

    [Fact]
    public async Task Usage_IsHubSpotsDailyBudgetFromTheLastAnswer()
    {
        await using var harness = new HubSpotHarness(Simulator);

        harness.Crm.LastUsage.ShouldBeNull();
        await harness.Crm.ReadAsync(["1001"], CancellationToken.None);

        harness.Crm.LastUsage.ShouldNotBeNull().ShouldStartWith("daily-remaining=");
        harness.Crm.LastUsage.ShouldEndWith("/1000000");
    }
}
