using System.Text;
using Microsoft.AspNetCore.Http;

namespace Tributary.Simulators.Infrastructure;

/// <summary>Reads the credentials out of an Authorization header.</summary>
internal static class AuthorizationHeader
{
    public static string? Bearer(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        return header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header[7..].Trim() : null;
    }

    /// <summary>The user name of HTTP Basic credentials ("user:password" in base64), or null.</summary>
    public static string? BasicUser(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        if (!header.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var encoded = header.AsSpan(6).Trim();
        var bytes = new byte[encoded.Length];
        if (!Convert.TryFromBase64Chars(encoded, bytes, out var written))
        {
            return null;
        }

        var decoded = Encoding.UTF8.GetString(bytes, 0, written);
        var colon = decoded.IndexOf(':', StringComparison.Ordinal);
        return colon >= 0 ? decoded[..colon] : decoded;
    }
}
