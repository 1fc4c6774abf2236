using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.Options;
using Polly.Timeout;

namespace Tributary.Host.Genesys;

/// <summary>
/// The Genesys Cloud Platform API calls Tributary makes: participant attributes for a live conversation, and External
/// Contacts search, create and update. Every call goes through the <c>genesys</c> HTTP pipeline
/// (<see cref="GenesysRegistration"/>: retries, pacing, attempt timeout, token) and ends in a
/// <see cref="GenesysResult"/> rather than an exception: done, gone (404), or failed with a reason safe to log.
/// Only cancellation by the caller throws.
/// </summary>
internal sealed class GenesysClient(IHttpClientFactory clients, IOptions<GenesysOptions> options, TimeProvider time, ILogger<GenesysClient> logger)
{
    /// <summary>The named <see cref="HttpClient"/> of API calls.</summary>
    public const string ApiClientName = "genesys";

    /// <summary>Attempts made for one request, set on it by the retry strategy before each retry (absent: one).</summary>
    internal static readonly HttpRequestOptionsKey<int> AttemptsKey = new("Tributary.Genesys.Attempts");

    /// <summary>Requests sent again with a fresh token after a 401, set by <see cref="GenesysAuthHandler"/> (absent: none).</summary>
    internal static readonly HttpRequestOptionsKey<int> TokenRetriesKey = new("Tributary.Genesys.TokenRetries");

    /// <summary>The API a request calls, for the pacer (absent: participant attributes).</summary>
    internal static readonly HttpRequestOptionsKey<GenesysApi> ApiKey = new("Tributary.Genesys.Api");

    private static readonly MediaTypeHeaderValue Json = new("application/json");

    private readonly GenesysOptions _options = options.Value;

    /// <summary>
    /// <c>PATCH /api/v2/conversations/{conversationId}/participants/{participantId}/attributes</c> with
    /// <c>{"attributes": {…}}</c>: the keys are merged into the participant's attributes; every value is a string.
    /// </summary>
    public async Task<GenesysResult> PatchParticipantAttributesAsync(
        string conversationId, string participantId, IReadOnlyDictionary<string, string> attributes, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(conversationId);
        ArgumentException.ThrowIfNullOrWhiteSpace(participantId);
        ArgumentNullException.ThrowIfNull(attributes);
        var path = $"api/v2/conversations/{Uri.EscapeDataString(conversationId)}/participants/{Uri.EscapeDataString(participantId)}/attributes";
        var answer = await SendAsync(GenesysApi.ParticipantAttributes, "participant attributes", HttpMethod.Patch, path, AttributesBody(attributes), cancellationToken);
        return new GenesysResult(answer.Outcome, answer.Reason, answer.Status, answer.Attempts);
    }

    /// <summary><c>GET /api/v2/externalcontacts/contacts?q=</c>: the contacts matching <paramref name="query"/> (a phone, an email, a name), first page.</summary>
    public async Task<GenesysResult<IReadOnlyList<GenesysExternalContact>>> SearchExternalContactsAsync(string query, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(query);
        var answer = await SendAsync(GenesysApi.ExternalContacts, "external contacts search", HttpMethod.Get, $"api/v2/externalcontacts/contacts?q={Uri.EscapeDataString(query)}", null, cancellationToken);
        var read = Read(answer, GenesysJsonContext.Default.GenesysContactListing);
        return new GenesysResult<IReadOnlyList<GenesysExternalContact>>(read.Outcome, read.Value?.Entities ?? [], read.Reason, read.StatusCode, read.Attempts);
    }

    /// <summary><c>POST /api/v2/externalcontacts/contacts</c>: the contact as created (with its id).</summary>
    public async Task<GenesysResult<GenesysExternalContact>> CreateExternalContactAsync(GenesysExternalContact contact, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(contact);
        var body = JsonSerializer.SerializeToUtf8Bytes(contact with { Id = null }, GenesysJsonContext.Default.GenesysExternalContact);
        var answer = await SendAsync(GenesysApi.ExternalContacts, "external contact create", HttpMethod.Post, "api/v2/externalcontacts/contacts", body, cancellationToken);
        return Written(answer, GenesysJsonContext.Default.GenesysExternalContact);
    }

