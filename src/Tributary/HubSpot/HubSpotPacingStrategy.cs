using Polly;

namespace Tributary.Host.HubSpot;

/// <summary>
/// The account budget as a step of the HubSpot pipeline, inside the retries and outside the attempt timeout: every
/// attempt waits for its turn (a wait that is never cut short as a slow attempt) and holds it until its answer, and
/// every answer corrects the budget. A ten-secondly 429 pauses every caller, not only the one that got it; a <c>DAILY</c> one stops HubSpot
/// work until the next UTC midnight.
/// </summary>
internal sealed class HubSpotPacingStrategy(HubSpotPacer pacer, TimeProvider time) : ResilienceStrategy<HttpResponseMessage>
{
    protected override async ValueTask<Outcome<HttpResponseMessage>> ExecuteCore<TState>(
        Func<ResilienceContext, TState, ValueTask<Outcome<HttpResponseMessage>>> callback, ResilienceContext context, TState state)
    {
        HubSpotPacer.Turn turn;
        try
        {
            turn = await pacer.WaitAsync(context.CancellationToken).ConfigureAwait(context.ContinueOnCapturedContext);
        }
        catch (Exception exception) when (exception is OperationCanceledException or ObjectDisposedException)
        {
            return Outcome.FromException<HttpResponseMessage>(exception);
        }

        // The call holds its turn until its answer (or failure): HubSpot counted it somewhere in between.
        Outcome<HttpResponseMessage> outcome;
        using (turn)
        {
            outcome = await callback(context, state).ConfigureAwait(context.ContinueOnCapturedContext);
        }

        if (outcome.Result is not { } response)
        {
            return outcome;
        }

        pacer.Observe(response);
        if (HubSpotThrottle.IsThrottle(response))
        {
            var policy = await HubSpotThrottle.PolicyAsync(response, context.CancellationToken).ConfigureAwait(context.ContinueOnCapturedContext);
            if (HubSpotThrottle.IsDaily(policy))
            {
                pacer.StopForTheDay();
            }
            else
            {
                var now = time.GetUtcNow();
                pacer.PauseUntil(now + HubSpotThrottle.Delay(response, now, pacer.Interval));
            }
        }

        return outcome;
    }
}
