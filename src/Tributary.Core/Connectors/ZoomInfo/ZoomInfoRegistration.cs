using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Tributary.Providers;

namespace Tributary.Connectors.ZoomInfo;

public static class ZoomInfoRegistration
{
    /// <summary>Adds the ZoomInfo connector, configured from <c>Providers:ZoomInfo</c>.</summary>
    public static TributaryBuilder AddZoomInfo(this TributaryBuilder builder)
    {
        builder.Services.AddHttpClient(ZoomInfoTokenSource.AuthClientName, client => client.Timeout = TimeSpan.FromSeconds(10)).RemoveAllLoggers();
        builder.Services.AddSingleton<ZoomInfoTokenSource>();
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ZoomInfoOptions>, ZoomInfoOptionsValidator>());
        builder.AddProvider<ZoomInfoConnector, ZoomInfoOptions>(ZoomInfoConnector.ProviderName, "ZoomInfo", ZoomInfoRateLimits.Read, limits: ZoomInfoRateLimits.Defaults)
            .WithSandbox(ZoomInfoSandbox.Wiring);

        // A list binds from indexed keys (OutputFields:0=id); one comma-separated value, as the command line and
        // environment variables give it, binds to nothing, so it is read here.
        builder.Services.AddOptions<ZoomInfoOptions>().Configure<IConfiguration>((options, configuration) =>
        {
            var section = configuration.GetSection("Providers:ZoomInfo");
            options.OutputFields = section["OutputFields"] is { } fields ? [fields] : options.OutputFields;
            options.CompanyOutputFields = section["CompanyOutputFields"] is { } companyFields ? [companyFields] : options.CompanyOutputFields;
        });
        return builder;
    }
}
