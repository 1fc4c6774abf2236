using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Tributary.Simulators.Infrastructure;

namespace Tributary.Simulators.ZoomInfo;

/// <summary>
/// Issues and checks the JWTs <c>POST /authenticate</c> hands out: real three-part tokens, HS256
/// with a secret that lives and dies with this simulator, carrying <c>iat</c> and <c>exp</c> so a
/// connector can read the expiry as it would ZoomInfo's.
/// </summary>
internal sealed class ZoomInfoJwt(TimeProvider timeProvider, TimeSpan lifetime)
{
    private static readonly string EncodedHeader = Base64Url.EncodeToString("""{"alg":"HS256","typ":"JWT"}"""u8);

    private readonly byte[] _secret = RandomNumberGenerator.GetBytes(32);
    private long _issued;

    public string Issue(string username)
    {
        var now = timeProvider.GetUtcNow();
        using var payload = new PooledBufferWriter(256);
        using (var writer = new Utf8JsonWriter(payload))
        {
            writer.WriteStartObject();
            writer.WriteString("iss", "tributary-zoominfo-simulator");
            writer.WriteString("aud", "enterprise_api");
            writer.WriteString("sub", username);
            writer.WriteNumber("iat", now.ToUnixTimeSeconds());
            writer.WriteNumber("exp", (now + lifetime).ToUnixTimeSeconds());
            writer.WriteNumber("jti", Interlocked.Increment(ref _issued));
            writer.WriteEndObject();
        }

        var signingInput = EncodedHeader + "." + Base64Url.EncodeToString(payload.WrittenMemory.Span);
        return signingInput + "." + Base64Url.EncodeToString(Sign(signingInput));
    }

    public ZoomInfoTokenState Check(string? token)
    {
        if (string.IsNullOrEmpty(token))
        {
            return ZoomInfoTokenState.Missing;
        }

        var parts = token.Split('.');
        if (parts.Length != 3 || !Base64Url.IsValid(parts[1]) || !Base64Url.IsValid(parts[2]))
        {
            return ZoomInfoTokenState.Invalid;
        }

        var expected = Sign(parts[0] + "." + parts[1]);
        if (!CryptographicOperations.FixedTimeEquals(expected, Base64Url.DecodeFromChars(parts[2])))
        {
            return ZoomInfoTokenState.Invalid;
        }

        using var claims = JsonDocument.Parse(Base64Url.DecodeFromChars(parts[1]));
        var expires = claims.RootElement.GetProperty("exp").GetInt64();
        return timeProvider.GetUtcNow().ToUnixTimeSeconds() >= expires ? ZoomInfoTokenState.Expired : ZoomInfoTokenState.Valid;
    }

    private byte[] Sign(string signingInput) => HMACSHA256.HashData(_secret, Encoding.ASCII.GetBytes(signingInput));
}
