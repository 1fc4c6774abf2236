using Tributary.Diagnostics;
using Tributary.Host.Pipeline;

namespace Tributary.Host.Dashboard;

/// <summary>
/// The store's backlog as gauges for alerting: staged records waiting for the pipeline and dead letters. Read from the
/// store every 15 s in the background, so a scrape of <c>/metrics</c> never waits on the database.
/// </summary>
internal sealed class StoreGauges : BackgroundService
{
    private static readonly TimeSpan Refresh = TimeSpan.FromSeconds(15);

    private readonly PipelineStatusReader _pipeline;
    private readonly TimeProvider _time;
    private readonly ILogger<StoreGauges> _logger;
    private long _staged;
    private long _deadLetters;

    public StoreGauges(PipelineStatusReader pipeline, EnrichmentMetrics metrics, TimeProvider time, ILogger<StoreGauges> logger)
    {
        _pipeline = pipeline;
        _time = time;
        _logger = logger;
        metrics.Meter.CreateObservableGauge("tributary_staged_records", () => Interlocked.Read(ref _staged), description: "Records staged for the pipeline, claimed or not.");
        metrics.Meter.CreateObservableGauge("tributary_dead_letters", () => Interlocked.Read(ref _deadLetters), description: "Dead letters waiting for an operator.");
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Refresh, _time);
        do
        {
            try
            {
                var status = await _pipeline.ReadAsync(stoppingToken);
                Interlocked.Exchange(ref _staged, status.Staged);
                Interlocked.Exchange(ref _deadLetters, status.DeadLetters);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                DashboardLog.GaugesFailed(_logger, exception);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
