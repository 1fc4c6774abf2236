using System.Net.Http.Json;
using System.Text.Json;
using Tributary.IntegrationTests.Infrastructure;

namespace Tributary.IntegrationTests.Identity;

/// <summary>
/// One gateway for the identity tests of a class, with a blocked desk phone and test address and a phone limit of 2.
/// Tests use their own identifiers, so they share the graph without meeting.
/// </summary>
public sealed class IdentityGateway : IAsyncLifetime
{
    public const string DeskPhone = "+1 (415) 555-0100";
    public const string TestAddress = "test@example.com";

    private GatewayServer? _server;

    internal GatewayServer Server => _server!;

    public async Task InitializeAsync() =>
        _server = await GatewayServer.StartAsync(
            "--Sandbox:Enabled=false",
            $"--Identity:BlockedValues={TestAddress}, +1 415.555.0100",
            "--Identity:Limits:phone=2");

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }

    public Task<HttpResponseMessage> PostAsync(string path, string json) =>
        Server.Client.PostAsync($"/v1/identity/{path}", new StringContent(json, System.Text.Encoding.UTF8, "application/json"));

    /// <summary>Posts and returns the status with the JSON answer (a problem for errors).</summary>
    public async Task<(int Status, JsonElement Body)> CallAsync(string path, string json)
    {
        using var response = await PostAsync(path, json);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return ((int)response.StatusCode, body);
    }

    public async Task<string> IdentifyAsync(string json)
    {
        var (status, body) = await CallAsync("identify", json);
        status.ShouldBe(200, body.ToString());
        return body.GetProperty("profileId").GetString()!;
    }
}
