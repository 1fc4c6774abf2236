using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace Tributary.Host.Pipeline;

/// <summary>Posts one alert for a run whose failure rate is above <see cref="AlertOptions.FailureRateThreshold"/>.</summary>
internal sealed class PipelineAlerts(IHttpClientFactory clients, IOptions<AlertOptions> options, ILogger<PipelineAlerts> logger)
{
    public const string ClientName = "tributary-alerts";

    private readonly AlertOptions _options = options.Value;

    /// <summary>True when <paramref name="run"/> calls for an alert.</summary>
    public bool IsDue(PipelineRun run) => run.Processed > 0 && run.FailureRate > _options.FailureRateThreshold;

    /// <summary>Sends the alert if one is due and a webhook is configured; a failure to send is logged, never thrown.</summary>
    public async Task SendIfDueAsync(PipelineRun run, CancellationToken cancellationToken)
    {
        if (!IsDue(run) || _options.WebhookUrl is not { } url)
        {
            return;
        }

        var text = string.Create(
            CultureInfo.InvariantCulture,
            $"Tributary pipeline run {run.Id}: {run.Failed} of {run.Processed} records failed ({run.FailureRate:P1}, threshold {_options.FailureRateThreshold:P1}). See GET /v1/dead-letters.");
        try
        {
            // A body of known length: some receivers read nothing from a chunked one.
            using var body = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(new AlertMessage(text), PipelineJsonContext.Default.AlertMessage));
            body.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
            using var response = await clients.CreateClient(ClientName).PostAsync(url, body, cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                PipelineLog.AlertFailed(logger, run.Id, $"HTTP {(int)response.StatusCode}");
                return;
            }

            PipelineLog.AlertSent(logger, run.Id, run.FailureRate);
        }
        catch (HttpRequestException exception)
        {
            PipelineLog.AlertFailed(logger, run.Id, exception.HttpRequestError.ToString());
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            PipelineLog.AlertFailed(logger, run.Id, "timeout");
        }
    }
}
