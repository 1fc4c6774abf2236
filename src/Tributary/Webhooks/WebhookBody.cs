using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Tributary.Host.HttpApi;

namespace Tributary.Host.Webhooks;

/// <summary>The raw body of an incoming webhook, read whole (signatures are computed over the exact bytes), at most 1 MB.</summary>
internal static class WebhookBody
{
    /// <summary>The contract's limit for every webhook.</summary>
    public const int MaxBytes = 1024 * 1024;

    /// <summary>How many times the body's size its chunked framing may take (one-byte chunks take six bytes each).</summary>
    private const int ChunkFramingAllowance = 8;

    public static async Task<(PooledBody? Body, ProblemHttpResult? Problem)> ReadAsync(HttpContext http, CancellationToken cancellationToken)
    {
        // The gateway's 64 KB default suits one enrichment; a HubSpot delivery batches up to 100 events. Kestrel counts
        // a chunked body's framing against its limit, so that one only bounds the framing; the body's own size is
        // checked as it is read.
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = http.Request.ContentLength is null ? (long)MaxBytes * ChunkFramingAllowance : MaxBytes;
        }

        if (http.Request.ContentLength > MaxBytes)
        {
            return (null, TooLarge(http));
        }

        try
        {
            return await PooledBody.ReadAsync(http.Request, MaxBytes, cancellationToken) is { } body ? (body, null) : (null, TooLarge(http));
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return (null, TooLarge(http));
        }
    }

    private static ProblemHttpResult TooLarge(HttpContext http) =>
        Problems.Create(http, StatusCodes.Status413PayloadTooLarge, "Request body too large", $"A webhook body may be at most {MaxBytes} bytes.");
}
