using Microsoft.Extensions.Options;

namespace Tributary.Host.Pipeline;

/// <summary>The worker inside <c>serve</c> when <c>Pipeline:Enabled</c> (the default).</summary>
internal sealed class PipelineService(PipelineWorker worker, IOptions<PipelineOptions> options) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        options.Value.Enabled ? worker.RunAsync(stoppingToken) : Task.CompletedTask;
}
