using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Tributary.Deadlines;
using Tributary.Privacy;
using Tributary.Providers;

namespace Tributary.Connectors.Http;

public static class HttpProviderRegistration
{
    internal const string SectionName = "Providers:Http";

    /// <summary>
    /// Adds one generic REST provider per section under <c>Providers:Http</c>, named after the section in lower case
    /// (<c>Providers:Http:Crm</c> → <c>crm</c>). A single instance may also sit directly in <c>Providers:Http</c>
    /// (named <c>http</c>). Instances are read from configuration once, here; one with <c>Enabled=false</c> is left out,
    /// so a half-written instance can be parked without failing validation at start.
    /// </summary>
    public static TributaryBuilder AddHttpProviders(this TributaryBuilder builder)
    {
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<HttpProviderOptions>, HttpProviderOptionsValidator>());
        builder.Sections.AddInstances("Http", typeof(HttpProviderOptions), IsSingleInstance);
        var section = builder.Configuration.GetSection(SectionName);
        if (IsSingleInstance(section))
        {
            return builder.AddHttpProvider("http", section);
        }

        foreach (var instance in section.GetChildren())
        {
            builder.AddHttpProvider(instance.Key.ToLowerInvariant(), instance);
        }

        return builder;
    }

    /// <summary>True when at least one enabled REST provider is configured: a real system to call, so no sandbox mode.</summary>
    public static bool AnyConfigured(IConfiguration configuration)
    {
        var section = configuration.GetSection(SectionName);
        IEnumerable<IConfigurationSection> instances = IsSingleInstance(section)
            ? [section]
            : section.GetChildren();
        return instances.Any(static instance => instance.GetValue<bool?>(nameof(HttpProviderOptions.Enabled)) != false);
    }

    private static bool IsSingleInstance(IConfigurationSection section) =>
        section[nameof(HttpProviderOptions.PathTemplate)] is not null || section[nameof(HttpProviderOptions.BaseUrl)] is not null;

    private static TributaryBuilder AddHttpProvider(this TributaryBuilder builder, string name, IConfigurationSection section)
    {
        if (section.GetValue<bool?>(nameof(HttpProviderOptions.Enabled)) == false)
        {
            return builder;
        }

        builder.Services.AddOptions<HttpProviderOptions>(name)
            .Bind(section)
            .Configure(options => options.SectionPath = section.Path)
            .ValidateOnStart();
        return builder.AddProvider(
            name,
            sp => OptionsOf(sp, name),
            sp => new HttpProviderConnector(
                name, OptionsOf(sp, name), sp.GetRequiredService<ProviderHttp>(), sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<SensitiveValueMasker>()),
            StandardRateLimits.Read);
    }

    private static HttpProviderOptions OptionsOf(IServiceProvider services, string name) =>
        services.GetRequiredService<IOptionsMonitor<HttpProviderOptions>>().Get(name);
}
