using System.Net;
using System.Net.Http.Headers;

namespace Tributary.Host.Genesys;

/// <summary>
/// Puts the bearer token on every API request; on a <c>401</c> (the token expired or was revoked early) gets a new
/// token and sends the request once more. Sits inside the retry pipeline, so each attempt is authorised afresh.
/// </summary>
internal sealed class GenesysAuthHandler(GenesysTokenSource tokens) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var token = await tokens.GetAsync(cancellationToken);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var response = await base.SendAsync(request, cancellationToken);
        if (response.StatusCode != HttpStatusCode.Unauthorized)
        {
            return response;
        }

        response.Dispose();
        tokens.Invalidate(token);

        // One more request on the wire: what a failure's attempts count, beside the retries.
        request.Options.Set(GenesysClient.TokenRetriesKey, (request.Options.TryGetValue(GenesysClient.TokenRetriesKey, out var sent) ? sent : 0) + 1);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await tokens.GetAsync(cancellationToken));
        return await base.SendAsync(request, cancellationToken);
    }
}
