using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Tributary.Host.BatchPump;

/// <summary>The batch pump and the credit totals every batch run reports.</summary>
internal static class BatchPumpRegistration
{
    public static IServiceCollection AddBatchPump(this IServiceCollection services)
    {
        services.TryAddSingleton<EnrichmentPump>();
        services.TryAddSingleton<CreditTotals>();
        return services;
    }
}
