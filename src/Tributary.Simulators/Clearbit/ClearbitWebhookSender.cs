using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Tributary.Simulators.Infrastructure;

namespace Tributary.Simulators.Clearbit;

/// <summary>
/// Clearbit's webhook for a queued lookup: once the 202 has been sent, the record the lookup would have found is
/// POSTed to its <c>webhook_url</c> as <c>{"id", "type", "body", "status"}</c> (404 and a null body when unknown),
/// signed <c>X-Request-Signature: sha1=hex(HMAC-SHA1(key without its sk_ prefix, body))</c> as Clearbit's SDKs verify
/// it. The id is the lookup's <c>webhook_id</c>, else one of the simulator's. One attempt, at once rather than minutes
/// later; the receiver's status is counted in <see cref="ClearbitSimulator.WebhookDeliveries"/>.
/// </summary>
internal sealed class ClearbitWebhookSender(ClearbitSimulator simulator)
{
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private long _lookups;

    /// <summary>Arranges the delivery of <paramref name="answer"/> after this 202, when the lookup named a webhook URL.</summary>
    public void DeliverAfter(HttpContext context, ClearbitAnswer answer)
    {
        if (!Uri.TryCreate(context.Request.Query["webhook_url"].ToString(), UriKind.Absolute, out var target)
            || target.Scheme is not ("http" or "https"))
        {
            return;
        }

        var id = context.Request.Query["webhook_id"].ToString() is { Length: > 0 } given
            ? given
            : "lookup-" + Interlocked.Increment(ref _lookups).ToString(CultureInfo.InvariantCulture);
        var body = Body(id, answer);
        var clients = context.RequestServices.GetRequiredService<IHttpClientFactory>();
        context.Response.OnCompleted(() =>
        {
            _ = SendAsync(clients, target, body);
            return Task.CompletedTask;
        });
    }

    private static byte[] Body(string id, ClearbitAnswer answer)
    {
        using var buffer = new PooledBufferWriter();
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            writer.WriteStartObject();
            writer.WriteString("id", id);
            writer.WriteString("type", answer.Type);
            writer.WritePropertyName("body");
            if (answer.Write is { } write)
            {
                write(writer);
            }
            else
            {
                writer.WriteNullValue();
            }

            writer.WriteNumber("status", answer.Found ? StatusCodes.Status200OK : StatusCodes.Status404NotFound);
            writer.WriteEndObject();
        }

        return buffer.WrittenMemory.ToArray();
    }

    private async Task SendAsync(IHttpClientFactory clients, Uri target, byte[] body)
    {
        string outcome;
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, target) { Content = new ByteArrayContent(body) };
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            request.Headers.Add("X-Request-Signature", Signature(simulator.ApiKey, body));
            using var response = await clients.CreateClient(nameof(ClearbitWebhookSender)).SendAsync(request);
            outcome = ((int)response.StatusCode).ToString(CultureInfo.InvariantCulture);
        }
        catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException or ObjectDisposedException)
        {
            outcome = "failed";
        }

        simulator.WebhookDeliveries.Record(outcome);
    }

    [SuppressMessage("Security", "CA5350:Do Not Use Weak Cryptographic Algorithms", Justification = "Clearbit's signing scheme, reproduced.")]
    private static string Signature(string apiKey, byte[] body)
    {
        var key = apiKey.StartsWith("sk_", StringComparison.Ordinal) || apiKey.StartsWith("pk_", StringComparison.Ordinal) ? apiKey[3..] : apiKey;
        return "sha1=" + Convert.ToHexStringLower(HMACSHA1.HashData(Encoding.UTF8.GetBytes(key), body));
    }
}
