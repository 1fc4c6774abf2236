using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Tributary.Providers;

/// <summary>Returned by <c>AddTributary</c> so providers and backends can be chained onto it.</summary>
public sealed class TributaryBuilder(IServiceCollection services, IConfiguration configuration)
{
    public IServiceCollection Services { get; } = services;

    public IConfiguration Configuration { get; } = configuration;
}
