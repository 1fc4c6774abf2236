using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Tributary.Providers;
using Tributary.Json;
using Tributary.Resilience;

namespace Tributary.Connectors.ZoomInfo;

/// <summary>
/// The ZoomInfo JWT: fetched from <c>POST /authenticate</c>, reused until shortly before it expires, and renewed by
/// one caller at a time (the endpoint allows one request per second, and minting per request is discouraged).
/// </summary>
internal sealed class ZoomInfoTokenSource(
    IHttpClientFactory clients,
    IOptions<ZoomInfoOptions> options,
    [FromKeyedServices(ZoomInfoConnector.ProviderName)] ProviderRuntime runtime,
    TimeProvider time) : IDisposable
{
    public const string AuthClientName = "zoominfo-auth";

    /// <summary>ZoomInfo documents a 60-minute token life; used when the token carries no readable expiry.</summary>
    private static readonly TimeSpan DefaultLifetime = TimeSpan.FromMinutes(60);

    /// <summary>
    /// How long refused credentials are not offered again: every lookup would otherwise ask <c>/authenticate</c>, which
    /// allows one request per second, and wrong credentials do not become right without a change of configuration.
    /// </summary>
    private static readonly TimeSpan RefusalPause = TimeSpan.FromSeconds(60);

    /// <summary>How long <c>/authenticate</c> is left alone after a 5xx, or a 429 that does not say: its one-a-second limit.</summary>
    private static readonly TimeSpan BusyPause = TimeSpan.FromSeconds(1);

    private readonly ZoomInfoOptions _options = options.Value;
    private readonly SemaphoreSlim _renewal = new(1, 1);
    private Token? _current;
    private DateTimeOffset _refusedUntil;
    private int _refusedStatus;
    private DateTimeOffset _busyUntil;
    private bool _busyThrottled;

    /// <summary>A token valid for a while yet.</summary>
    public async ValueTask<string> GetAsync(CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref _current) is { } fresh && time.GetUtcNow() < fresh.RenewAt)
        {
            return fresh.Jwt;
        }

        await _renewal.WaitAsync(cancellationToken);
        try
        {
            // Another caller may have renewed it while this one waited.
            if (_current is { } renewed && time.GetUtcNow() < renewed.RenewAt)
            {
                return renewed.Jwt;
            }

            if (time.GetUtcNow() < _refusedUntil)
            {
                throw new ZoomInfoAuthenticationException(_refusedStatus);
            }

            if (time.GetUtcNow() < _busyUntil)
            {
                throw Busy(_busyThrottled);
            }

            Token token;
            try
            {
                token = await AuthenticateAsync(cancellationToken);
            }
            catch (ZoomInfoAuthenticationException refused)
            {
                (_refusedStatus, _refusedUntil) = (refused.Status, time.GetUtcNow() + RefusalPause);
                throw;
            }

            Volatile.Write(ref _current, token);
            return token.Jwt;
        }
        finally
        {
            _renewal.Release();
        }
    }

    /// <summary>Forgets <paramref name="jwt"/> after ZoomInfo rejected it, unless a newer token already replaced it.</summary>
    public void Invalidate(string jwt)
    {
        var current = Volatile.Read(ref _current);
        if (current?.Jwt == jwt)
        {
            Interlocked.CompareExchange(ref _current, null, current);
        }
    }

    public void Dispose() => _renewal.Dispose();

    private async Task<Token> AuthenticateAsync(CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"{_options.ApiBaseUrl}/authenticate");
        if (_options.UsesKeyPair)
        {
            request.Headers.Authorization = new("Bearer", ClientJwt());
        }
        else
        {
            request.Content = OutgoingJson.Create(
                new ZoomInfoAuthenticateRequest(_options.Username!, _options.Password!), ZoomInfoJsonContext.Default.ZoomInfoAuthenticateRequest);
        }

        using var response = await clients.CreateClient(AuthClientName).SendAsync(request, cancellationToken);
        if (response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden or HttpStatusCode.BadRequest)
        {
            throw new ZoomInfoAuthenticationException((int)response.StatusCode);
        }

        if ((int)response.StatusCode == 429 || (int)response.StatusCode >= 500)
        {
            // Throttled or failing: every lookup waiting for a token would otherwise ask again at once.
            _busyThrottled = (int)response.StatusCode == 429;
            _busyUntil = time.GetUtcNow() + (_busyThrottled ? RetryAfter.From(response, time.GetUtcNow()) ?? BusyPause : BusyPause);
            if (_busyThrottled)
            {
                // The account is throttled as a lookup's 429 would say: the pause shows on /v1/providers and holds every caller.
                runtime.Gate.PauseUntil(_busyUntil);
            }
            throw Busy(_busyThrottled);
        }

        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync(ZoomInfoJsonContext.Default.ZoomInfoAuthenticateResponse, cancellationToken);
        if (string.IsNullOrEmpty(body?.Jwt))
        {
            throw new JsonException("ZoomInfo authentication answered without a jwt.");
        }

        var expiresAt = ExpiryOf(body.Jwt) ?? time.GetUtcNow() + DefaultLifetime;
        return new Token(body.Jwt, expiresAt - _options.RefreshBeforeExpiry);
    }

    /// <summary>A 429 makes the lookup <c>rate_limited</c>; a 5xx a <c>server_error</c>, as the same answers to a lookup would.</summary>
    private static Exception Busy(bool throttled) => throttled
        ? new ProviderRateLimitedException(ZoomInfoConnector.ProviderName)
        : new HttpRequestException("ZoomInfo's /authenticate is failing.");

    /// <summary>The <c>exp</c> claim of a JWT, read without validating it (ZoomInfo signs it; we only need the time).</summary>
    private static DateTimeOffset? ExpiryOf(string jwt)
    {
        var parts = jwt.Split('.');
        if (parts.Length < 2)
        {
            return null;
        }

        try
        {
            using var payload = JsonDocument.Parse(Base64UrlDecode(parts[1]));
            return payload.RootElement.TryGetProperty("exp", out var exp) && exp.TryGetInt64(out var seconds)
                ? DateTimeOffset.FromUnixTimeSeconds(seconds)
                : null;
        }
        catch (Exception ex) when (ex is FormatException or JsonException)
        {
            return null;
        }
    }

    /// <summary>The PKI flow's client assertion: RS256, audience <c>enterprise_api</c>, valid five minutes.</summary>
    private string ClientJwt()
    {
        var issuedAt = time.GetUtcNow().ToUnixTimeSeconds();
        var header = Base64UrlEncode("""{"alg":"RS256","typ":"JWT"}"""u8);
        using var payloadJson = new MemoryStream();
        using (var writer = new Utf8JsonWriter(payloadJson))
        {
            writer.WriteStartObject();
            writer.WriteString("aud", "enterprise_api");
            writer.WriteString("iss", "api-client@zoominfo.com");
            writer.WriteNumber("iat", issuedAt);
            writer.WriteNumber("exp", issuedAt + 300);
            writer.WriteString("client_id", _options.ClientId);
            writer.WriteString("username", _options.Username);
            writer.WriteEndObject();
        }

        var signingInput = $"{header}.{Base64UrlEncode(payloadJson.ToArray())}";
        using var rsa = RSA.Create();
        rsa.ImportFromPem(_options.PrivateKeyPem);
        var signature = rsa.SignData(Encoding.ASCII.GetBytes(signingInput), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        return $"{signingInput}.{Base64UrlEncode(signature)}";
    }

    private static string Base64UrlEncode(ReadOnlySpan<byte> bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static byte[] Base64UrlDecode(string text)
    {
        var padded = text.Replace('-', '+').Replace('_', '/');
        return Convert.FromBase64String(padded.PadRight(padded.Length + ((4 - (padded.Length % 4)) % 4), '='));
    }

    private sealed record Token(string Jwt, DateTimeOffset RenewAt);
}

/// <summary>ZoomInfo refused the configured credentials.</summary>
internal sealed class ZoomInfoAuthenticationException(int status)
    : Exception($"ZoomInfo refused the configured credentials (HTTP {status}).")
{
    public int Status { get; } = status;
}
