using System.Text.Json;
using Tributary.IntegrationTests.Infrastructure;
using Tributary.Simulators;

namespace Tributary.IntegrationTests.Exports;

/// <summary><c>Gateway:MaxResponseBytes</c>: the cap every <c>/v1/enrich</c> answer gets when the request names none.</summary>
public sealed class MaxResponseBytesDefaultTests
{
    [Fact]
    public async Task Enrich_UnderAConfiguredDefault_IsCapped_AndAQueryCapOverridesIt()
    {
        await using var gateway = await GatewayServer.StartAsync("--Gateway:MaxResponseBytes=420");
        var jane = $$"""{"email":"{{SampleIdentifiers.JaneDoeEmail}}"}""";

        using var capped = await gateway.EnrichAsync(jane);
        var bytes = await capped.Content.ReadAsByteArrayAsync();
        bytes.Length.ShouldBeLessThanOrEqualTo(420);
        JsonDocument.Parse(bytes).RootElement.GetProperty("name").GetString().ShouldBe("Jane Doe");

        using var wider = await gateway.EnrichAsync(jane, "/v1/enrich?maxBytes=100000");
        (await wider.Content.ReadAsByteArrayAsync()).Length.ShouldBeGreaterThan(bytes.Length);
    }
}
