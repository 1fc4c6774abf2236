namespace Tributary.Host.ProviderCallbacks;

/// <summary>The provider callback worker inside <c>serve</c>: a gateway applies the deliveries it receives at once.</summary>
internal sealed class ProviderCallbackService(ProviderCallbackWorker worker) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => worker.RunAsync(stoppingToken);
}
