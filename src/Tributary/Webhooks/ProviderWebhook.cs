using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Tributary.Enrichment;
using Tributary.Host.HttpApi;
using Tributary.Host.ProviderCallbacks;
using Tributary.Orchestration;
using Tributary.Providers;
using Tributary.Storage;

namespace Tributary.Host.Webhooks;

/// <summary>
/// <c>POST /webhooks/providers/{provider}</c>: a provider's late answer to a lookup it queued (Clearbit's 202, then its
/// webhook), verified by the provider's own signature and read by its connector (<see cref="IProviderCallbacks"/>).
/// Stored before the <c>202</c> and kept as the lookup's answer in the background. Dedup key: the delivery's id.
/// </summary>
internal static class ProviderWebhook
{
    // Clocks of the gateways that made the lookup and of this one may differ a little; more is no lookup of ours.
    private static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);

    public static async Task<Results<Accepted<WebhookAccepted>, Ok<WebhookAccepted>, ProblemHttpResult>> ReceiveAsync(
        string provider,
        HttpContext http,
        ProviderCallbackIndex callbacks,
        ProviderCatalog catalog,
        IStagingQueue queue,
        ProviderCallbackWakeup wakeup,
        TimeProvider time,
        ILoggerFactory loggers,
        CancellationToken cancellationToken)
    {
        // The path is not echoed back: only the providers that exist are named.
        if (callbacks.Find(provider) is not { } receiver || !catalog.TryGet(receiver.Name, out var entry))
        {
            return Problems.Create(http, StatusCodes.Status404NotFound, "Unknown provider",
                $"No configured provider answers lookups by callback at this path. Providers that do: {string.Join(", ", callbacks.Names)}.");
        }

        var logger = loggers.CreateLogger("Tributary.Webhooks");
        var (body, tooLarge) = await WebhookBody.ReadAsync(http, cancellationToken);
        if (body is null)
        {
            return tooLarge!;
        }

        using (body)
        {
            var scope = ProviderCallbackIndex.SourceOf(receiver.Name);
            if (receiver.Refusal(body.Memory.Span, name => http.Request.Headers[name].ToString()) is { } reason)
            {
                WebhookLog.Refused(logger, scope, reason);
                return Problems.Create(http, StatusCodes.Status401Unauthorized, "Invalid signature", reason);
            }

            ProviderCallback callback;
            try
            {
                callback = receiver.Read(body.Memory.Span);
            }
            catch (ProviderCallbackFormatException ex)
            {
                return Problems.BadRequest(http, "body", ex.Message);
            }

            // A delivery for a lookup this gateway did not make (other software on the same account) is recorded, so its
            // replays answer as duplicates, and otherwise ignored.
            var ours = callback.LookupKey is { } key && LookupKeys.KindOf(entry, key) is not null;
            if (ours && Staleness(callback.AskedAt, time.GetUtcNow()) is { } stale)
            {
                WebhookLog.Refused(logger, scope, stale);
                return Problems.Create(http, StatusCodes.Status401Unauthorized, "Stale delivery", stale);
            }

            StagedRecord[] work = ours ? [new StagedRecord(scope, callback.EventId, Encoding.UTF8.GetString(body.Memory.Span))] : [];
            if (!await queue.StageOnceAsync(scope, callback.EventId, WebhookInbox.Retention, work, cancellationToken))
            {
                return TypedResults.Ok(WebhookAccepted.Repeated);
            }

            if (work.Length > 0)
            {
                wakeup.Signal();
            }

            WebhookLog.Accepted(logger, scope, 1, work.Length);
            return TypedResults.Accepted((string?)null, new WebhookAccepted(work.Length, Duplicate: false));
        }
    }

    /// <summary>
    /// Why a signed delivery is too old to be processed, or null. A provider's signature covers the body only, with no
    /// timestamp; the lookup's time in the signed id is what bounds a replay to the dedup window, past which it would
    /// otherwise count as new and could put an old answer over a newer one.
    /// </summary>
    private static string? Staleness(DateTimeOffset? askedAt, DateTimeOffset now) => askedAt switch
    {
        { } asked when asked < now - WebhookInbox.Retention => "The delivery answers a lookup made more than 7 days ago; it is not processed.",
        { } asked when asked > now + ClockSkew => "The delivery answers a lookup dated in the future; it is not processed.",
        _ => null,
    };
}
