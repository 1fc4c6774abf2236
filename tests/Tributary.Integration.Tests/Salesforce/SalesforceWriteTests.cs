using Tributary.Simulators;

namespace Tributary.IntegrationTests.Salesforce;

/// <summary>Writing back: one update collection per call, per-record outcomes in order, all-or-none, limits.</summary>
public sealed class SalesforceWriteTests
{
    [Fact]
    public async Task Write_ContactsAndLeadsTogether_SavesThemInOneCall()
    {
        await using var harness = await SalesforceHarness.StartAsync();
        var contact = SalesforceSimulator.SeededContactIds[1];
        var lead = SalesforceSimulator.SeededLeadIds[1];

        var outcomes = await harness.Crm.WriteAsync(
        [
            SalesforceHarness.Update(contact, "Contact", ("Title", "Head of Data"), ("MailingCity", "Lyon")),
            SalesforceHarness.Update(lead, "Lead", ("Industry", "Software"), ("NumberOfEmployees", "250")),
        ], CancellationToken.None);

        outcomes.Select(o => (o.Id, o.Success)).ShouldBe([(contact, true), (lead, true)]);
        harness.Calls(string.Empty).ShouldBe(1);
        harness.Simulator.GetRecord(contact)!.Fields["MailingCity"].ShouldBe("Lyon");
        harness.Simulator.GetRecord(lead)!.Fields["NumberOfEmployees"].ShouldBe("250");
        harness.Simulator.Writes.Select(w => w.ObjectType).ShouldBe(["Contact", "Lead"]);
    }

    [Fact]
    public async Task Write_WithFailingRecords_ReportsOnlyThoseFailed()
    {
        await using var harness = await SalesforceHarness.StartAsync();
        var ids = SalesforceSimulator.SeededContactIds.Take(3).ToList();
        harness.Simulator.SalesforceFaults.FailIds = [ids[1]];

        var outcomes = await harness.Crm.WriteAsync([.. ids.Select(id => SalesforceHarness.Update(id, "Contact", ("Title", "VP Sales")))], CancellationToken.None);

        outcomes.Select(o => o.Success).ShouldBe([true, false, true]);
        outcomes[1].Error.ShouldBe("FIELD_CUSTOM_VALIDATION_EXCEPTION");
        outcomes[1].Retryable.ShouldBeTrue("every record the answer names as failed is sent again");
        harness.Simulator.GetRecord(ids[0])!.Fields["Title"].ShouldBe("VP Sales");
        harness.Simulator.GetRecord(ids[1])!.Fields.GetValueOrDefault("Title").ShouldNotBe("VP Sales");
    }

    [Fact]
    public async Task Write_WhenARowIsLocked_ReportsItRetryable()
    {
        await using var harness = await SalesforceHarness.StartAsync();
        var id = SalesforceSimulator.SeededContactIds[0];
        harness.Simulator.SalesforceFaults.FailIds = [id];
        harness.Simulator.SalesforceFaults.FailIdsStatusCode = "UNABLE_TO_LOCK_ROW";

        var outcome = (await harness.Crm.WriteAsync([SalesforceHarness.Update(id, "Contact", ("Title", "CFO"))], CancellationToken.None)).Single();

        outcome.Error.ShouldBe("UNABLE_TO_LOCK_ROW");
        outcome.Retryable.ShouldBeTrue();
    }

    [Fact]
    public async Task Write_AllOrNone_SendsTheRolledBackRecordsAgainWithoutTheBadOne_AndOnlyItFails()
    {
        await using var harness = await SalesforceHarness.StartAsync(new Dictionary<string, string?> { ["Salesforce:AllOrNone"] = "true" });
        var ids = SalesforceSimulator.SeededContactIds.Take(3).ToList();
        var before = harness.Simulator.GetRecord(ids[2])!.Fields.GetValueOrDefault("Title");
        harness.Simulator.SalesforceFaults.FailIds = [ids[2]];

        var outcomes = await harness.Crm.WriteAsync([.. ids.Select(id => SalesforceHarness.Update(id, "Contact", ("Title", "COO")))], CancellationToken.None);

        outcomes.Select(o => (o.Success, o.Error)).ShouldBe([(true, null), (true, null), (false, "FIELD_CUSTOM_VALIDATION_EXCEPTION")]);
        harness.Calls(string.Empty).ShouldBe(2);
        harness.Simulator.Writes.Select(w => (w.Id, w.Applied)).ShouldBe([(ids[0], false), (ids[1], false), (ids[2], false), (ids[0], true), (ids[1], true)]);
        harness.Simulator.GetRecord(ids[0])!.Fields["Title"].ShouldBe("COO");
        harness.Simulator.GetRecord(ids[1])!.Fields["Title"].ShouldBe("COO");
        harness.Simulator.GetRecord(ids[2])!.Fields.GetValueOrDefault("Title").ShouldBe(before);
    }

