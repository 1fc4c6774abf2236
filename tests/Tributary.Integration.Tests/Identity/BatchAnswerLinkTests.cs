using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Tributary.IntegrationTests.Batch;
using Tributary.IntegrationTests.Infrastructure;
using Tributary.IntegrationTests.Jobs;
using Tributary.IntegrationTests.Pipeline;
using Tributary.Simulators;
using Tributary.Simulators.Dataset;

namespace Tributary.IntegrationTests.Identity;

/// <summary>
/// <c>Identity:LinkOnEnrich</c> for batch answers: a bulk job and records staged without a CRM, run by the real gateway,
/// and <c>tributary enrich</c> run as the real executable, link their fresh matches into the identity graph as real-time answers do; no-matches and
/// rejected records link nothing.
/// </summary>
public sealed class BatchAnswerLinkTests(BatchSimulators simulators) : IClassFixture<BatchSimulators>
{
    [Fact]
    public async Task ABulkJob_LinksItsFreshMatches_WithTheirTraits_AndNotItsNoMatchesOrRejects()
    {
        var (first, second) = (Known(20), Known(21));
        await using var gateway = await GatewayServer.StartAsync();

        var id = await JobsClient.SubmitAsync(gateway.Client, $$"""
            [{"email":"{{first.Email}}","id":"a"},
             {"email":"{{second.Email}}","id":"b"},
             {"email":"{{SampleIdentifiers.UnknownEmail}}","phone":"+1 415 555 0152","id":"c"},
             {"email":"not-an-email","phone":"+1 415 555 0153","id":"d"}]
            """);
        var job = await JobsClient.WaitForCompletionAsync(gateway.Client, id);

        job.GetProperty("matched").GetInt64().ShouldBe(2);
        var linked = await ResolveAsync(gateway, $$"""{"email":"{{first.Email}}"}""");
        linked.GetProperty("match").GetString().ShouldBe("deterministic", "the job completes only once its links are made");
        linked.GetProperty("summary").GetProperty("name").GetString().ShouldBe($"{first.FirstName} {first.LastName}");
        (await ResolveAsync(gateway, $$"""{"email":"{{second.Email}}"}""")).GetProperty("match").GetString().ShouldBe("deterministic");
        (await ResolveAsync(gateway, $$"""{"email":"{{SampleIdentifiers.UnknownEmail}}"}""")).GetProperty("match").GetString().ShouldBe("guest");
        (await ResolveAsync(gateway, """{"phone":"+1 415 555 0152"}""")).GetProperty("match").GetString().ShouldBe("guest");
        (await ResolveAsync(gateway, """{"phone":"+1 415 555 0153"}""")).GetProperty("match").GetString().ShouldBe("guest");
    }

    [Fact]
    public async Task ABulkJob_WithLinkOnEnrichOff_LinksNothing()
    {
        var person = Known(22);
        await using var gateway = await GatewayServer.StartAsync("--Identity:LinkOnEnrich=false");

        var id = await JobsClient.SubmitAsync(gateway.Client, $$"""[{"email":"{{person.Email}}"}]""");
        var job = await JobsClient.WaitForCompletionAsync(gateway.Client, id);

        job.GetProperty("matched").GetInt64().ShouldBe(1);
        (await ResolveAsync(gateway, $$"""{"email":"{{person.Email}}"}""")).GetProperty("match").GetString().ShouldBe("guest");
    }

    [Fact]
    public async Task StagedIdentifiers_WithoutACrm_LinkTheirFreshMatches_AndNotTheirNoMatches()
    {
        var person = Known(26);
        await using var gateway = await GatewayServer.StartAsync("--Pipeline:PollMilliseconds=50");

        using var staged = await gateway.Client.PostAsync("/v1/staging", new StringContent($$"""
            [{"source":"none","id":"known","email":"{{person.Email}}"},
             {"source":"none","id":"nobody","email":"{{SampleIdentifiers.UnknownEmail}}"}]
            """, Encoding.UTF8, "application/json"));
        staged.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        (await PipelineProbe.WaitForRunAsync(gateway.Client)).GetProperty("enriched").GetInt64().ShouldBe(1);

        var linked = await ResolveAsync(gateway, $$"""{"email":"{{person.Email}}"}""");
        linked.GetProperty("match").GetString().ShouldBe("deterministic", "the run is recorded only once its links are made");
        linked.GetProperty("summary").GetProperty("name").GetString().ShouldBe($"{person.FirstName} {person.LastName}");
        (await ResolveAsync(gateway, $$"""{"email":"{{SampleIdentifiers.UnknownEmail}}"}""")).GetProperty("match").GetString().ShouldBe("guest");
    }

    [Fact]
    public async Task AFile_LinksItsFreshMatches_IntoTheStoresGraph_AndLogsNoRawEmail()
    {
        simulators.Reset();
        using var cli = new EnrichCli(simulators);
        var people = new[] { Known(23), Known(24), Known(25) };
        var csv = new StringBuilder("Email,Name\n");
        foreach (var person in people)
        {
            csv.Append($"{person.Email},{person.FirstName}\n");
        }

        csv.Append($"{SampleIdentifiers.UnknownEmail},Nobody\n");
        cli.Write("contacts.csv", csv.ToString());

        await using (var run = await cli.RunAsync("contacts.csv", "--out", "enriched.csv"))
        {
            run.ExitCode.ShouldBe(0, run.Output);
            foreach (var person in people)
            {
                run.Output.ShouldNotContain(person.Email, Case.Insensitive);
            }
        }

        await using var gateway = await GatewayServer.StartOnDatabaseAsync(cli.File("tributary.db"));
        foreach (var person in people)
        {
            var resolved = await ResolveAsync(gateway, $$"""{"email":"{{person.Email}}"}""");
            resolved.GetProperty("match").GetString().ShouldBe("deterministic", person.Email);
            resolved.GetProperty("summary").GetProperty("name").GetString().ShouldBe($"{person.FirstName} {person.LastName}");
        }

        (await ResolveAsync(gateway, $$"""{"email":"{{SampleIdentifiers.UnknownEmail}}"}""")).GetProperty("match").GetString().ShouldBe("guest");
    }

    /// <summary>A sample person Clearbit knows, so enriching their email is a fresh match.</summary>
    private static SamplePerson Known(int index) => Dataset.Value.People.Where(ClearbitSimulator.Coverage.Knows).Skip(index).First();

    private static readonly Lazy<SampleDataset> Dataset = new(SampleDataset.Create);

    private static async Task<JsonElement> ResolveAsync(GatewayServer gateway, string body)
    {
        using var response = await gateway.Client.PostAsync("/v1/identity/resolve", new StringContent(body, Encoding.UTF8, "application/json"));
        var resolved = await response.Content.ReadFromJsonAsync<JsonElement>();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, resolved.ToString());
        return resolved;
    }
}
