using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Tributary.IntegrationTests.Infrastructure;
using Tributary.Simulators;

namespace Tributary.IntegrationTests.Privacy;

/// <summary>
/// Two gateways on one SQLite file: one has the subject in its memory cache and then sits idle, the other erases the
/// subject. The first must refuse the subject on its very next request once the refresh interval has passed, not
/// answer it once more from memory while it reads the list again in the background.
/// </summary>
public sealed class SuppressionFreshnessTests
{
    private const string Jane = $$"""{"email":"{{SampleIdentifiers.JaneDoeEmail}}"}""";

    [Fact]
    public async Task ForgetOnAnotherNode_AnIdleGatewayRefusesTheSubjectOnItsFirstRequestAfterTheInterval()
    {
        using var directory = new TempDirectory();
        var database = directory.File("tributary.db");
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 1, 8, 0, 0, TimeSpan.Zero));
        await using var serving = await GatewayServer.StartOnDatabaseAsync(
            database, services => services.AddSingleton<TimeProvider>(time), "--Sandbox:Enabled=true", "--Sandbox:Warmup=false", "--Privacy:SuppressionRefreshSeconds=5");
        (await serving.EnrichAsync<JsonElement>(Jane)).GetProperty("source").GetString().ShouldNotBe("none");
        (await serving.EnrichAsync<JsonElement>(Jane)).GetProperty("source").GetString().ShouldBe("cache", "the subject must be in memory, or the test proves nothing");

        await using (var erasing = await GatewayServer.StartOnDatabaseAsync(database, "--Sandbox:Enabled=false"))
        {
            var (status, receipt) = await ErasureTests.ForgetAsync(erasing, Jane);
            status.ShouldBe(200, receipt.ToString());
        }

        time.Advance(TimeSpan.FromSeconds(10));
        var answer = await serving.EnrichAsync<JsonElement>(Jane);

        answer.GetProperty("source").GetString().ShouldBe("none", "the first request after the interval is refused, not served from memory");
        answer.GetProperty("name").GetString().ShouldBe("");
    }
}
