using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using System.Text;

namespace Tributary.Connectors.Clearbit;

/// <summary>
/// <c>X-Request-Signature: sha1=&lt;hex&gt;</c>, the HMAC-SHA1 of the raw body keyed with the account's secret key.
/// Clearbit's SDKs key it with the key minus its <c>sk_</c>/<c>pk_</c> prefix; the key as configured is accepted too,
/// since the provider notes record deliveries that would not verify one way. Hex in either case; compared in constant time.
/// </summary>
internal static class ClearbitWebhookSignature
{
    public const string Header = "X-Request-Signature";

    private const string Scheme = "sha1=";
    private const int MacBytes = 20;

    /// <summary>True when <paramref name="signature"/> is <c>sha1=</c> + the hex HMAC of <paramref name="body"/> under <paramref name="apiKey"/>.</summary>
    [SuppressMessage("Security", "CA5350:Do Not Use Weak Cryptographic Algorithms", Justification = "Clearbit's signing scheme, not ours to choose; HMAC-SHA1 is not weakened by SHA-1 collisions.")]
    public static bool Matches(string apiKey, ReadOnlySpan<byte> body, string signature)
    {
        var text = signature.AsSpan().Trim();
        if (!text.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase) || text.Length != Scheme.Length + (MacBytes * 2))
        {
            return false;
        }

        Span<byte> presented = stackalloc byte[MacBytes];
        if (Convert.FromHexString(text[Scheme.Length..], presented, out _, out var written) != OperationStatus.Done || written != MacBytes)
        {
            return false;
        }

        Span<byte> expected = stackalloc byte[MacBytes];
        var matched = false;
        foreach (var key in KeysOf(apiKey))
        {
            HMACSHA1.HashData(Encoding.UTF8.GetBytes(key), body, expected);
            matched |= CryptographicOperations.FixedTimeEquals(expected, presented);
        }

        return matched;
    }

    private static IEnumerable<string> KeysOf(string apiKey)
    {
        yield return apiKey;
        if (apiKey.StartsWith("sk_", StringComparison.Ordinal) || apiKey.StartsWith("pk_", StringComparison.Ordinal))
        {
            yield return apiKey[3..];
        }
    }
}
