using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.Options;
using Polly.Timeout;
using Tributary.Host.Crm;

namespace Tributary.Host.Salesforce;

/// <summary>
/// The session: <c>POST {LoginUrl}/services/oauth2/token</c> with a form body (the refresh-token grant when a refresh
/// token is configured, else client credentials), kept until the API refuses it. Salesforce says nothing about a
/// session's lifetime (no <c>expires_in</c>), so the only signal is a 401 <c>INVALID_SESSION_ID</c>, after which the
/// caller <see cref="Invalidate"/>s it. One login is in flight at a time and every caller waiting shares it: a burst
/// of calls after an expiry costs one login, not one each.
/// </summary>
internal sealed class SalesforceTokenSource(IHttpClientFactory clients, IOptions<SalesforceOptions> options, ILogger<SalesforceTokenSource> logger)
{
    public const string LoginClientName = "salesforce-login";

    private readonly SalesforceOptions _options = options.Value;
    private readonly Lock _lock = new();
    private Task<SalesforceSession>? _session;
    private long _logins;

    /// <summary>Logins attempted so far.</summary>
    public long Logins => Interlocked.Read(ref _logins);

    /// <summary>The current session, logging in first when there is none. Throws <see cref="CrmUnavailableException"/> when the login fails.</summary>
    public async Task<SalesforceSession> GetAsync(CancellationToken cancellationToken)
    {
        Task<SalesforceSession> session;
        lock (_lock)
        {
            if (_session is null || _session.IsFaulted || _session.IsCanceled)
            {
                // Not tied to any one caller's token: a caller giving up must not fail the login the others wait on.
                _session = LoginAsync();
            }

            session = _session;
        }

        return await session.WaitAsync(cancellationToken);
    }

    /// <summary>Forgets <paramref name="session"/> after the API refused it, unless a newer login already replaced it.</summary>
    public void Invalidate(SalesforceSession session)
    {
        lock (_lock)
        {
            if (_session is { IsCompletedSuccessfully: true } current && ReferenceEquals(current.Result, session))
            {
                _session = null;
            }
        }
    }

    private async Task<SalesforceSession> LoginAsync()
    {
        Interlocked.Increment(ref _logins);
        var refresh = _options.UsesRefreshToken;
        List<KeyValuePair<string, string>> form = refresh
            ? [new("grant_type", "refresh_token"), new("client_id", _options.ClientId!), new("client_secret", _options.ClientSecret!), new("refresh_token", _options.RefreshToken!)]
            : [new("grant_type", "client_credentials"), new("client_id", _options.ClientId!), new("client_secret", _options.ClientSecret!)];
        using var request = new HttpRequestMessage(HttpMethod.Post, _options.LoginUrl.TrimEnd('/') + "/services/oauth2/token")
        {
            Content = new FormUrlEncodedContent(form),
        };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));

        HttpResponseMessage response;
        try
        {
            response = await clients.CreateClient(LoginClientName).SendAsync(request, CancellationToken.None);
        }
        catch (Exception exception) when (exception is HttpRequestException or TimeoutRejectedException or OperationCanceledException)
        {
            throw Unavailable("server_error", 0, null, exception);
        }

        using (response)
        {
            var body = await response.Content.ReadAsByteArrayAsync();
            var answer = SalesforceAnswers.Login(body);
            if (response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
            {
                // invalid_grant (refresh token expired or revoked), invalid_client, invalid_client_id…: no retry can fix it.
                SalesforceLog.LoginRefused(logger, answer?.Error ?? "unknown", (int)response.StatusCode);
                throw new CrmUnavailableException(SalesforceClient.SystemName, "unauthorized");
            }

            if (!response.IsSuccessStatusCode)
            {
                throw Unavailable("server_error", response.StatusCode, answer?.Error);
            }

            if (answer?.AccessToken is not { Length: > 0 } token)
            {
                throw Unavailable("malformed_response", response.StatusCode, null);
            }

            var instance = _options.InstanceUrl is { Length: > 0 } configured ? configured : answer.InstanceUrl;
            if (!Uri.TryCreate(instance, UriKind.Absolute, out _))
            {
                throw Unavailable("malformed_response", response.StatusCode, "instance_url");
            }

            SalesforceLog.LoggedIn(logger, refresh ? "refresh_token" : "client_credentials");
            return new SalesforceSession(token, instance!.TrimEnd('/'));
        }
    }

    private CrmUnavailableException Unavailable(string reason, HttpStatusCode status, string? error, Exception? inner = null)
    {
        SalesforceLog.Unavailable(logger, reason, (int)status, error);
        return new CrmUnavailableException(SalesforceClient.SystemName, reason, null, inner);
    }
}
