using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Tributary.IntegrationTests.Pipeline;

/// <summary>Posts HubSpot webhook deliveries signed as HubSpot signs them (v3), computed here independently of the gateway.</summary>
internal static class HubSpotWebhookSender
{
    public const string SandboxSecret = "hubspot-sandbox-secret";

    public static string Creation(params string[] contactIds) =>
        "[" + string.Join(',', contactIds.Select((id, i) =>
            $$"""{"eventId":{{1000 + i}},"subscriptionId":1,"portalId":62515,"occurredAt":1764806400000,"subscriptionType":"contact.creation","attemptNumber":0,"objectId":{{id}},"changeSource":"CRM_UI","changeFlag":"NEW","appId":54321}""")) + "]";

    public static async Task<HttpResponseMessage> PostAsync(
        HttpClient client, string body, string secret = SandboxSecret, DateTimeOffset? at = null, string path = "/webhooks/hubspot", string? signedUri = null)
    {
        var timestamp = (at ?? DateTimeOffset.UtcNow).ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
        var uri = signedUri ?? new Uri(client.BaseAddress!, path).ToString();
        var signature = Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes("POST" + uri + body + timestamp)));
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add("X-HubSpot-Signature-v3", signature);
        request.Headers.Add("X-HubSpot-Request-Timestamp", timestamp);
        return await client.SendAsync(request);
    }
}
