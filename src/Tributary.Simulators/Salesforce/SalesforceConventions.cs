using System.Globalization;
using Microsoft.AspNetCore.Http;
using Tributary.Simulators.Infrastructure;

namespace Tributary.Simulators.Salesforce;

/// <summary>
/// Salesforce has no per-minute limit, only the org's daily allowance: every REST answer (not the login's) carries
/// <c>Sforce-Limit-Info: api-usage=used/max</c>, and a call over a limit answers 403 <c>REQUEST_LIMIT_EXCEEDED</c>
/// (the shared TooManyRequests fault is answered the same way, Salesforce has no 429 of its own).
/// </summary>
internal sealed class SalesforceConventions(SalesforceApiUsage usage) : IProviderConventions
{
    public const string LimitInfoHeader = "Sforce-Limit-Info";

    /// <summary>High enough never to bind; the daily allowance is what limits.</summary>
    public int DefaultPerMinuteLimit => 1_000_000;

    public void WriteRateLimitHeaders(HttpContext context, RateWindow window)
    {
        if (!context.Request.Path.StartsWithSegments(SalesforceEndpoints.DataPrefix))
        {
            return;
        }

        var used = usage.Count();
        context.Items[typeof(SalesforceApiUsage)] = used;
        context.Response.Headers[LimitInfoHeader] = string.Create(CultureInfo.InvariantCulture, $"api-usage={used}/{usage.Max}");
    }

    public Task WriteRateLimitedAsync(HttpContext context, RateWindow window) => SalesforceErrors.RequestLimitExceededAsync(context);

    public Task WriteTooManyRequestsAsync(HttpContext context, int retryAfterSeconds) => SalesforceErrors.RequestLimitExceededAsync(context);

    public Task WriteFailureAsync(HttpContext context, int statusCode) =>
        SalesforceErrors.WriteAsync(context, statusCode, SalesforceErrors.CodeFor(statusCode), statusCode >= 500
            ? "An unexpected error occurred. Please include this ErrorId if you contact support: 1234567890-12345 (-1234567890)"
            : "The request could not be processed.");
}
