using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using Tributary.Host.HttpApi;

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

    public bool IsValid(string? presented) => IsOpen || Match(presented) >= 0;

    /// <summary>
    /// Whose quota a request draws on: the valid key it presents, or on an open gateway its remote address (any key
    /// at all would otherwise buy a fresh quota with every new value); null for a request without a valid key, which
    /// is answered 401 and draws on none.
    /// </summary>
    public string? QuotaPartition(HttpContext http)
    {
        if (IsOpen)
        {
            return "ip:" + http.Connection.RemoteIpAddress;
        }

        return Match(Presented(http.Request)) is var index and >= 0 ? "key:" + index.ToString(System.Globalization.CultureInfo.InvariantCulture) : null;
    }

    /// <summary>
    /// The id that audit rows name a key by: <c>key-</c> and the first 12 hex digits of the key's SHA-256, stable
    /// across restarts and useless to an attacker; <see cref="CallerKey.Open"/> on an open gateway.
    /// </summary>
    public string KeyId(string? presented)
    {
        var index = IsOpen ? -1 : Match(presented);
        return index < 0 ? CallerKey.Open : "key-" + Convert.ToHexStringLower(_digests[index], 0, 6);
    }

    /// <summary>The index of the configured key equal to <paramref name="presented"/>, or -1; every key is compared.</summary>
    private int Match(string? presented)
    {
        if (string.IsNullOrEmpty(presented))
        {
            return -1;
        }

        Span<byte> digest = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(presented), digest);
        var match = -1;
        for (var i = 0; i < _digests.Length; i++)
        {
            match = CryptographicOperations.FixedTimeEquals(_digests[i], digest) ? i : match;
        }

        return match;
    }
}
