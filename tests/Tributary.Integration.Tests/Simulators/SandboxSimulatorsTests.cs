using System.Net;
using Tributary.Simulators;

namespace Tributary.IntegrationTests.Simulators;

public sealed class SandboxSimulatorsTests
{
    [Fact]
    public async Task StartAsync_StartsEverySimulatorOnItsOwnLoopbackPort()
    {
        await using var sandbox = await SandboxSimulators.StartAsync();

        sandbox.All.Select(s => s.Name).ShouldBe(["clearbit", "zoominfo", "apollo", "hunter", "peopledatalabs", "hubspot", "salesforce", "genesys", "segment"]);
        sandbox.All.Select(s => s.BaseUrl).Distinct().Count().ShouldBe(sandbox.All.Count);
        sandbox.All.ShouldAllBe(s => s.BaseUrl.StartsWith("http://127.0.0.1:", StringComparison.Ordinal));
        using var client = new HttpClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", sandbox.Options.ClearbitApiKey);
        using var response = await client.GetAsync($"{sandbox.Clearbit.BaseUrl}/v2/people/find?email={SampleIdentifiers.JaneDoeEmail}");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public void Options_CarryTheDocumentedSandboxCredentials()
    {
        var options = new SimulatorOptions();

        options.ClearbitApiKey.ShouldBe("sk_sandbox_clearbit");
        (options.ZoomInfoUsername, options.ZoomInfoPassword).ShouldBe(("sandbox", "sandbox"));
        options.ApolloApiKey.ShouldBe("apollo_sandbox");
        options.HunterApiKey.ShouldBe("hunter_sandbox");
        options.PeopleDataLabsApiKey.ShouldBe("pdl_sandbox");
        options.ZoomInfoJwtLifetime.ShouldBe(TimeSpan.FromMinutes(60));
    }

    [Fact]
    public async Task Reset_ClearsFaultsAndCallsEverywhere()
    {
        await using var sandbox = await SandboxSimulators.StartAsync(new SimulatorOptions { ClearbitApiKey = "sk_custom" });
        sandbox.Clearbit.Faults.FailStatus = 500;
        sandbox.ZoomInfo.Faults.Hang = true;
        using var client = new HttpClient();
        using var failed = await client.GetAsync($"{sandbox.Clearbit.BaseUrl}/v2/companies/find?domain=acme.com");

        sandbox.Reset();

        failed.StatusCode.ShouldBe(HttpStatusCode.InternalServerError);
        sandbox.Clearbit.Faults.FailStatus.ShouldBeNull();
        sandbox.ZoomInfo.Faults.Hang.ShouldBeFalse();
        sandbox.Clearbit.Calls.Total.ShouldBe(0);
        sandbox.Clearbit.ApiKey.ShouldBe("sk_custom");
    }
}
