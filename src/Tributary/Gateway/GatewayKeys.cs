using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace Tributary.Host.Gateway;

/// <summary>
/// Checks the key a caller presents. Keys are compared as SHA-256 digests in constant time, so neither the
/// comparison's duration nor its early exit tells an attacker how much of a guess was right.
/// </summary>
internal sealed class GatewayKeys
{
    private readonly byte[][] _digests;

    public GatewayKeys(IOptions<GatewayOptions> options)
    {
        _digests = options.Value.Keys.Select(k => SHA256.HashData(Encoding.UTF8.GetBytes(k))).ToArray();
    }

    public bool IsOpen => _digests.Length == 0;

    /// <summary>The key presented in <c>X-Api-Key</c> or <c>Authorization: Bearer</c>, if any.</summary>
    public static string? Presented(HttpRequest request)
    {
        if (request.Headers.TryGetValue("X-Api-Key", out var key) && !string.IsNullOrEmpty(key))
        {
            return key.ToString();
        }

        var authorization = request.Headers.Authorization.ToString();
        return authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? authorization[7..].Trim() : null;
    }

    public bool IsValid(string? presented)
    {
        if (IsOpen)
        {
            return true;
        }

        if (string.IsNullOrEmpty(presented))
        {
            return false;
        }

        Span<byte> digest = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(presented), digest);
        var match = false;
        foreach (var candidate in _digests)
        {
            match |= CryptographicOperations.FixedTimeEquals(candidate, digest);
        }

        return match;
    }
}
