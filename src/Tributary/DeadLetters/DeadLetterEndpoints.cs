using Microsoft.AspNetCore.Http.HttpResults;
using Tributary.Host.HttpApi;
using Tributary.Storage;

namespace Tributary.Host.DeadLetters;

/// <summary>Dead letters of the pipeline, the contact-center events, CDP outcomes and provider callbacks: list and replay.</summary>
internal static class DeadLetterEndpoints
{
    public static RouteGroupBuilder MapDeadLetterEndpoints(this RouteGroupBuilder v1)
    {
        v1.MapGet("/dead-letters", ListAsync)
            .WithTags("Pipeline")
            .WithName("ListDeadLetters")
            .WithSummary("Work that failed for good, latest first")
            .WithDescription("Pipeline records, Genesys events, CDP outcomes and provider callbacks that failed MaxAttempts times or cannot succeed: kind (pipeline, genesys, cdp-outcome, provider-callback), source, record id, reason, attempts. ?limit= (default 100, at most 1000).")
            .Produces<DeadLetterView[]>();

        v1.MapPost("/dead-letters/{id}/replay", ReplayAsync)
            .WithTags("Pipeline")
            .WithName("ReplayDeadLetter")
            .WithSummary("Queue a dead letter's work again")
            .WithDescription("A pipeline record is staged again, an event or a provider callback queued again as it was received; the dead letter is removed.")
            .Produces<DeadLetterReplayed>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        return v1;
    }

    private static async Task<Results<Ok<DeadLetterView[]>, ProblemHttpResult>> ListAsync(HttpContext http, IDeadLetterStore store, int? limit, CancellationToken cancellationToken)
    {
        if (limit is < 1 or > 1000)
        {
            return Problems.BadRequest(http, "limit", "limit must be between 1 and 1000.");
        }

        var letters = await store.ListAsync(limit ?? 100, cancellationToken);
        return TypedResults.Ok(letters.Select(DeadLetterView.Of).ToArray());
    }

    private static async Task<Results<Ok<DeadLetterReplayed>, ProblemHttpResult>> ReplayAsync(HttpContext http, long id, DeadLetterReplay replay, CancellationToken cancellationToken) =>
        await replay.ReplayAsync(id, cancellationToken)
            ? TypedResults.Ok(new DeadLetterReplayed(id, true))
            : Problems.Create(http, StatusCodes.Status404NotFound, "Not found", $"There is no dead letter {id}.");
}
