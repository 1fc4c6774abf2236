using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Polly.CircuitBreaker;
using Polly.Timeout;
using Tributary.Host.Flat;
using Tributary.Storage;

namespace Tributary.Host.Jobs;

/// <summary>
/// POSTs a finished job's status to its callback URL, signed, through a client whose resilience pipeline retries
/// failures with exponential backoff; records each attempt as it is made, then whether it was delivered. A destination the
/// connector refuses is recorded as <c>refused</c> and nothing else: how a connection failed never reaches the status.
/// </summary>
internal sealed class JobCallbackSender(IHttpClientFactory clients, IJobStore store, ILogger<JobCallbackSender> logger)
{
    public const string ClientName = "tributary-job-callbacks";

    // Written as GET /v1/jobs/{id} writes it (a time's '+' as it is, not \u002B), so the two read the same.
    private static readonly JsonSerializerOptions AsAnswered = new() { Encoder = FlatJsonWriter.Encoder };

    public async Task DeliverAsync(string id, CancellationToken cancellationToken)
    {
        if (await store.GetAsync(id, cancellationToken) is not { CallbackUrl: { } url } job)
        {
            return;
        }

        // The status as GET /v1/jobs/{id} has it, without the callback member: a receiver is the callback.
        var status = JsonSerializer.SerializeToNode(JobStatusResponse.Of(job), JobsJsonContext.Default.JobStatusResponse)!.AsObject();
        status.Remove("callback");
        var body = Encoding.UTF8.GetBytes(status.ToJsonString(AsAnswered));
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        var attempts = new CallbackAttempts(job.CallbackAttempts, (count, token) => store.RecordCallbackAsync(id, CallbackState.Pending, count, token));
        request.Options.Set(CallbackSigningHandler.Attempts, attempts);

        CallbackState state;
        try
        {
            using var response = await clients.CreateClient(ClientName).SendAsync(request, cancellationToken);
            state = response.IsSuccessStatusCode ? CallbackState.Delivered : CallbackState.Failed;
        }
        catch (HttpRequestException ex) when (CallbackRefusedException.IsRefusal(ex))
        {
            state = CallbackState.Refused;
        }
        catch (Exception ex) when (ex is HttpRequestException or TimeoutRejectedException or BrokenCircuitException
            || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            state = CallbackState.Failed;
        }

        await store.RecordCallbackAsync(id, state, attempts.Count, CancellationToken.None);
        JobsLog.CallbackDone(logger, id, state.ToString().ToLowerInvariant(), attempts.Count);
    }
}
