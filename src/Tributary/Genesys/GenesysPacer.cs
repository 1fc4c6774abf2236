using System.Net;
using Microsoft.Extensions.Options;
using Tributary.Deadlines;
using Tributary.Providers;
using Tributary.Resilience;

namespace Tributary.Host.Genesys;

/// <summary>
/// When a Genesys Cloud call may go. Two limits hold together: the token's (<c>inin-ratelimit-*</c>, the shared
/// <see cref="ProviderRateGate"/>: 300 a minute until the headers say otherwise, none before the reset once the window
/// is spent), which every API shares; and each API's own, learned from its 429s, which pause that API only. Within the
/// token's minute, External Contacts go only while more than <c>Genesys:ExternalContacts:AttributeHeadroom</c> of it
/// is left, so the background write-back never spends what the IVR's attribute writes need.
/// </summary>
internal sealed class GenesysPacer : IDisposable
{
    /// <summary>How often a waiting External Contacts call looks again for headroom: it is background work.</summary>
    private static readonly TimeSpan HeadroomPoll = TimeSpan.FromSeconds(1);

    private readonly ProviderRateGate _token;
    private readonly GenesysApiPause _attributes = new();
    private readonly GenesysApiPause _externalContacts = new();
    private readonly SemaphoreSlim _backgroundTurn = new(1, 1);
    private readonly double _headroom;
    private readonly TimeSpan _ceiling;
    private readonly TimeProvider _time;
    private readonly ILogger<GenesysPacer> _logger;

    public GenesysPacer(IOptions<GenesysOptions> options, TimeProvider time, ILogger<GenesysPacer> logger)
    {
        _time = time;
        _logger = logger;
        _headroom = options.Value.ExternalContacts.AttributeHeadroom;
        _ceiling = TimeSpan.FromSeconds(options.Value.MaxRetryAfterSeconds);
        _token = new ProviderRateGate(GenesysClient.ApiClientName, new RateLimitOptions(), GenesysRateLimits.Defaults, time);
    }

    /// <summary>Waits for a turn to send one call of <paramref name="api"/>: past its API's pause, within the token's limit.</summary>
    public async ValueTask WaitAsync(GenesysApi api, CancellationToken cancellationToken)
    {
        var pause = PauseOf(api);
        await pause.WaitAsync(_time, cancellationToken);
        if (api == GenesysApi.ExternalContacts)
        {
            // One background call looks for headroom at a time, so they cannot all see the same room and overspend it.
            await _backgroundTurn.WaitAsync(cancellationToken);
            try
            {
                await WaitForHeadroomAsync(cancellationToken);
                await _token.AcquireAsync(CallBudget.Batch, cancellationToken);
            }
            finally
            {
                _backgroundTurn.Release();
            }
        }
        else
        {
            await _token.AcquireAsync(CallBudget.Batch, cancellationToken);
        }

        // A pause may have begun while this call waited for its turn.
        await pause.WaitAsync(_time, cancellationToken);
    }

    /// <summary>
    /// Takes what Genesys answered to a call of <paramref name="api"/> sent at <paramref name="sentAt"/>: the token's
    /// window for every API, and a 429's pause for that API alone, at most <c>Genesys:MaxRetryAfterSeconds</c>.
    /// </summary>
    public void Observe(GenesysApi api, HttpResponseMessage response, DateTimeOffset sentAt)
    {
        var now = _time.GetUtcNow();
        _token.Observe(GenesysRateLimits.Window(response, now), sentAt);
        if (response.StatusCode != HttpStatusCode.TooManyRequests)
        {
            return;
        }

        // Over the ceiling the call itself fails at once. The others of its API wait the ceiling: sent sooner they would
        // only meet the same 429; held longer, they would wait more than the options ever let a call wait.
        var asked = GenesysRateLimits.RetryDelay(response, now);
        var pause = asked > _ceiling ? _ceiling : asked;
        if (pause <= TimeSpan.Zero || !PauseOf(api).PauseUntil(now + pause, now))
        {
            return;
        }

        var name = Name(api);
        var seconds = (long)pause.TotalSeconds;
        if (asked > _ceiling)
        {
            GenesysLog.PausedAtTheCeiling(_logger, name, seconds, (long)asked.TotalSeconds);
        }
        else
        {
            GenesysLog.Paused(_logger, name, seconds);
        }
    }

    public void Dispose()
    {
        _token.Dispose();
        _backgroundTurn.Dispose();
    }

    /// <summary>Until more of the token's minute is left than the attribute writes' headroom; at least one call always may go.</summary>
    private async Task WaitForHeadroomAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var limit = _token.PerMinute;
            var reserved = Math.Min((long)Math.Ceiling(limit * _headroom), limit - 1);
            if (_token.Available > reserved && _token.PausedUntil is null)
            {
                return;
            }

            await Task.Delay(HeadroomPoll, _time, cancellationToken);
        }
    }

    private GenesysApiPause PauseOf(GenesysApi api) => api == GenesysApi.ExternalContacts ? _externalContacts : _attributes;

    private static string Name(GenesysApi api) => api == GenesysApi.ExternalContacts ? "External Contacts" : "participant attributes";
}
