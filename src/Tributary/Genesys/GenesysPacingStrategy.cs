using Polly;

namespace Tributary.Host.Genesys;

/// <summary>
/// The <see cref="GenesysPacer"/> as a step of the <c>genesys</c> pipeline, inside the retries and outside the attempt
/// timeout: every attempt waits for its API's turn (a wait never cut short as a slow attempt), and every answer
/// corrects the token's window and its API's pause. The API is the one <see cref="GenesysClient"/> set on the request.
/// </summary>
internal sealed class GenesysPacingStrategy(GenesysPacer pacer, TimeProvider time) : ResilienceStrategy<HttpResponseMessage>
{
    protected override async ValueTask<Outcome<HttpResponseMessage>> ExecuteCore<TState>(
        Func<ResilienceContext, TState, ValueTask<Outcome<HttpResponseMessage>>> callback, ResilienceContext context, TState state)
    {
        var api = context.GetRequestMessage()?.Options.TryGetValue(GenesysClient.ApiKey, out var set) == true ? set : GenesysApi.ParticipantAttributes;
        try
        {
            await pacer.WaitAsync(api, context.CancellationToken).ConfigureAwait(context.ContinueOnCapturedContext);
        }
        catch (Exception exception) when (exception is OperationCanceledException or ObjectDisposedException)
        {
            return Outcome.FromException<HttpResponseMessage>(exception);
        }

        var sentAt = time.GetUtcNow();
        var outcome = await callback(context, state).ConfigureAwait(context.ContinueOnCapturedContext);
        if (outcome.Result is { } response)
        {
            pacer.Observe(api, response, sentAt);
        }

        return outcome;
    }
}
