using Tributary.Simulators;

namespace Tributary.IntegrationTests.Salesforce;

/// <summary>Reading Contacts and Leads by id: one call per object type, identities, mapped fields, missing ids.</summary>
public sealed class SalesforceReadTests
{
    [Fact]
    public async Task Read_ContactsLeadsAndUnknownIds_ReadsEachTypeOnceAndReportsTheRestMissing()
    {
        await using var harness = await SalesforceHarness.StartAsync();
        var contact = SalesforceSimulator.SeededContactIds[0];
        var lead = SalesforceSimulator.SeededLeadIds[0];
        var deletedContact = "0035e000000zzzzAAA";
        var account = "001xx000003DGb2AAG";

        var result = await harness.Crm.ReadAsync([contact, lead, deletedContact, account, "not-an-id"], CancellationToken.None);

        result.Records.Select(r => (r.Id, r.ObjectType)).OrderBy(r => r.Id, StringComparer.Ordinal).ShouldBe([(contact, "Contact"), (lead, "Lead")]);
        result.Missing.ShouldBe([account, "not-an-id", deletedContact], ignoreOrder: true);
        harness.Calls("/Contact").ShouldBe(1);
        harness.Calls("/Lead").ShouldBe(1);
    }

    [Fact]
    public async Task Read_AContact_GivesItsIdentityAndEveryMappedField()
    {
        await using var harness = await SalesforceHarness.StartAsync();
        var id = SalesforceSimulator.SeededContactIds[0];
        var stored = harness.Simulator.GetRecord(id)!.Fields;

        var record = (await harness.Crm.ReadAsync([id], CancellationToken.None)).Records.Single();

        record.Identity.Email.ShouldBe(stored["Email"]);
        record.Identity.FirstName.ShouldBe(stored["FirstName"]);
        record.Identity.LastName.ShouldBe(stored["LastName"]);
        record.Identity.Company.ShouldBeNull();
        record.Fields.Keys.ShouldBe(["Title", "Department", "Phone", "MailingCity", "MailingCountry"], ignoreOrder: true);
        record.Fields["Title"].Value.ShouldBe(stored["Title"]);
        record.Fields["MailingCity"].Value.ShouldBe(stored["MailingCity"]);
        record.Fields.Values.ShouldAllBe(v => !v.SetByPerson);
    }

    [Fact]
    public async Task Read_ALeadWithBlanks_GivesItsCompanyAndBlankFields()
    {
        await using var harness = await SalesforceHarness.StartAsync();
        var id = SalesforceSimulator.SeededLeadIds[1];

        var record = (await harness.Crm.ReadAsync([id], CancellationToken.None)).Records.Single();

        record.Identity.Company.ShouldBe(harness.Simulator.GetRecord(id)!.Fields["Company"]);
        record.Fields["Industry"].IsBlank.ShouldBeTrue();
        record.Fields["NumberOfEmployees"].IsBlank.ShouldBeTrue();
        record.Fields["Company"].IsBlank.ShouldBeFalse();
    }

    [Fact]
    public async Task Read_ALeadsEmployeeCount_ComesAsText()
    {
        await using var harness = await SalesforceHarness.StartAsync();
        var id = SalesforceSimulator.SeededLeadIds[0];

        var record = (await harness.Crm.ReadAsync([id], CancellationToken.None)).Records.Single();

        record.Fields["NumberOfEmployees"].Value.ShouldBe(harness.Simulator.GetRecord(id)!.Fields["NumberOfEmployees"]);
        int.Parse(record.Fields["NumberOfEmployees"].Value!, System.Globalization.CultureInfo.InvariantCulture).ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task Read_AFifteenCharacterId_FindsTheRecordUnderTheIdAsked()
    {
        await using var harness = await SalesforceHarness.StartAsync();
        var id15 = SalesforceSimulator.SeededContactIds[2][..15];

        var result = await harness.Crm.ReadAsync([id15], CancellationToken.None);

        result.Records.Single().Id.ShouldBe(id15);
        result.Missing.ShouldBeEmpty();
    }

    [Fact]
    public async Task Read_WithACustomMapping_ReadsTheMappedFieldsOnly()
    {
        await using var harness = await SalesforceHarness.StartAsync(new Dictionary<string, string?>
        {
            ["Salesforce:Fields:Contact:phone"] = "",
            ["Salesforce:Fields:Contact:department"] = "",
        });
        var id = SalesforceSimulator.SeededContactIds[0];

        var record = (await harness.Crm.ReadAsync([id], CancellationToken.None)).Records.Single();

        record.Fields.Keys.ShouldBe(["Title", "MailingCity", "MailingCountry"], ignoreOrder: true);
        harness.Crm.FieldMapping("Contact").ShouldNotContainKey("phone");
        harness.Crm.FieldMapping("Lead")["employeeCount"].ShouldBe("NumberOfEmployees");
    }

    [Fact]
    public async Task Read_MoreThan200Ids_IsRefusedBeforeSending()
    {
        await using var harness = await SalesforceHarness.StartAsync();
        var ids = Enumerable.Range(0, 201).Select(i => SalesforceSimulator.SeededContactIds[i % 100]).ToList();

        await Should.ThrowAsync<ArgumentException>(() => harness.Crm.ReadAsync(ids, CancellationToken.None));

        harness.Simulator.Calls.Total.ShouldBe(0);
    }

    [Fact]
    public async Task Read_RecordsTheLimitInfo()
    {
        await using var harness = await SalesforceHarness.StartAsync();

        await harness.Crm.ReadAsync([SalesforceSimulator.SeededContactIds[0]], CancellationToken.None);
        await harness.Crm.ReadAsync([SalesforceSimulator.SeededLeadIds[0]], CancellationToken.None);

        harness.Crm.LastUsage.ShouldBe("api-usage=2/15000");
    }
}
