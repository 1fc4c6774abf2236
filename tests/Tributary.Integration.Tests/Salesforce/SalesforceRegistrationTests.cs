using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Tributary.Host.Crm;
using Tributary.Host.Salesforce;

namespace Tributary.IntegrationTests.Salesforce;

/// <summary>When the client is registered, and what configuration it refuses at start.</summary>
public sealed class SalesforceRegistrationTests
{
    [Fact]
    public async Task AddSalesforce_WithoutAClientId_RegistersACrmThatIsNotConfigured_AndBindsTheOptions()
    {
        await using var services = SalesforceHarness.Build(new Dictionary<string, string?>
        {
            ["Salesforce:InstanceUrl"] = "https://example.my.salesforce.com",
            ["Salesforce:WebhookSecret"] = "s3cret",
        });

        services.GetServices<ICrmSystem>().ShouldHaveSingleItem().IsConfigured.ShouldBeFalse();
        services.GetRequiredService<IOptions<SalesforceOptions>>().Value.WebhookSecret.ShouldBe("s3cret");
    }

    [Fact]
    public async Task AddSalesforce_WithAClientId_RegistersOneCrmNamedSalesforce()
    {
        await using var services = SalesforceHarness.Build(new Dictionary<string, string?>
        {
            ["Salesforce:ClientId"] = "id",
            ["Salesforce:ClientSecret"] = "secret",
        });

        var crm = services.GetServices<ICrmSystem>().ShouldHaveSingleItem();
        crm.IsConfigured.ShouldBeTrue();
        crm.Name.ShouldBe("salesforce");
        crm.MaxBatchSize.ShouldBe(200);
        crm.FieldMapping("Contact").ShouldBe(new Dictionary<string, string>
        {
            ["jobTitle"] = "Title", ["department"] = "Department", ["phone"] = "Phone", ["city"] = "MailingCity", ["country"] = "MailingCountry",
        }, ignoreOrder: true);
        crm.FieldMapping("Lead").Count.ShouldBe(6);
        crm.FieldMapping("Account").ShouldBeEmpty();
    }

    [Fact]
    public async Task AddSalesforce_WithOneFieldOverridden_KeepsTheOtherDefaults()
    {
        await using var services = SalesforceHarness.Build(new Dictionary<string, string?>
        {
            ["Salesforce:ClientId"] = "id",
            ["Salesforce:ClientSecret"] = "secret",
            ["Salesforce:Fields:Lead:jobTitle"] = "Job_Title__c",
            ["Salesforce:Fields:Lead:city"] = "",
        });

        var lead = services.GetServices<ICrmSystem>().Single().FieldMapping("Lead");

        lead["jobTitle"].ShouldBe("Job_Title__c");
        lead.ShouldNotContainKey("city");
        lead["industry"].ShouldBe("Industry");
    }

    [Theory]
    [InlineData("Salesforce:ClientSecret", "", "ClientSecret is required")]
    [InlineData("Salesforce:LoginUrl", "login.salesforce.com", "Salesforce:LoginUrl")]
    [InlineData("Salesforce:InstanceUrl", "ftp://x", "Salesforce:InstanceUrl")]
    [InlineData("Salesforce:ApiVersion", "v62.0", "Salesforce:ApiVersion")]
    [InlineData("Salesforce:Fields:Account:name", "Name", "Salesforce:Fields:Account")]
    [InlineData("Salesforce:Fields:Contact:city", "Mailing City", "Salesforce:Fields:Contact:city")]
    [InlineData("Salesforce:Fields:Contact:department", "Title", "maps several fields to 'Title'")]
    public async Task AddSalesforce_WithBadSettings_FailsNamingTheKey(string key, string value, string message)
    {
        await using var services = SalesforceHarness.Build(new Dictionary<string, string?>
        {
            ["Salesforce:ClientId"] = "id",
            ["Salesforce:ClientSecret"] = "secret",
            [key] = value,
        });

        var failure = Should.Throw<OptionsValidationException>(() => services.GetRequiredService<IOptions<SalesforceOptions>>().Value);

        failure.Message.ShouldContain(message);
    }
}
