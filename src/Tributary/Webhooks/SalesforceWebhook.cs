using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Tributary.Host.HttpApi;
using Tributary.Host.Pipeline;
using Tributary.Host.Salesforce;
using Tributary.Storage;

namespace Tributary.Host.Webhooks;

/// <summary>
/// <c>POST /webhooks/salesforce</c>: change events relayed as JSON (the CDC envelope, its bare payload, or an array),
/// signed with Tributary's callback scheme: <c>X-Tributary-Timestamp</c> (Unix seconds, within 5 minutes) and
/// <c>X-Tributary-Signature: sha256=hex(HMAC-SHA256(Salesforce:WebhookSecret, timestamp + "." + body))</c>. CREATE and
/// UPDATE of a Contact or Lead stage the record; changes made by Tributary itself are ignored.
/// </summary>
internal static class SalesforceWebhook
{
    public const string Scope = "salesforce";

    private static readonly TimeSpan Window = TimeSpan.FromMinutes(5);

    public static async Task<Results<Accepted<WebhookAccepted>, Ok<WebhookAccepted>, ProblemHttpResult>> ReceiveAsync(
        HttpContext http, IOptions<SalesforceOptions> options, WebhookInbox inbox, TimeProvider time, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var logger = loggers.CreateLogger("Tributary.Webhooks");
        var (body, tooLarge) = await WebhookBody.ReadAsync(http, cancellationToken);
        if (body is null)
        {
            return tooLarge!;
        }

        using (body)
        {
            var salesforce = options.Value;
            if (Refusal(http, salesforce.WebhookSecret, body.Memory.Span, time.GetUtcNow()) is { } reason)
            {
                WebhookLog.Refused(logger, Scope, reason);
                return Problems.Create(http, StatusCodes.Status401Unauthorized, "Invalid signature", reason);
            }

            IReadOnlyList<SalesforceChange> changes;
            try
            {
                changes = SalesforceChangeEvents.Parse(body.Memory.Span, salesforce.ClientId ?? string.Empty);
            }
            catch (SalesforceChangeEventFormatException ex)
            {
                return Problems.BadRequest(http, "body", ex.Message);
            }

            var intake = await inbox.AcceptAsync(
                Scope,
                [.. changes.Select(c => (c.DedupKey, c.ObjectType is { } type ? new StagedRecord(Scope, c.RecordId, new StagedPayload { ObjectType = type }.ToJson()) : null))],
                cancellationToken);
            WebhookLog.Accepted(logger, Scope, changes.Count, intake.Staged);
            return intake.Fresh == 0 && changes.Count > 0
                ? TypedResults.Ok(WebhookAccepted.Repeated)
                : TypedResults.Accepted((string?)null, new WebhookAccepted(intake.Staged, Duplicate: false));
        }
    }

    /// <summary>Why the delivery is refused, or null when its timestamp is fresh and its signature matches.</summary>
    private static string? Refusal(HttpContext http, string? secret, ReadOnlySpan<byte> body, DateTimeOffset now)
    {
        if (string.IsNullOrEmpty(secret))
        {
            return "Salesforce:WebhookSecret is not configured, so no relayed change event can be verified.";
        }

        var timestamp = http.Request.Headers[CallbackSignature.TimestampHeader].ToString();
        var signature = http.Request.Headers[CallbackSignature.SignatureHeader].ToString();
        if (timestamp.Length == 0 || signature.Length == 0)
        {
            return $"The {CallbackSignature.TimestampHeader} and {CallbackSignature.SignatureHeader} headers are required.";
        }

        if (!long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            || Math.Abs(now.ToUnixTimeSeconds() - (double)seconds) > Window.TotalSeconds)
        {
            return $"{CallbackSignature.TimestampHeader} is more than 5 minutes away from now.";
        }

        return CallbackSignature.Matches(secret, timestamp, body, signature) ? null : $"{CallbackSignature.SignatureHeader} does not match this request.";
    }
}
