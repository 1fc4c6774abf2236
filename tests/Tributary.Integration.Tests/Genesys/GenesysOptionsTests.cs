using Tributary.Host.Genesys;

namespace Tributary.IntegrationTests.Genesys;

/// <summary>The region table and the URLs and checks built on it.</summary>
public sealed class GenesysOptionsTests
{
    [Theory]
    [InlineData("us_east_1", "https://api.mypurecloud.com", "https://login.mypurecloud.com")]
    [InlineData("eu_west_1", "https://api.mypurecloud.ie", "https://login.mypurecloud.ie")]
    [InlineData("ap_southeast_2", "https://api.mypurecloud.com.au", "https://login.mypurecloud.com.au")]
    [InlineData("ap_northeast_1", "https://api.mypurecloud.jp", "https://login.mypurecloud.jp")]
    [InlineData("eu_central_1", "https://api.mypurecloud.de", "https://login.mypurecloud.de")]
    [InlineData("us_west_2", "https://api.usw2.pure.cloud", "https://login.usw2.pure.cloud")]
    [InlineData("ca_central_1", "https://api.cac1.pure.cloud", "https://login.cac1.pure.cloud")]
    [InlineData("ap_northeast_2", "https://api.apne2.pure.cloud", "https://login.apne2.pure.cloud")]
    [InlineData("eu_west_2", "https://api.euw2.pure.cloud", "https://login.euw2.pure.cloud")]
    [InlineData("ap_south_1", "https://api.aps1.pure.cloud", "https://login.aps1.pure.cloud")]
    [InlineData("us_east_2", "https://api.use2.us-gov-pure.cloud", "https://login.use2.us-gov-pure.cloud")]
    [InlineData("sa_east_1", "https://api.sae1.pure.cloud", "https://login.sae1.pure.cloud")]
    [InlineData("me_central_1", "https://api.mec1.pure.cloud", "https://login.mec1.pure.cloud")]
    [InlineData("ap_northeast_3", "https://api.apne3.pure.cloud", "https://login.apne3.pure.cloud")]
    [InlineData("eu_central_2", "https://api.euc2.pure.cloud", "https://login.euc2.pure.cloud")]
    [InlineData("mx_central_1", "https://api.mxc1.pure.cloud", "https://login.mxc1.pure.cloud")]
    [InlineData("ap_southeast_1", "https://api.apse1.pure.cloud", "https://login.apse1.pure.cloud")]
    [InlineData("US-EAST-1", "https://api.mypurecloud.com", "https://login.mypurecloud.com")]
    [InlineData("mypurecloud.ie", "https://api.mypurecloud.ie", "https://login.mypurecloud.ie")]
    [InlineData("api.usw2.pure.cloud", "https://api.usw2.pure.cloud", "https://login.usw2.pure.cloud")]
    public void Region_GivesTheApiAndLoginHosts(string region, string api, string login)
    {
        var options = new GenesysOptions { Region = region };

        options.ApiBaseUrl.ShouldBe(api);
        options.LoginBaseUrl.ShouldBe(login);
    }

    [Fact]
    public void RegionTable_HasEveryRegionOfTheReference() => GenesysRegions.Hosts.Count.ShouldBe(17);

    [Fact]
    public void BaseUrl_OverridesTheRegion_AndTheLoginFollowsIt()
    {
        new GenesysOptions { Region = "us_east_1", BaseUrl = "https://api.euw2.pure.cloud/" }.LoginBaseUrl.ShouldBe("https://login.euw2.pure.cloud");
        new GenesysOptions { BaseUrl = "http://127.0.0.1:5000" }.LoginBaseUrl.ShouldBe("http://127.0.0.1:5000");
        new GenesysOptions { BaseUrl = "http://127.0.0.1:5000", LoginUrl = "http://127.0.0.1:6000/" }.LoginBaseUrl.ShouldBe("http://127.0.0.1:6000");
    }

    [Theory]
    [InlineData("mars_north_1", "Genesys:Region")]
    [InlineData(null, "Genesys:Region: set the org's region")]
    public void Validator_NamesTheSetting(string? region, string expected)
    {
        var result = new GenesysOptionsValidator().Validate(null, new GenesysOptions { Region = region, ClientId = "id", ClientSecret = "secret" });

        result.Failed.ShouldBeTrue();
        result.FailureMessage!.ShouldContain(expected);
    }

    [Fact]
    public void Validator_RefusesHalfCredentials_BadUrls_AndExternalContactsWithoutCredentials()
    {
        var options = new GenesysOptions { ClientId = "id", BaseUrl = "ftp://x", ExternalContacts = { Enabled = true, AttributeHeadroom = 0.95 } };

        var result = new GenesysOptionsValidator().Validate(null, options);

        result.FailureMessage!.ShouldContain("Genesys:ClientSecret");
        result.FailureMessage!.ShouldContain("Genesys:BaseUrl");
        result.FailureMessage!.ShouldContain("Genesys:ExternalContacts:Enabled");
        result.FailureMessage!.ShouldContain("Genesys:ExternalContacts:AttributeHeadroom");
    }

    [Fact]
    public void Validator_AcceptsNothingConfigured() =>
        new GenesysOptionsValidator().Validate(null, new GenesysOptions()).Succeeded.ShouldBeTrue();
}
