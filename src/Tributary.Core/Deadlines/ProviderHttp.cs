namespace Tributary.Deadlines;

/// <summary>
/// The one way a connector reaches its provider: through the provider's named client (rate gate, retries, breaker,
/// attempt timeout) with the call's <see cref="CallBudget"/> attached, which every send must name, so no connector can
/// forget a real-time caller's deadline.
/// </summary>
public sealed class ProviderHttp(IHttpClientFactory clients)
{
    /// <summary>Sends <paramref name="request"/> to <paramref name="provider"/> under <paramref name="budget"/>.</summary>
    public Task<HttpResponseMessage> SendAsync(string provider, HttpRequestMessage request, CallBudget budget, CancellationToken cancellationToken) =>
        ProviderCallContext.SendAsync(clients.CreateClient(provider), request, budget, cancellationToken);
}
