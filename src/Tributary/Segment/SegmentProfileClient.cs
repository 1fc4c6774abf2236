using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.Extensions.Options;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace Tributary.Host.Segment;

/// <summary>
/// Segment's Profile API: a user's traits by user id, through the <c>segment-profiles</c> pipeline (a bounded retry,
/// then a circuit breaker, see <see cref="SegmentRegistration"/>). Expected outcomes are results: 404 is an unknown
/// user, 429 and 5xx after the retries a failure, an open circuit says so without calling Segment.
/// </summary>
internal sealed class SegmentProfileClient(
    IHttpClientFactory httpClientFactory,
    IOptions<SegmentOptions> options,
    SegmentProfileCircuit circuit,
    ILogger<SegmentProfileClient> logger)
{
    /// <summary>Traits asked for in one read: the Profile API's maximum (its default is 10).</summary>
    public const int PageSize = 200;

    private readonly SegmentOptions _options = options.Value;
    private readonly string _authorization = Convert.ToBase64String(Encoding.UTF8.GetBytes((options.Value.AccessToken ?? "") + ":"));

    /// <summary>
    /// Whether the circuit is open: reads fail at once with <see cref="SegmentTraitsStatus.CircuitOpen"/>. It reads true
    /// until the first read after the break (the probe) closes it again, so callers should keep calling
    /// <see cref="GetTraitsAsync"/> and act on its status rather than skip the call on this flag.
    /// </summary>
    public bool IsCircuitOpen => circuit.IsOpen;

    /// <summary><c>GET {ProfilesUrl}/v1/spaces/{SpaceId}/collections/users/profiles/user_id:{userId}/traits</c>.</summary>
    public async Task<SegmentTraitsResult> GetTraitsAsync(string userId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(userId);

        // No short cut on IsCircuitOpen: Polly leaves the state Open until a call after the break, which is the probe.
        // EscapeDataString turns a phone's '+' into %2B, as the Profile API requires.
        var path = $"v1/spaces/{Uri.EscapeDataString(_options.SpaceId ?? "")}/collections/users/profiles/user_id:{Uri.EscapeDataString(userId)}/traits?limit={PageSize}";
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(new Uri(_options.ProfilesUrl.TrimEnd('/') + "/"), path));
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", _authorization);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        try
        {
            using var response = await httpClientFactory.CreateClient(SegmentRegistration.ProfilesClientName).SendAsync(request, cancellationToken);
            var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
            var status = (int)response.StatusCode;
            switch (response.StatusCode)
            {
                case HttpStatusCode.OK:
                    return SegmentProfileAnswers.Traits(body) ?? Failed(status, "malformed_response", "The Profile API answered 200 with a body that is not a JSON object.");
                case HttpStatusCode.NotFound:
                    return SegmentTraitsResult.Unknown(status, SegmentProfileAnswers.ErrorCode(body));
                default:
                    var code = SegmentProfileAnswers.ErrorCode(body);
                    return Failed(status, code, $"The Profile API answered HTTP {status} ({code ?? "no error code"}).");
            }
        }
        catch (BrokenCircuitException)
        {
            SegmentLog.ProfileCircuitOpen(logger);
            return SegmentTraitsResult.Open();
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested
            && exception is HttpRequestException or TimeoutRejectedException or OperationCanceledException)
        {
            return Failed(null, null, $"The Profile API could not be reached ({exception.GetType().Name}).");
        }
    }

    private SegmentTraitsResult Failed(int? status, string? code, string detail)
    {
        SegmentLog.ProfileFailed(logger, status ?? 0, code);
        return SegmentTraitsResult.Failure(status, code, detail);
    }
}
