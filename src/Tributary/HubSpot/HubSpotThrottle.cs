using System.Globalization;
using System.Net;
using System.Text.Json;
using Tributary.Resilience;

namespace Tributary.Host.HubSpot;

/// <summary>
/// Reads a HubSpot 429: its <c>policyName</c> (<c>TEN_SECONDLY_ROLLING</c>, <c>SECONDLY</c> or <c>DAILY</c>) and how long
/// to wait. Only <c>DAILY</c> is final for the day; any other 429, including one whose body cannot be read, is a
/// short throttle worth waiting out.
/// </summary>
internal static class HubSpotThrottle
{
    public const string Daily = "DAILY";

    public static bool IsThrottle(HttpResponseMessage? response) => response?.StatusCode == HttpStatusCode.TooManyRequests;

    /// <summary>The 429's <c>policyName</c>, or null when the body does not say. Buffers the body so it can be read again.</summary>
    public static async ValueTask<string?> PolicyAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            await response.Content.LoadIntoBufferAsync(cancellationToken);
            var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
            return Policy(body);
        }
        catch (HttpRequestException)
        {
            return null;
        }
    }

    public static string? Policy(ReadOnlySpan<byte> body)
    {
        try
        {
            var reader = new Utf8JsonReader(body);
            using var document = JsonDocument.ParseValue(ref reader);
            return document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("policyName", out var policy) && policy.ValueKind == JsonValueKind.String
                ? policy.GetString()
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public static bool IsDaily(string? policy) => string.Equals(policy, Daily, StringComparison.OrdinalIgnoreCase);

    /// <summary>Retry-After, else HubSpot's interval header, else <paramref name="fallback"/>.</summary>
    public static TimeSpan Delay(HttpResponseMessage response, DateTimeOffset now, TimeSpan fallback)
    {
        if (RetryAfter.From(response, now) is { } retryAfter && retryAfter > TimeSpan.Zero)
        {
            return retryAfter;
        }

        return response.Headers.TryGetValues("X-HubSpot-RateLimit-Interval-Milliseconds", out var values)
            && long.TryParse(values.FirstOrDefault(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var ms) && ms is > 0 and <= 86_400_000
            ? TimeSpan.FromMilliseconds(ms)
            : fallback;
    }
}
