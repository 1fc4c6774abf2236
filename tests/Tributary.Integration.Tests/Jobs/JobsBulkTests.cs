using Tributary.IntegrationTests.Infrastructure;
using Tributary.IntegrationTests.Simulators;
using Tributary.IntegrationTests.Simulators.Apollo;
using Tributary.IntegrationTests.Simulators.PeopleDataLabs;
using Tributary.IntegrationTests.Simulators.ZoomInfo;

namespace Tributary.IntegrationTests.Jobs;

/// <summary>A bulk job goes through the batch pump as a file does, so its records reach the providers' bulk endpoints.</summary>
public sealed class JobsBulkTests(PeopleDataLabsFixture pdl, ApolloFixture apollo, ZoomInfoFixture zoominfo)
    : IClassFixture<PeopleDataLabsFixture>, IClassFixture<ApolloFixture>, IClassFixture<ZoomInfoFixture>
{
    private const int People = 250;

    [Fact]
    public async Task Job_Of250People_UsesTheBulkEndpoints()
    {
        pdl.Reset();
        apollo.Reset();
        zoominfo.Reset();
        var people = (await TestDataset.Shared).People.Take(People).ToArray();
        await using var gateway = await GatewayServer.StartAsync(
            $"--Providers:PeopleDataLabs:ApiKey={pdl.Simulator.ApiKey}", $"--Providers:PeopleDataLabs:BaseUrl={pdl.Simulator.BaseUrl}/v5",
            $"--Providers:Apollo:ApiKey={apollo.Simulator.ApiKey}", $"--Providers:Apollo:BaseUrl={apollo.Simulator.BaseUrl}/api/v1",
            $"--Providers:ZoomInfo:Username={zoominfo.Simulator.Username}", $"--Providers:ZoomInfo:Password={zoominfo.Simulator.Password}",
            $"--Providers:ZoomInfo:BaseUrl={zoominfo.Simulator.BaseUrl}");
        var body = "[" + string.Join(",", people.Select(p => $$"""{"email":"{{p.Email}}"}""")) + "]";

        var id = await JobsClient.SubmitAsync(gateway.Client, body);
        var job = await JobsClient.WaitForCompletionAsync(gateway.Client, id);

        job.GetProperty("status").GetString().ShouldBe("completed");
        job.GetProperty("processed").GetInt64().ShouldBe(People);
        job.GetProperty("matched").GetInt64().ShouldBeGreaterThan(People / 2);
        job.GetProperty("failed").GetInt64().ShouldBe(0);
        // Documented batch sizes: People Data Labs 100, ZoomInfo 25, Apollo 10 people per call. Every call counts, so
        // a record asked one by one would show.
        pdl.Simulator.Calls.Total.ShouldBeLessThanOrEqualTo(3);
        pdl.Simulator.Calls["/v5/person/bulk"].ShouldBeGreaterThan(0);
        (zoominfo.Simulator.Calls.Total - zoominfo.Simulator.Calls["/authenticate"]).ShouldBeLessThanOrEqualTo(10);
        apollo.Simulator.Calls.Total.ShouldBeLessThanOrEqualTo(25);
        apollo.Simulator.Calls["/api/v1/people/bulk_match"].ShouldBeGreaterThan(0);
        (await JobsClient.ResultsAsync(gateway.Client, id)).Select(r => r.GetProperty("index").GetInt32()).ShouldBe(Enumerable.Range(0, People));
    }
}
