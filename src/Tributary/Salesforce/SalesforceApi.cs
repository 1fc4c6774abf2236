using System.Net;
using System.Net.Http.Headers;
using Polly.Timeout;
using Tributary.Host.Crm;

namespace Tributary.Host.Salesforce;

/// <summary>
/// One REST call to the org through the <c>salesforce</c> HTTP pipeline (which retries 5xx and network errors): the
/// session's token and instance, <c>Sforce-Call-Options: client=tributary</c> (so change events of our own writes can
/// be told apart), <c>Sforce-Limit-Info</c> recorded. A 401 (<c>INVALID_SESSION_ID</c>, or no body) logs in again and
/// sends once more; a 403 <c>REQUEST_LIMIT_EXCEEDED</c> stops every call until the next UTC midnight without touching
/// the network. What the caller cannot use becomes a <see cref="CrmUnavailableException"/>.
/// </summary>
internal sealed class SalesforceApi(IHttpClientFactory clients, SalesforceTokenSource tokens, SalesforceDailyLimit limit, ILogger<SalesforceApi> logger)
{
    public const string ClientName = "salesforce";
    public const string CallOptions = "client=tributary";

    /// <summary>Sends <paramref name="path"/> (relative to the instance); returns a 2xx or 4xx answer the caller interprets.</summary>
    public async Task<(HttpStatusCode Status, byte[] Body)> SendAsync(HttpMethod method, string path, byte[]? body, CancellationToken cancellationToken)
    {
        if (limit.StoppedUntil is { } resumeAt)
        {
            throw new CrmUnavailableException(SalesforceClient.SystemName, "daily_limit", resumeAt);
        }

        var session = await tokens.GetAsync(cancellationToken);
        var (status, answer) = await SendOnceAsync(session, method, path, body, cancellationToken);
        // Salesforce says INVALID_SESSION_ID; a proxy or another org's edge may say only 401. Either way one new session.
        if (status == HttpStatusCode.Unauthorized)
        {
            SalesforceLog.SessionExpired(logger);
            tokens.Invalidate(session);
            session = await tokens.GetAsync(cancellationToken);
            (status, answer) = await SendOnceAsync(session, method, path, body, cancellationToken);
        }

        var error = status >= HttpStatusCode.BadRequest ? SalesforceAnswers.Error(answer) : null;
        switch (status)
        {
            case HttpStatusCode.Forbidden when error?.ErrorCode == "REQUEST_LIMIT_EXCEEDED" && !IsConcurrencyLimit(error.Message):
                var until = limit.StopForTheDay();
                SalesforceLog.DailyLimit(logger, until);
                throw new CrmUnavailableException(SalesforceClient.SystemName, "daily_limit", until);
            case HttpStatusCode.Forbidden when error?.ErrorCode == "REQUEST_LIMIT_EXCEEDED":
            case HttpStatusCode.TooManyRequests:
                throw Unavailable("rate_limited", status, error?.ErrorCode);
            case HttpStatusCode.Unauthorized:
                throw Unavailable("unauthorized", status, error?.ErrorCode);
            case HttpStatusCode.Forbidden:
                throw Unavailable("forbidden", status, error?.ErrorCode);
            case >= HttpStatusCode.InternalServerError or HttpStatusCode.RequestTimeout:
                throw Unavailable("server_error", status, error?.ErrorCode);
            default:
                return (status, answer);
        }
    }

    /// <summary>Salesforce answers too many long-running calls at once with the same code; that passes in seconds, not at midnight.</summary>
    private static bool IsConcurrencyLimit(string? message) => message?.Contains("Concurrent", StringComparison.OrdinalIgnoreCase) == true;

    private async Task<(HttpStatusCode Status, byte[] Body)> SendOnceAsync(
        SalesforceSession session, HttpMethod method, string path, byte[]? body, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, new Uri(session.InstanceUrl + "/" + path));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", session.AccessToken);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        request.Headers.TryAddWithoutValidation("Sforce-Call-Options", CallOptions);
        if (body is not null)
        {
            request.Content = new ByteArrayContent(body) { Headers = { ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "UTF-8" } } };
        }

        try
        {
            using var response = await clients.CreateClient(ClientName).SendAsync(request, cancellationToken);
            limit.Observe(response.Headers);
            return (response.StatusCode, await response.Content.ReadAsByteArrayAsync(cancellationToken));
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested
            && exception is HttpRequestException or TimeoutRejectedException or OperationCanceledException)
        {
            throw Unavailable("server_error", 0, null, exception);
        }
    }

    private CrmUnavailableException Unavailable(string reason, HttpStatusCode status, string? errorCode, Exception? inner = null)
    {
        SalesforceLog.Unavailable(logger, reason, (int)status, errorCode);
        return new CrmUnavailableException(SalesforceClient.SystemName, reason, null, inner);
    }
}
