using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Tributary.Host.HttpApi;
using Tributary.Privacy;
using Tributary.Storage;

namespace Tributary.Host.Outcomes;

/// <summary>
/// <c>POST /v1/interactions/{interactionId}/outcome</c>: stores an interaction's outcome for the CDP. It is sent by
/// <see cref="OutcomeWorker"/> once no newer outcome arrived for <c>Cdp:OutcomeSettleSeconds</c>.
/// </summary>
internal static class OutcomeEndpoints
{
    private const int MaxIdLength = 128;
    private const int MaxShortText = 200;
    private const int MaxSummary = 16_000;
    private const double MaxDurationSeconds = 7 * 86_400;

    public static RouteGroupBuilder MapOutcomeEndpoints(this RouteGroupBuilder v1)
    {
        v1.MapPost("/interactions/{interactionId}/outcome", RecordAsync)
            .WithTags("Identity")
            .WithName("RecordOutcome")
            .WithSummary("Record an interaction's outcome for the CDP")
            .WithDescription("Body: {\"profileId\", \"disposition\", \"durationSeconds\", \"agentId\", \"queue\"?, \"summary\"?}. 202: stored; once no newer outcome for the interaction arrived for Cdp:OutcomeSettleSeconds (120), one \"Interaction Completed\" track goes to Segment with a messageId fixed per interaction. 422 when profileId is not a resolved profile.")
            .DocumentsBody<OutcomeRequest>("""{"profileId":"0193a1b2c3d47e8f9a0b1c2d3e4f5a6b","disposition":"resolved","durationSeconds":312,"agentId":"agent-7","queue":"support","summary":"Reset the router; customer happy."}""")
            .Produces<OutcomeAccepted>(StatusCodes.Status202Accepted)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        return v1;
    }

    private static async Task<Results<Accepted<OutcomeAccepted>, ProblemHttpResult>> RecordAsync(
        HttpContext http,
        string interactionId,
        JsonBody json,
        IIdentityGraph graph,
        IStagingQueue staging,
        SensitiveValueMasker masker,
        IOptions<OutcomeOptions> options,
        TimeProvider time,
        CancellationToken cancellationToken)
    {
        if (!IsId(interactionId))
        {
            return Problems.BadRequest(http, "interactionId", $"An interaction id is 1 to {MaxIdLength} letters, digits, '-', '_', '.' or ':'.");
        }

        var (body, problem) = await json.ReadAsync(http, OutcomesJsonContext.Default.OutcomeRequest, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        if (Invalid(body!) is { } invalid)
        {
            return Problems.BadRequest(http, invalid.Field, invalid.Detail);
        }

        // A guest's resolve answers profileId "": a flow that posts it as it came gets the same 422 as any unresolved id.
        if (string.IsNullOrWhiteSpace(body!.ProfileId) || await graph.GetProfileAsync(body.ProfileId, cancellationToken) is not { } profile)
        {
            return Problems.Create(http, StatusCodes.Status422UnprocessableEntity, "Profile not resolved",
                string.IsNullOrWhiteSpace(body.ProfileId)
                    ? "profileId is empty, as a guest's resolve answers it; outcomes are pushed only for callers resolved to a profile."
                    : $"'{body.ProfileId}' is not a resolved profile; outcomes are pushed only for callers resolved to a profile.",
                "profileId");
        }

        var now = time.GetUtcNow();
        var outcome = new PendingOutcome(
            interactionId, profile.Id, body.Disposition!.Trim(), body.DurationSeconds!.Value, body.AgentId!.Trim(),
            body.Queue?.Trim(), body.Summary is null ? null : masker.Mask(body.Summary), now);
        var settlesAt = now.AddSeconds(options.Value.OutcomeSettleSeconds);
        await staging.StageAsync([new StagedRecord(PendingOutcome.Source, interactionId, outcome.ToJson())], settlesAt, cancellationToken);
        return TypedResults.Accepted((string?)null, new OutcomeAccepted(interactionId, profile.Id, settlesAt));
    }

    private static (string Field, string Detail)? Invalid(OutcomeRequest body)
    {
        if (body.ProfileId is null)
        {
            return ("profileId", "profileId is required: the id /v1/identity/resolve returned.");
        }

        if (!string.IsNullOrWhiteSpace(body.ProfileId) && !IsId(body.ProfileId))
        {
            return ("profileId", $"A profile id is 1 to {MaxIdLength} letters, digits, '-', '_', '.' or ':'.");
        }

        if (Text(body.Disposition, MaxShortText, required: true) is { } disposition)
        {
            return ("disposition", $"disposition {disposition}");
        }

        if (body.DurationSeconds is not { } duration || !double.IsFinite(duration) || duration < 0 || duration > MaxDurationSeconds)
        {
            return ("durationSeconds", $"durationSeconds is required, a number from 0 to {MaxDurationSeconds}.");
        }

        if (Text(body.AgentId, MaxShortText, required: true) is { } agent)
        {
            return ("agentId", $"agentId {agent}");
        }

        if (Text(body.Queue, MaxShortText, required: false) is { } queue)
        {
            return ("queue", $"queue {queue}");
        }

        return Text(body.Summary, MaxSummary, required: false) is { } summary ? ("summary", $"summary {summary}") : null;
    }

    /// <summary>What is wrong with a text field, or null.</summary>
    private static string? Text(string? value, int maxLength, bool required) => value switch
    {
        null when required => "is required.",
        null => null,
        _ when required && string.IsNullOrWhiteSpace(value) => "must not be blank.",
        _ when value.Length > maxLength => $"is at most {maxLength} characters.",
        _ when value.Any(static c => char.IsControl(c) && c is not '\n' and not '\r' and not '\t') => "must not hold control characters.",
        _ => null,
    };

    private static bool IsId(string value) =>
        value.Length is > 0 and <= MaxIdLength && value.All(static c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or ':');
}
