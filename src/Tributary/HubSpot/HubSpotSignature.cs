using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Tributary.Host.HubSpot;

/// <summary>
/// HubSpot's v3 webhook signature: <c>X-HubSpot-Signature-v3</c> = base64(HMAC-SHA256(client secret, UTF-8 of method +
/// URI + raw body + <c>X-HubSpot-Request-Timestamp</c>)), the timestamp in epoch milliseconds and at most 5 minutes
/// away from now. The URI is the full URL HubSpot called (scheme, host, path and query as sent, <c>HubSpot:WebhookUrl</c>
/// when a proxy changes it), with the escapes HubSpot decodes before signing decoded, or as sent.
/// </summary>
internal static class HubSpotSignature
{
    public const string SignatureHeader = "X-HubSpot-Signature-v3";
    public const string TimestampHeader = "X-HubSpot-Request-Timestamp";

    /// <summary>How far the timestamp may be from now, either way.</summary>
    public static readonly TimeSpan MaxSkew = TimeSpan.FromMinutes(5);

    // HubSpot's documented list of escapes it decodes in the URI before signing.
    private static readonly (string Escape, string Character)[] DecodedEscapes =
    [
        ("%3A", ":"), ("%2F", "/"), ("%3F", "?"), ("%40", "@"), ("%21", "!"), ("%24", "$"),
        ("%27", "'"), ("%28", "("), ("%29", ")"), ("%2A", "*"), ("%2C", ","), ("%3B", ";"),
    ];

    public static HubSpotSignatureCheck Verify(
        string method, string uri, ReadOnlySpan<byte> body, string? timestampHeader, string? signatureHeader, string clientSecret, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(timestampHeader) || string.IsNullOrWhiteSpace(signatureHeader) || string.IsNullOrEmpty(clientSecret))
        {
            return HubSpotSignatureCheck.Missing;
        }

        var timestamp = timestampHeader.Trim();
        if (!long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var milliseconds))
        {
            return HubSpotSignatureCheck.BadTimestamp;
        }

        if (Math.Abs(now.ToUnixTimeMilliseconds() - (double)milliseconds) > MaxSkew.TotalMilliseconds)
        {
            return HubSpotSignatureCheck.Stale;
        }

        Span<byte> provided = stackalloc byte[64];
        if (!Convert.TryFromBase64String(signatureHeader.Trim(), provided, out var length) || length != HMACSHA256.HashSizeInBytes)
        {
            return HubSpotSignatureCheck.Mismatch;
        }

        // HubSpot's list of the escapes it decodes is not settled (its own C# sample decodes the whole URL), so the URI
        // as sent, with the listed escapes decoded and wholly decoded are each accepted.
        var secret = Encoding.UTF8.GetBytes(clientSecret);
        foreach (var candidate in new[] { CanonicalUri(uri), uri, Uri.UnescapeDataString(uri) }.Distinct(StringComparer.Ordinal))
        {
            if (Matches(secret, method.ToUpperInvariant() + candidate, body, timestamp, provided[..length]))
            {
                return HubSpotSignatureCheck.Valid;
            }
        }

        return HubSpotSignatureCheck.Mismatch;
    }

    private static bool Matches(byte[] secret, string methodAndUri, ReadOnlySpan<byte> body, string timestamp, ReadOnlySpan<byte> provided)
    {
        var prefix = Encoding.UTF8.GetBytes(methodAndUri);
        var suffix = Encoding.UTF8.GetBytes(timestamp);
        var message = new byte[prefix.Length + body.Length + suffix.Length];
        prefix.CopyTo(message, 0);
        body.CopyTo(message.AsSpan(prefix.Length));
        suffix.CopyTo(message, prefix.Length + body.Length);
        Span<byte> expected = stackalloc byte[HMACSHA256.HashSizeInBytes];
        HMACSHA256.HashData(secret, message, expected);
        return CryptographicOperations.FixedTimeEquals(expected, provided);
    }

    /// <summary>The URI as HubSpot signs it: the escapes of <see cref="DecodedEscapes"/> decoded, everything else as is.</summary>
    public static string CanonicalUri(string uri)
    {
        if (!uri.Contains('%', StringComparison.Ordinal))
        {
            return uri;
        }

        var builder = new StringBuilder(uri);
        foreach (var (escape, character) in DecodedEscapes)
        {
            builder.Replace(escape, character).Replace(escape.ToLowerInvariant(), character);
        }

        return builder.ToString();
    }
}
