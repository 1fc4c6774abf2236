using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Tributary.Host.ContactCenter;
using Tributary.Host.Genesys;
using Tributary.Host.HttpApi;
using Tributary.Storage;

namespace Tributary.Host.Webhooks;

/// <summary>
/// <c>POST /webhooks/genesys</c>: one EventBridge envelope, verified by <c>X-Webhook-Secret</c> (constant-time) against
/// <c>Genesys:WebhookSecret</c>. An inbound <c>customer.start</c> is stored before the <c>202</c> and processed in the
/// background; other topics are acknowledged and ignored. Dedup key: the envelope id.
/// </summary>
internal static class GenesysWebhook
{
    public const string Scope = "genesys";
    public const string SecretHeader = "X-Webhook-Secret";

    public static async Task<Results<Accepted<WebhookAccepted>, Ok<WebhookAccepted>, ProblemHttpResult>> ReceiveAsync(
        HttpContext http, IOptions<GenesysOptions> options, IStagingQueue queue, ContactCenterWakeup wakeup, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var logger = loggers.CreateLogger("Tributary.Webhooks");
        var (body, tooLarge) = await WebhookBody.ReadAsync(http, cancellationToken);
        if (body is null)
        {
            return tooLarge!;
        }

        using (body)
        {
            if (Refusal(options.Value.WebhookSecret, http.Request.Headers[SecretHeader].ToString()) is { } reason)
            {
                WebhookLog.Refused(logger, Scope, reason);
                return Problems.Create(http, StatusCodes.Status401Unauthorized, "Invalid secret", reason);
            }

            GenesysEventEnvelope envelope;
            try
            {
                envelope = GenesysEventEnvelope.Parse(body.Memory.Span);
            }
            catch (GenesysEnvelopeException ex)
            {
                return Problems.BadRequest(http, "body", ex.Message);
            }

            // Other topics are recorded too, so their replays answer as duplicates; only a caller's start is queued.
            StagedRecord[] work = envelope.IsInboundCustomerStart
                ? [new StagedRecord(CallerEvent.Source, envelope.Id, new CallerEvent(envelope.ConversationId!, envelope.ParticipantId!, envelope.Ani).ToJson())]
                : [];
            if (!await queue.StageOnceAsync(Scope, envelope.Id, WebhookInbox.Retention, work, cancellationToken))
            {
                return TypedResults.Ok(WebhookAccepted.Repeated);
            }

            if (work.Length == 0)
            {
                WebhookLog.Accepted(logger, Scope, 1, 0);
                return TypedResults.Accepted((string?)null, new WebhookAccepted(0, Duplicate: false));
            }

            wakeup.Signal();
            WebhookLog.Accepted(logger, Scope, 1, 1);
            return TypedResults.Accepted((string?)null, new WebhookAccepted(1, Duplicate: false));
        }
    }

    private static string? Refusal(string? secret, string presented)
    {
        if (string.IsNullOrEmpty(secret))
        {
            return "Genesys:WebhookSecret is not configured, so no Genesys event can be verified.";
        }

        return presented.Length > 0 && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(presented))
            ? null
            : $"{SecretHeader} is missing or wrong.";
    }
}