    /// <summary><c>PUT /api/v2/externalcontacts/contacts/{id}</c>: replaces the whole contact; Gone when it was deleted meanwhile.</summary>
    public async Task<GenesysResult<GenesysExternalContact>> UpdateExternalContactAsync(string id, GenesysExternalContact contact, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        ArgumentNullException.ThrowIfNull(contact);
        var body = JsonSerializer.SerializeToUtf8Bytes(contact with { Id = id }, GenesysJsonContext.Default.GenesysExternalContact);
        var answer = await SendAsync(GenesysApi.ExternalContacts, "external contact update", HttpMethod.Put, $"api/v2/externalcontacts/contacts/{Uri.EscapeDataString(id)}", body, cancellationToken);
        return Written(answer, GenesysJsonContext.Default.GenesysExternalContact);
    }

    private static byte[] AttributesBody(IReadOnlyDictionary<string, string> attributes)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteStartObject("attributes");
            foreach (var (key, value) in attributes)
            {
                writer.WriteString(key, value ?? string.Empty);
            }

            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        return buffer.ToArray();
    }

    private GenesysResult<T> Read<T>(Answer answer, JsonTypeInfo<T> type)
    {
        if (answer.Outcome != GenesysOutcome.Done)
        {
            return new GenesysResult<T>(answer.Outcome, default, answer.Reason, answer.Status, answer.Attempts);
        }

        try
        {
            return new GenesysResult<T>(GenesysOutcome.Done, JsonSerializer.Deserialize(answer.Body, type), null, answer.Status, answer.Attempts);
        }
        catch (JsonException)
        {
            GenesysLog.Failed(logger, typeof(T).Name, "malformed_response");
            return new GenesysResult<T>(GenesysOutcome.Failed, default, "malformed_response: the answer is not the JSON expected", answer.Status, answer.Attempts);
        }
    }

    /// <summary>
    /// A write Genesys confirmed is done whatever its body holds: the record as written when the body reads, else no
    /// value (an empty <c>204</c>, a shape of its own). Only a read fails on an answer it cannot use.
    /// </summary>
    private static GenesysResult<T> Written<T>(Answer answer, JsonTypeInfo<T> type)
    {
        if (answer.Outcome != GenesysOutcome.Done)
        {
            return new GenesysResult<T>(answer.Outcome, default, answer.Reason, answer.Status, answer.Attempts);
        }

        T? written;
        try
        {
            written = answer.Body.Length == 0 ? default : JsonSerializer.Deserialize(answer.Body, type);
        }
        catch (JsonException)
        {
            written = default;
        }

        return new GenesysResult<T>(GenesysOutcome.Done, written, null, answer.Status, answer.Attempts);
    }

    /// <summary>One call through the pipeline, its end told from the status or the exception.</summary>
    private async Task<Answer> SendAsync(GenesysApi api, string operation, HttpMethod method, string path, byte[]? body, CancellationToken cancellationToken)
    {
        var baseUrl = _options.ApiBaseUrl
            ?? throw new InvalidOperationException("Genesys Cloud is not configured: set Genesys:Region (or Genesys:BaseUrl), Genesys:ClientId and Genesys:ClientSecret.");
        using var request = new HttpRequestMessage(method, $"{baseUrl}/{path}");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        request.Options.Set(ApiKey, api);
        if (body is not null)
        {
            request.Content = new ByteArrayContent(body) { Headers = { ContentType = Json } };
        }

        var started = time.GetTimestamp();
        Answer answer;
        try
        {
            using var response = await clients.CreateClient(ApiClientName).SendAsync(request, cancellationToken);
            var content = await response.Content.ReadAsByteArrayAsync(cancellationToken);
            answer = Interpret(response, content, Attempts(request));
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (GenesysAuthenticationException ex)
        {
            answer = Answer.Failed($"login_refused: HTTP {ex.Status} from the login", ex.Status, Attempts(request));
        }
        catch (TimeoutRejectedException)
        {
            answer = Answer.Failed($"timeout: no answer within Genesys:TimeoutSeconds ({Attempts(request)} attempts)", null, Attempts(request));
        }
        catch (HttpRequestException ex)
        {
            answer = Answer.Failed($"network_error: {ex.HttpRequestError}", ex.StatusCode is { } status ? (int)status : null, Attempts(request));
        }

        switch (answer.Outcome)
        {
            case GenesysOutcome.Done:
                var elapsedMs = (long)time.GetElapsedTime(started).TotalMilliseconds;
                GenesysLog.Done(logger, operation, elapsedMs);
                break;
            case GenesysOutcome.Gone:
                GenesysLog.Gone(logger, operation);
                break;
            default:
                GenesysLog.Failed(logger, operation, answer.Reason!);
                break;
        }

        return answer;
    }

    /// <summary>Requests really sent: the pipeline's attempts, and each one sent again with a fresh token after a 401.</summary>
    private static int Attempts(HttpRequestMessage request) =>
        (request.Options.TryGetValue(AttemptsKey, out var attempts) ? attempts : 1)
        + (request.Options.TryGetValue(TokenRetriesKey, out var tokenRetries) ? tokenRetries : 0);

    private Answer Interpret(HttpResponseMessage response, byte[] content, int attempts)
    {
        var status = (int)response.StatusCode;
        if (response.IsSuccessStatusCode)
        {
            return new Answer(GenesysOutcome.Done, null, status, content, attempts);
        }

        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return new Answer(GenesysOutcome.Gone, "not_found", status, content, attempts);
        }

        var code = ErrorCode(content);
        var suffix = code is null ? string.Empty : $" ({code})";
        string reason;
        if (response.StatusCode == HttpStatusCode.TooManyRequests)
        {
            var wait = GenesysRateLimits.RetryDelay(response, time.GetUtcNow());
            reason = wait > TimeSpan.FromSeconds(_options.MaxRetryAfterSeconds)
                ? $"rate_limited: a wait of {wait.TotalSeconds:0} s (Retry-After, else inin-ratelimit-reset) is over Genesys:MaxRetryAfterSeconds ({_options.MaxRetryAfterSeconds} s){suffix}"
                : $"rate_limited: still 429 after {attempts} attempts{suffix}";
        }
        else
        {
            reason = response.StatusCode switch
            {
                HttpStatusCode.Unauthorized => $"unauthorized: the API refused a fresh token{suffix}",
                HttpStatusCode.Forbidden => $"forbidden: the OAuth client lacks a permission{suffix}",
                _ when status >= 500 => $"http_{status}: still failing after {attempts} attempts{suffix}",
                _ => $"http_{status}{suffix}",
            };
        }

        return Answer.Failed(reason, status, attempts);
    }

    /// <summary>Genesys's error <c>code</c> (e.g. <c>too.many.requests</c>), kept only when it looks like one: messages may carry data.</summary>
    private static string? ErrorCode(byte[] content)
    {
        try
        {
            var code = content.Length == 0 ? null : JsonSerializer.Deserialize(content, GenesysJsonContext.Default.GenesysErrorBody)?.Code;
            return code is { Length: > 0 and <= 80 } && code.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-') ? code : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    [DebuggerDisplay("{Outcome} {Status} {Reason}")]
    private readonly record struct Answer(GenesysOutcome Outcome, string? Reason, int? Status, byte[] Body, int Attempts)
    {
        public static Answer Failed(string reason, int? status, int attempts) => new(GenesysOutcome.Failed, reason, status, [], attempts);
    }
}
