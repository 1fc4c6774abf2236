using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Tributary.Host.HttpApi;
using Tributary.Host.HubSpot;
using Tributary.Host.Pipeline;
using Tributary.Storage;

namespace Tributary.Host.Webhooks;

/// <summary>
/// <c>POST /webhooks/hubspot</c>: a batch of HubSpot events, verified by the v3 signature over the exact URI HubSpot
/// called and the raw body; <c>contact.creation</c> and changes of a trigger property stage the contact.
/// </summary>
internal static class HubSpotWebhook
{
    public const string Scope = "hubspot";

    public static async Task<Results<Accepted<WebhookAccepted>, Ok<WebhookAccepted>, ProblemHttpResult>> ReceiveAsync(
        HttpContext http, IOptions<HubSpotOptions> options, WebhookInbox inbox, TimeProvider time, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var logger = loggers.CreateLogger("Tributary.Webhooks");
        var (body, tooLarge) = await WebhookBody.ReadAsync(http, cancellationToken);
        if (body is null)
        {
            return tooLarge!;
        }

        using (body)
        {
            var hubspot = options.Value;
            var uri = hubspot.WebhookUrl ?? http.Request.GetEncodedUrl();
            var check = HubSpotSignature.Verify(
                http.Request.Method,
                uri,
                body.Memory.Span,
                http.Request.Headers[HubSpotSignature.TimestampHeader],
                http.Request.Headers[HubSpotSignature.SignatureHeader],
                hubspot.ClientSecret ?? string.Empty,
                time.GetUtcNow());
            if (check != HubSpotSignatureCheck.Valid)
            {
                WebhookLog.Refused(logger, Scope, check.ToString());
                return Problems.Create(http, StatusCodes.Status401Unauthorized, "Invalid signature", Explain(check, hubspot.ClientSecret is null));
            }

            IReadOnlyList<HubSpotWebhookEvent> events;
            try
            {
                events = HubSpotWebhookEvents.Parse(body.Memory.Span, hubspot.Triggers);
            }
            catch (HubSpotWebhookFormatException ex)
            {
                return Problems.BadRequest(http, "body", ex.Message);
            }

            // Events that stage nothing (another property's change, a deletion) are remembered too: their replay is a duplicate.
            var intake = await inbox.AcceptAsync(
                Scope,
                [.. events.Select(e => (e.DedupKey, e.Stages ? new StagedRecord(Scope, e.ObjectId, new StagedPayload { ObjectType = "contact" }.ToJson()) : null))],
                cancellationToken);
            WebhookLog.Accepted(logger, Scope, events.Count, intake.Staged);
            return intake.Fresh == 0 && events.Count > 0
                ? TypedResults.Ok(WebhookAccepted.Repeated)
                : TypedResults.Accepted((string?)null, new WebhookAccepted(intake.Staged, Duplicate: false));
        }
    }

    private static string Explain(HubSpotSignatureCheck check, bool noSecret) => check switch
    {
        HubSpotSignatureCheck.Missing when noSecret => "HubSpot:ClientSecret is not configured, so no HubSpot webhook can be verified.",
        HubSpotSignatureCheck.Missing => $"The {HubSpotSignature.SignatureHeader} and {HubSpotSignature.TimestampHeader} headers are required.",
        HubSpotSignatureCheck.Stale => $"{HubSpotSignature.TimestampHeader} is more than 5 minutes away from now.",
        HubSpotSignatureCheck.BadTimestamp => $"{HubSpotSignature.TimestampHeader} is not a time in milliseconds since 1970.",
        _ => $"{HubSpotSignature.SignatureHeader} does not match this request.",
    };
}
