using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Tributary.Simulators.ZoomInfo;

/// <summary>
/// Checks the client JWT of ZoomInfo's PKI login (<c>POST /authenticate</c> with <c>Authorization: Bearer</c>): RS256,
/// signed by the private key matching <see cref="SimulatorOptions.ZoomInfoPublicKey"/>, <c>aud</c>
/// <c>enterprise_api</c>, <c>iss</c> <c>api-client@zoominfo.com</c>, the configured <c>client_id</c> and
/// <c>username</c>, and a life of at most 300 s that has begun and not ended.
/// </summary>
internal sealed class ZoomInfoClientAssertion(SimulatorOptions options)
{
    private static readonly TimeSpan MaxLifetime = TimeSpan.FromSeconds(300);

    // Clocks differ a little between a client and ZoomInfo.
    private static readonly TimeSpan Skew = TimeSpan.FromSeconds(30);

    /// <summary>Throws <see cref="ArgumentException"/> when a configured public key is not a PEM RSA key.</summary>
    public static void CheckKey(SimulatorOptions options)
    {
        if (options.ZoomInfoPublicKey is not { } publicKey)
        {
            return;
        }

        try
        {
            using var rsa = RSA.Create();
            rsa.ImportFromPem(publicKey);
        }
        catch (CryptographicException ex)
        {
            throw new ArgumentException("ZoomInfoPublicKey is not a PEM-encoded RSA key.", nameof(options), ex);
        }
    }

    /// <summary>The user name the assertion logs in, or null with the reason it is refused.</summary>
    public (string? Username, string? Refusal) Verify(string clientJwt)
    {
        if (options.ZoomInfoPublicKey is not { } publicKey)
        {
            return (null, "PKI authentication is not set up for this account.");
        }

        var parts = clientJwt.Split('.');
        if (parts.Length != 3 || !parts.All(part => Base64Url.IsValid(part)))
        {
            return (null, "The client JWT is malformed.");
        }

        try
        {
            using var header = JsonDocument.Parse(Base64Url.DecodeFromChars(parts[0]));
            if (Text(header.RootElement, "alg") != "RS256")
            {
                return (null, "The client JWT must be signed with RS256.");
            }

            using var rsa = RSA.Create();
            rsa.ImportFromPem(publicKey);
            var signed = rsa.VerifyData(
                Encoding.ASCII.GetBytes(parts[0] + "." + parts[1]), Base64Url.DecodeFromChars(parts[2]), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            if (!signed)
            {
                return (null, "The client JWT signature does not match the registered public key.");
            }

            using var claims = JsonDocument.Parse(Base64Url.DecodeFromChars(parts[1]));
            var refusal = Refusal(claims.RootElement);
            return refusal is null ? (Text(claims.RootElement, "username"), null) : (null, refusal);
        }
        catch (Exception ex) when (ex is JsonException or FormatException or CryptographicException)
        {
            return (null, "The client JWT is malformed.");
        }
    }

    private string? Refusal(JsonElement claims)
    {
        if (Text(claims, "aud") != "enterprise_api" || Text(claims, "iss") != "api-client@zoominfo.com")
        {
            return "The client JWT must have aud enterprise_api and iss api-client@zoominfo.com.";
        }

        if (Text(claims, "client_id") != options.ZoomInfoClientId || Text(claims, "username") != options.ZoomInfoUsername)
        {
            return "Unknown client_id or username.";
        }

        if (Seconds(claims, "iat") is not { } issuedAt || Seconds(claims, "exp") is not { } expires)
        {
            return "The client JWT must carry iat and exp.";
        }

        var now = options.TimeProvider.GetUtcNow();
        if (expires - issuedAt > MaxLifetime || issuedAt > now + Skew)
        {
            return "The client JWT must be issued now and live at most 300 seconds.";
        }

        return expires <= now ? "The client JWT has expired." : null;
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static DateTimeOffset? Seconds(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var seconds) ? DateTimeOffset.FromUnixTimeSeconds(seconds) : null;
}
