using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Tributary.IntegrationTests.Infrastructure;
using Tributary.Simulators;

namespace Tributary.IntegrationTests.AgentDesktop;

/// <summary>
/// One sandbox gateway for the agent-desktop tests of a class: the Segment simulator serves the CDP's traits. Tests
/// use their own user ids and identifiers, so they share the graph without meeting.
/// </summary>
public sealed class DesktopGateway : IAsyncLifetime
{
    private GatewayServer? _server;

    internal GatewayServer Server => _server!;

    public SegmentSimulator Segment => Server.Services.GetRequiredService<SandboxSimulators>().Segment;

    public async Task InitializeAsync() =>
        _server = await GatewayServer.StartAsync("--Privacy:MaskedFields=secret_word", "--Segment:ProfileCircuitBreaker:MinimumThroughput=100");

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }

    /// <summary>Links the traits into a profile through <c>/v1/identity/identify</c>; returns its id.</summary>
    public async Task<string> IdentifyAsync(string json)
    {
        using var response = await Server.Client.PostAsync("/v1/identity/identify", new StringContent(json, Encoding.UTF8, "application/json"));
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        ((int)response.StatusCode).ShouldBe(200, body.ToString());
        return body.GetProperty("profileId").GetString()!;
    }

    /// <summary><c>GET /v1/profiles/{id}</c>: the status, the body as text (to scan) and as JSON.</summary>
    public async Task<(int Status, string Text, JsonElement Body)> ProfileAsync(string profileId, bool refresh = false, string? purpose = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/v1/profiles/{profileId}" + (refresh ? "?refresh=true" : ""));
        if (purpose is not null)
        {
            request.Headers.Add("X-Purpose", purpose);
        }

        using var response = await Server.Client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return ((int)response.StatusCode, text, JsonDocument.Parse(text).RootElement.Clone());
    }
}
