using System.Net;
using System.Text.Json;
using Tributary.Simulators;

namespace Tributary.IntegrationTests.Exports;

/// <summary>
/// <c>/v1/enrich?maxBytes=</c> against hostile CRM values (tens of kilobytes of multi-byte text, emoji, quotes, control
/// characters): the body never exceeds the cap, is valid JSON, and keeps every member with its type.
/// </summary>
public sealed class MaxBytesTests(HostileCrm fixture) : IClassFixture<HostileCrm>
{
    private static readonly string Jane = $$"""{"email":"{{SampleIdentifiers.JaneDoeEmail}}"}""";

    [Theory]
    [InlineData(700)]
    [InlineData(1_000)]
    [InlineData(10_240)]
    [InlineData(32_768)]
    [InlineData(200_000)]
    public async Task Enrich_WithMaxBytes_NeverExceedsIt_AndKeepsEveryMember(int maxBytes)
    {
        var full = await fixture.Gateway.EnrichAsync<JsonElement>(Jane);

        using var response = await fixture.Gateway.EnrichAsync(Jane, $"/v1/enrich?maxBytes={maxBytes}");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        bytes.Length.ShouldBeLessThanOrEqualTo(maxBytes);
        var capped = JsonDocument.Parse(bytes).RootElement;
        capped.EnumerateObject().Select(p => p.Name).ShouldBe(full.EnumerateObject().Select(p => p.Name));
        // The members after the fields differ per request (requestId, latencies, cache); the fields do not.
        foreach (var member in full.EnumerateObject().Where(m => m.Name is not ("confidence" or "source" or "partial" or "requestId" or "providers")))
        {
            var value = capped.GetProperty(member.Name);
            var kept = value.GetRawText() == member.Value.GetRawText();
            var emptied = value.ValueKind == JsonValueKind.String ? value.GetString() == string.Empty : value.GetRawText() == "0";
            (kept || emptied).ShouldBeTrue($"{member.Name} is either whole or empty");
            value.ValueKind.ShouldBe(member.Value.ValueKind == JsonValueKind.Number ? JsonValueKind.Number : member.Value.ValueKind, member.Name);
        }

        // The small, useful values survive; the huge ones go first when they do not fit.
        capped.GetProperty("name").GetString().ShouldBe("Jane Doe");
        capped.GetProperty("crmAccountId").GetString().ShouldBe("CRM-1");
        capped.GetProperty("source").GetString().ShouldNotBeNullOrEmpty();
        capped.GetProperty("requestId").GetString().ShouldNotBeNullOrEmpty();
        if (maxBytes < 32_768)
        {
            capped.GetProperty("loyaltyTier").GetString().ShouldBeEmpty();
        }
    }

    [Theory]
    [InlineData(10)]
    [InlineData(0)]
    [InlineData(-5)]
    public async Task Enrich_WithAMaxBytesTooSmallForTheEmptyAnswer_Is400Problem(int maxBytes)
    {
        using var response = await fixture.Gateway.EnrichAsync(Jane, $"/v1/enrich?maxBytes={maxBytes}");

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        (await response.Content.ReadAsStringAsync()).ShouldContain("maxBytes must be at least");
    }

    [Fact]
    public async Task Enrich_WithAMaxBytesThatIsNotANumber_Is400()
    {
        using var response = await fixture.Gateway.EnrichAsync(Jane, "/v1/enrich?maxBytes=lots");

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Enrich_WithoutMaxBytes_IsUncapped()
    {
        using var response = await fixture.Gateway.EnrichAsync(Jane);

        (await response.Content.ReadAsByteArrayAsync()).Length.ShouldBeGreaterThan(100_000);
    }
}
