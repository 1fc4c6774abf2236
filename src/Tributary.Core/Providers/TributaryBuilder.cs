using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Tributary.Enrichment;

namespace Tributary.Providers;

/// <summary>Returned by <c>AddTributary</c> so providers and backends can be chained onto it.</summary>
public sealed class TributaryBuilder(IServiceCollection services, IConfiguration configuration)
{
    public IServiceCollection Services { get; } = services;

    public IConfiguration Configuration { get; } = configuration;

    /// <summary>The sections under <c>Providers</c> the providers added read; any other is refused at start.</summary>
    public ProviderSections Sections { get; } = AddSections(services);

    /// <summary>The sandbox wiring of every built-in provider added, for the host's sandbox mode.</summary>
    public IList<ProviderSandbox> Sandboxes { get; } = [];

    /// <summary>
    /// Declares that the provider just added may answer a lookup later by calling back, and how its callbacks are
    /// verified and read (<c>POST /webhooks/providers/{name}</c>).
    /// </summary>
    public TributaryBuilder WithCallbacks<TCallbacks>()
        where TCallbacks : class, IProviderCallbacks
    {
        Services.TryAddEnumerable(ServiceDescriptor.Singleton<IProviderCallbacks, TCallbacks>());
        return this;
    }

    private static ProviderSections AddSections(IServiceCollection services)
    {
        // One list per container, however many builders are made on it.
        if (services.FirstOrDefault(static d => d.ServiceType == typeof(ProviderSections))?.ImplementationInstance is ProviderSections added)
        {
            return added;
        }

        var sections = new ProviderSections();
        services.AddSingleton(sections);
        services.AddOptions<ProviderSectionsOptions>().ValidateOnStart();
        services.AddSingleton<IValidateOptions<ProviderSectionsOptions>, ProviderSectionsValidator>();
        return sections;
    }

    /// <summary>Declares how the provider just added runs against its simulator.</summary>
    public TributaryBuilder WithSandbox(ProviderSandbox sandbox)
    {
        Sandboxes.Add(sandbox);
        return this;
    }
}
