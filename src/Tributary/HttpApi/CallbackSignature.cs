using System.Security.Cryptography;
using System.Text;

namespace Tributary.Host.HttpApi;

/// <summary>
/// Tributary's HMAC scheme, used for job callbacks it sends and for change events relayed to it (Salesforce): <c>sha256=</c> + lower-case hex of HMAC-SHA256(secret, timestamp + "." + raw body),
/// the timestamp being the <c>X-Tributary-Timestamp</c> header (Unix seconds). Binding the timestamp into the MAC lets
/// a receiver refuse replays of an old delivery. docs/jobs.md shows how to verify it.
/// </summary>
internal static class CallbackSignature
{
    public const string SignatureHeader = "X-Tributary-Signature";
    public const string TimestampHeader = "X-Tributary-Timestamp";

    public static string Compute(string secret, string timestamp, ReadOnlySpan<byte> body)
    {
        var prefix = Encoding.UTF8.GetBytes(timestamp + ".");
        var message = new byte[prefix.Length + body.Length];
        prefix.CopyTo(message, 0);
        body.CopyTo(message.AsSpan(prefix.Length));
        return "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), message));
    }

    /// <summary>True when <paramref name="signature"/> is the signature of <paramref name="body"/> at <paramref name="timestamp"/>, its hex in either case; compared in constant time.</summary>
    public static bool Matches(string secret, string timestamp, ReadOnlySpan<byte> body, string signature) =>
        CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(Compute(secret, timestamp, body)), Encoding.UTF8.GetBytes(signature.Trim().ToLowerInvariant()));
}
