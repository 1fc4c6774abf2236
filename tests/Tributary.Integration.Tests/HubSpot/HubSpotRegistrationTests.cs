using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Tributary.Host.Crm;
using Tributary.Host.HubSpot;

namespace Tributary.IntegrationTests.HubSpot;

/// <summary>What <c>AddHubSpot</c> registers, and the <c>HubSpot</c> section as configuration binds it.</summary>
public sealed class HubSpotRegistrationTests
{
    [Fact]
    public void Options_ByDefault_MapThePromisedFieldsAndTriggerOnEmail()
    {
        using var services = Build(new Dictionary<string, string?>());
        var options = services.GetRequiredService<IOptions<HubSpotOptions>>().Value;

        options.BaseUrl.ShouldBe("https://api.hubapi.com");
        options.Triggers.ShouldBe(["email"]);
        options.Mapping.ShouldBe(new Dictionary<string, string>
        {
            ["jobTitle"] = "jobtitle", ["companyName"] = "company", ["industry"] = "industry", ["employeeCount"] = "numberofemployees",
            ["city"] = "city", ["country"] = "country", ["phone"] = "phone",
        }, ignoreOrder: true);
        options.RateLimit.Requests.ShouldBe(190);
        options.RateLimit.IntervalMs.ShouldBe(10_000);
    }

    [Fact]
    public void Options_FromConfiguration_ReplaceTriggersAndDropFieldsMappedToNothing()
    {
        using var services = Build(new Dictionary<string, string?>
        {
            ["HubSpot:TriggerProperties:0"] = "phone",
            ["HubSpot:TriggerProperties:1"] = "company",
            ["HubSpot:Properties:phone"] = "",
            ["HubSpot:Properties:department"] = "hs_department",
        });
        var options = services.GetRequiredService<IOptions<HubSpotOptions>>().Value;

        options.Triggers.ShouldBe(["phone", "company"]);
        options.Mapping.ShouldNotContainKey("phone");
        options.Mapping["department"].ShouldBe("hs_department");
        options.Mapping["jobTitle"].ShouldBe("jobtitle");
    }

    [Fact]
    public void Options_WithTriggerPropertiesAsOneCommaSeparatedValue_ReadItAsAList()
    {
        using var services = Build(new Dictionary<string, string?> { ["HubSpot:TriggerProperties"] = "jobtitle, company" }, twice: true);
        var options = services.GetRequiredService<IOptions<HubSpotOptions>>().Value;

        options.Triggers.ShouldBe(["jobtitle", "company"]);
    }

    [Fact]
    public void AddHubSpot_WithoutAToken_RegistersACrmThatSaysItIsNotConfigured()
    {
        using var services = Build(new Dictionary<string, string?> { ["HubSpot:BaseUrl"] = "http://127.0.0.1:9" });

        services.GetServices<ICrmSystem>().ShouldHaveSingleItem().IsConfigured.ShouldBeFalse();
    }

    [Fact]
    public void AddHubSpot_WithAToken_RegistersOneCrmNamedHubSpot()
    {
        using var services = Build(new Dictionary<string, string?> { ["HubSpot:AccessToken"] = "pat-na1-x" }, twice: true);

        var crm = services.GetServices<ICrmSystem>().ShouldHaveSingleItem();
        crm.Name.ShouldBe("hubspot");
        crm.IsConfigured.ShouldBeTrue();
        crm.FieldMapping("contact")["jobTitle"].ShouldBe("jobtitle");
        crm.FieldMapping("company").ShouldBeEmpty();
    }

    [Fact]
    public void Options_WithABadBaseUrlOrLimit_FailValidationNamingTheKeys()
    {
        using var services = Build(new Dictionary<string, string?> { ["HubSpot:BaseUrl"] = "api.hubapi.com", ["HubSpot:RateLimit:Requests"] = "0" });

        var error = Should.Throw<OptionsValidationException>(() => services.GetRequiredService<IOptions<HubSpotOptions>>().Value);
        error.Message.ShouldContain("HubSpot:BaseUrl");
        error.Message.ShouldContain("HubSpot:RateLimit:Requests");
    }

    private static ServiceProvider Build(Dictionary<string, string?> settings, bool twice = false)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration).AddLogging();
        services.AddHubSpot(configuration);
        if (twice)
        {
            services.AddHubSpot(configuration);
        }

        return services.BuildServiceProvider();
    }
}
