using System.Globalization;
using Microsoft.Extensions.Options;
using Tributary.Host.HttpApi;

namespace Tributary.Host.Jobs;

/// <summary>
/// Runs inside the callback client's resilience pipeline, so every attempt is signed afresh with the current
/// timestamp (a retry minutes later must not arrive with a stale one) and counted.
/// </summary>
internal sealed class CallbackSigningHandler(IOptions<JobsOptions> options, TimeProvider time) : DelegatingHandler
{
    /// <summary>Set by the sender; counted once per attempt.</summary>
    public static readonly HttpRequestOptionsKey<CallbackAttempts> Attempts = new("tributary.callback.attempts");

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.Options.TryGetValue(Attempts, out var attempts))
        {
            await attempts.NextAsync(cancellationToken);
        }

        var body = request.Content is null ? [] : await request.Content.ReadAsByteArrayAsync(cancellationToken);
        var timestamp = time.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        request.Headers.Remove(CallbackSignature.TimestampHeader);
        request.Headers.Remove(CallbackSignature.SignatureHeader);
        request.Headers.TryAddWithoutValidation(CallbackSignature.TimestampHeader, timestamp);
        request.Headers.TryAddWithoutValidation(CallbackSignature.SignatureHeader, CallbackSignature.Compute(options.Value.CallbackSecret!, timestamp, body));
        return await base.SendAsync(request, cancellationToken);
    }
}
