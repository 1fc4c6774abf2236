using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Tributary.Resilience;

namespace Tributary.Host.Genesys;

/// <summary>
/// The client-credentials token: <c>POST {LoginUrl}/oauth/token</c> with Basic auth and a form body, reused until 60 s
/// before <c>expires_in</c> runs out, fetched by one caller at a time (the login has rate limits of its own, and every
/// token carries its own per-token budget). Genesys gives no refresh token for this grant: a new one is requested.
/// </summary>
internal sealed class GenesysTokenSource(IHttpClientFactory clients, IOptions<GenesysOptions> options, TimeProvider time, ILogger<GenesysTokenSource> logger) : IDisposable
{
    public const string LoginClientName = "genesys-login";

    private static readonly TimeSpan RenewBeforeExpiry = TimeSpan.FromSeconds(60);

    /// <summary>How long the login is left alone after a 429 that does not say.</summary>
    private static readonly TimeSpan LoginBusyPause = TimeSpan.FromSeconds(1);

    private readonly GenesysOptions _options = options.Value;
    private readonly SemaphoreSlim _renewal = new(1, 1);
    private Token? _current;
    private DateTimeOffset _loginHeldUntil;
    private long _requests;

    /// <summary>Tokens requested from the login so far.</summary>
    public long Requests => Interlocked.Read(ref _requests);

    /// <summary>A token valid for a while yet.</summary>
    public async ValueTask<string> GetAsync(CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref _current) is { } fresh && time.GetUtcNow() < fresh.RenewAt)
        {
            return fresh.Value;
        }

        await _renewal.WaitAsync(cancellationToken);
        try
        {
            // Another caller may have renewed it while this one waited.
            if (_current is { } renewed && time.GetUtcNow() < renewed.RenewAt)
            {
                return renewed.Value;
            }

            // The login said how long to wait (a 429): every caller waits that out here, with the one renewal, unless
            // it is longer than any call waits for Genesys (Genesys:MaxRetryAfterSeconds).
            if (_loginHeldUntil - time.GetUtcNow() is var held && held > TimeSpan.Zero)
            {
                if (held > TimeSpan.FromSeconds(_options.MaxRetryAfterSeconds))
                {
                    throw new HttpRequestException("The Genesys Cloud login asked to wait longer than Genesys:MaxRetryAfterSeconds.", null, HttpStatusCode.TooManyRequests);
                }

                await Task.Delay(held, time, cancellationToken);
            }

            var token = await RequestAsync(cancellationToken);
            Volatile.Write(ref _current, token);
            return token.Value;
        }
        finally
        {
            _renewal.Release();
        }
    }

    /// <summary>Forgets <paramref name="token"/> after the API refused it, unless a newer token already replaced it.</summary>
    public void Invalidate(string token)
    {
        var current = Volatile.Read(ref _current);
        if (current?.Value == token)
        {
            Interlocked.CompareExchange(ref _current, null, current);
        }
    }

    public void Dispose() => _renewal.Dispose();

    /// <summary>
    /// One login. A 400, 401 or 403 means the client itself is refused (<see cref="GenesysAuthenticationException"/>);
    /// anything else unusable is an <see cref="HttpRequestException"/>, which the caller's pipeline retries.
    /// </summary>
    private async Task<Token> RequestAsync(CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _requests);
        using var request = new HttpRequestMessage(HttpMethod.Post, $"{_options.LoginBaseUrl}/oauth/token")
        {
            Content = new FormUrlEncodedContent([new("grant_type", "client_credentials")]),
        };
        var basic = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{_options.ClientId}:{_options.ClientSecret}"));
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", basic);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));

        using var response = await clients.CreateClient(LoginClientName).SendAsync(request, cancellationToken);
        if (response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
        {
            GenesysLog.LoginRefused(logger, (int)response.StatusCode);
            throw new GenesysAuthenticationException((int)response.StatusCode);
        }

        if (response.StatusCode == HttpStatusCode.TooManyRequests)
        {
            _loginHeldUntil = time.GetUtcNow() + (RetryAfter.From(response, time.GetUtcNow()) ?? LoginBusyPause);
        }

        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"The Genesys Cloud login answered HTTP {(int)response.StatusCode}.", null, response.StatusCode);
        }

        GenesysTokenResponse? body;
        try
        {
            body = await response.Content.ReadFromJsonAsync(GenesysJsonContext.Default.GenesysTokenResponse, cancellationToken);
        }
        catch (JsonException ex)
        {
            throw new HttpRequestException("The Genesys Cloud login answered with unreadable JSON.", ex);
        }

        if (string.IsNullOrEmpty(body?.AccessToken))
        {
            throw new HttpRequestException("The Genesys Cloud login answered without an access_token.");
        }

        // Client-credentials tokens live 24 h by default; a lifetime of 60 s or less is renewed at its half rather than never used.
        var lifetime = TimeSpan.FromSeconds(Math.Max(1, body.ExpiresIn ?? 86_399));
        var margin = lifetime > RenewBeforeExpiry ? RenewBeforeExpiry : lifetime / 2;
        GenesysLog.TokenIssued(logger, (long)lifetime.TotalSeconds);
        return new Token(body.AccessToken, time.GetUtcNow() + lifetime - margin);
    }

    private sealed record Token(string Value, DateTimeOffset RenewAt);
}
