using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Polly.Timeout;
using Tributary.Host.Crm;

namespace Tributary.Host.HubSpot;

/// <summary>
/// HubSpot contacts as the pipeline's CRM: batch read (with history, to tell what a person typed) and batch update,
/// 100 records a call, through the <c>hubspot</c> HTTP pipeline (<see cref="HubSpotRegistration"/>). What the
/// pipeline cannot absorb becomes a <see cref="CrmUnavailableException"/>: the daily limit (until the next UTC
/// midnight, without another call before then), a revoked token, HubSpot down after the retries, an unreadable answer.
/// </summary>
internal sealed class HubSpotClient(
    IHttpClientFactory httpClientFactory,
    IOptions<HubSpotOptions> options,
    HubSpotPacer pacer,
    ILogger<HubSpotClient> logger) : ICrmSystem
{
    public const string SystemName = "hubspot";
    public const string ObjectType = "contact";
    public const int BatchLimit = 100;

    private const string ReadPath = "crm/v3/objects/contacts/batch/read";
    private const string UpdatePath = "crm/v3/objects/contacts/batch/update";

    /// <summary>Read for every record whatever the mapping: what enrichment looks people up by (<c>website</c> gives the domain).</summary>
    private static readonly string[] IdentityProperties = ["email", "phone", "firstname", "lastname", "company", "website"];

    private readonly HubSpotOptions _options = options.Value;
    private readonly IReadOnlyDictionary<string, string> _mapping = options.Value.Mapping;

    public string Name => SystemName;

    public bool IsConfigured => _options.HasAccessToken;

    public int MaxBatchSize => BatchLimit;

    public string? LastUsage => pacer.LastUsage;

    public IReadOnlyDictionary<string, string> FieldMapping(string objectType) =>
        string.Equals(objectType, ObjectType, StringComparison.OrdinalIgnoreCase) ? _mapping : new Dictionary<string, string>();

    public async Task<CrmReadResult> ReadAsync(IReadOnlyList<string> recordIds, CancellationToken cancellationToken)
    {
        CheckBatch(recordIds, nameof(recordIds));
        if (recordIds.Count == 0)
        {
            return new CrmReadResult([], []);
        }

        var mapped = _mapping.Values.Distinct(StringComparer.Ordinal).ToList();
        var ids = recordIds.Distinct(StringComparer.Ordinal).ToList();
        var body = HubSpotRequestBodies.Read(ids, IdentityProperties.Union(mapped, StringComparer.Ordinal), mapped);
        var (status, answer) = await SendAsync(ReadPath, body, cancellationToken);
        if (status is not (HttpStatusCode.OK or HttpStatusCode.MultiStatus))
        {
            throw Unavailable("bad_request", status);
        }

        HubSpotReadAnswer read;
        try
        {
            read = HubSpotAnswers.Read(answer, ids, mapped);
        }
        catch (JsonException exception)
        {
            throw Unavailable("malformed_response", status, exception);
        }

        HubSpotLog.Read(logger, ids.Count, read.Result.Records.Count, read.Result.Missing.Count);
        if (read.Failed.Count > 0)
        {
            // Left out of both lists, a contact HubSpot could not read is retried by the pipeline on its own.
            HubSpotLog.ReadFailed(logger, read.Failed.Count, ids.Count, read.Failed.Values.First());
        }

        return read.Result;
    }

    public async Task<IReadOnlyList<CrmWriteOutcome>> WriteAsync(IReadOnlyList<CrmUpdate> updates, CancellationToken cancellationToken)
    {
        CheckBatch(updates, nameof(updates));
        if (updates.Count == 0)
        {
            return [];
        }

        // HubSpot refuses a batch naming an id twice; the fields of repeated records are merged, later ones winning.
        var merged = updates.GroupBy(static u => u.Id, StringComparer.Ordinal)
            .Select(static g => g.Count() == 1 ? g.First() : new CrmUpdate(g.Key, g.First().ObjectType, g.SelectMany(static u => u.Fields)
                .GroupBy(static f => f.Key, StringComparer.Ordinal).ToDictionary(static f => f.Key, static f => f.Last().Value, StringComparer.Ordinal)))
            .ToList();
        var (status, answer) = await SendAsync(UpdatePath, HubSpotRequestBodies.Update(merged), cancellationToken);
        IReadOnlyList<CrmWriteOutcome> outcomes;
        if (status is HttpStatusCode.OK or HttpStatusCode.MultiStatus)
        {
            // A record is written when HubSpot lists it among the results, whatever the status line says of the rest.
            try
            {
                var byId = HubSpotAnswers.Write(answer, merged).ToDictionary(static o => o.Id, StringComparer.Ordinal);
                outcomes = [.. updates.Select(u => byId[u.Id])];
            }
            catch (JsonException exception)
            {
                throw Unavailable("malformed_response", status, exception);
            }
        }
        else
        {
            // A 400 refuses the whole batch (an unknown property, a malformed id): sending it again cannot succeed.
            var category = HubSpotAnswers.Category(answer) ?? $"HTTP_{(int)status}";
            outcomes = [.. updates.Select(u => HubSpotAnswers.Failed(u.Id, category) with { Retryable = false })];
        }

        HubSpotLog.Wrote(logger, updates.Count, outcomes.Count(static o => !o.Success));
        return outcomes;
    }

    private static void CheckBatch<T>(IReadOnlyList<T> batch, string name)
    {
        ArgumentNullException.ThrowIfNull(batch, name);
        if (batch.Count > BatchLimit)
        {
            throw new ArgumentException($"HubSpot takes at most {BatchLimit} records a call; {batch.Count} were given.", name);
        }
    }

    /// <summary>
    /// One call through the pipeline. Returns the status and body of answers the caller interprets (2xx, 4xx other than
    /// 401, 403 and 429); everything else becomes a <see cref="CrmUnavailableException"/>.
    /// </summary>
    private async Task<(HttpStatusCode Status, byte[] Body)> SendAsync(string path, byte[] body, CancellationToken cancellationToken)
    {
        if (pacer.StoppedUntil is { } resumeAt)
        {
            throw new CrmUnavailableException(SystemName, "daily_limit", resumeAt);
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(new Uri(_options.BaseUrl.TrimEnd('/') + "/"), path))
        {
            Content = new ByteArrayContent(body) { Headers = { ContentType = new MediaTypeHeaderValue("application/json") } },
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _options.AccessToken);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));

        HttpResponseMessage response;
        try
        {
            response = await httpClientFactory.CreateClient(HubSpotRegistration.HttpClientName).SendAsync(request, cancellationToken);
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested
            && exception is HttpRequestException or TimeoutRejectedException or OperationCanceledException)
        {
            throw Unavailable("server_error", 0, exception);
        }

        using (response)
        {
            var status = response.StatusCode;
            byte[] answer;
            try
            {
                answer = await response.Content.ReadAsByteArrayAsync(cancellationToken);
            }
            catch (HttpRequestException exception)
            {
                throw Unavailable("server_error", status, exception);
            }

            switch (status)
            {
                case HttpStatusCode.TooManyRequests when HubSpotThrottle.IsDaily(HubSpotThrottle.Policy(answer)):
                    var until = pacer.StopForTheDay();
                    HubSpotLog.DailyLimit(logger, until);
                    throw new CrmUnavailableException(SystemName, "daily_limit", until);
                case HttpStatusCode.TooManyRequests:
                    throw Unavailable("rate_limited", status);
                case HttpStatusCode.Unauthorized:
                    throw Unavailable("unauthorized", status);
                case HttpStatusCode.Forbidden:
                    throw Unavailable("forbidden", status);
                case >= HttpStatusCode.InternalServerError or HttpStatusCode.RequestTimeout:
                    throw Unavailable("server_error", status);
                default:
                    return (status, answer);
            }
        }
    }

    private CrmUnavailableException Unavailable(string reason, HttpStatusCode status, Exception? inner = null)
    {
        HubSpotLog.Unavailable(logger, reason, (int)status);
        return new CrmUnavailableException(SystemName, reason, null, inner);
    }
}