    [Fact]
    public async Task Write_AnUnknownFieldOrADeletedRecord_FailsThatRecord_AndOnlyAnIdItCannotHoldIsFinal()
    {
        await using var harness = await SalesforceHarness.StartAsync();
        var good = SalesforceSimulator.SeededContactIds[0];
        var deleted = "0035e000000zzzzAAA";

        var outcomes = await harness.Crm.WriteAsync(
        [
            SalesforceHarness.Update(good, "Contact", ("No_Such_Field__c", "x")),
            SalesforceHarness.Update(deleted, "Contact", ("Title", "x")),
            SalesforceHarness.Update("001xx000003DGb2AAG", "Account", ("Name", "x")),
        ], CancellationToken.None);

        outcomes.Select(o => (o.Error, o.Retryable)).ShouldBe([("INVALID_FIELD", true), ("ENTITY_IS_DELETED", true), ("INVALID_ID", false)]);
        harness.Simulator.Writes.Count.ShouldBe(2);
    }

    [Fact]
    public async Task Write_AnEmptyValue_ClearsTheField()
    {
        await using var harness = await SalesforceHarness.StartAsync();
        var id = SalesforceSimulator.SeededLeadIds[0];

        var outcome = (await harness.Crm.WriteAsync([SalesforceHarness.Update(id, "Lead", ("NumberOfEmployees", ""), ("Title", ""))], CancellationToken.None)).Single();

        outcome.Success.ShouldBeTrue();
        harness.Simulator.GetRecord(id)!.Fields["NumberOfEmployees"].ShouldBeNull();
        harness.Simulator.GetRecord(id)!.Fields["Title"].ShouldBeNull();
    }

    [Fact]
    public async Task Write_TheSameRecordTwice_SendsItOnceWithTheLaterValues()
    {
        await using var harness = await SalesforceHarness.StartAsync();
        var id = SalesforceSimulator.SeededContactIds[3];

        var outcomes = await harness.Crm.WriteAsync(
        [
            SalesforceHarness.Update(id, "Contact", ("Title", "First"), ("Department", "Sales")),
            SalesforceHarness.Update(id, "Contact", ("Title", "Second")),
        ], CancellationToken.None);

        outcomes.ShouldAllBe(o => o.Success);
        var write = harness.Simulator.Writes.Single();
        write.Fields["Title"].ShouldBe("Second");
        write.Fields["Department"].ShouldBe("Sales");
    }

    [Fact]
    public async Task Write_MoreThan200Records_IsRefusedBeforeSending()
    {
        await using var harness = await SalesforceHarness.StartAsync();
        var updates = Enumerable.Range(0, 201).Select(i => SalesforceHarness.Update(SalesforceSimulator.SeededContactIds[i % 100], "Contact", ("Title", "x"))).ToList();

        await Should.ThrowAsync<ArgumentException>(() => harness.Crm.WriteAsync(updates, CancellationToken.None));

        harness.Simulator.Calls.Total.ShouldBe(0);
    }

    [Fact]
    public async Task Write_200Records_GoesInOneCall()
    {
        await using var harness = await SalesforceHarness.StartAsync();
        var ids = harness.Simulator.CreateContacts(200);

        var outcomes = await harness.Crm.WriteAsync([.. ids.Select(id => SalesforceHarness.Update(id, "Contact", ("Department", "Finance")))], CancellationToken.None);

        outcomes.Count.ShouldBe(200);
        outcomes.ShouldAllBe(o => o.Success);
        harness.Calls(string.Empty).ShouldBe(1);
        harness.Crm.LastUsage.ShouldBe("api-usage=1/15000");
    }
}
