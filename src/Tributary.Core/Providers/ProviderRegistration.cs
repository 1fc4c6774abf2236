using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Tributary.Enrichment;
using Tributary.Resilience;

namespace Tributary.Providers;

/// <summary>What every connector's <c>AddXxx()</c> shares: options, runtime, HTTP pipeline, provider registration.</summary>
public static class ProviderRegistration
{
    /// <summary>Registers a provider under <paramref name="name"/> with settings from <c>Providers:&lt;section&gt;</c>.</summary>
    /// <param name="builder">The Tributary builder.</param>
    /// <param name="name">Lower-cased provider name.</param>
    /// <param name="section">Configuration section under <c>Providers</c> (e.g. <c>Clearbit</c>).</param>
    /// <param name="readSignal">Reads the provider's rate-limit headers.</param>
    /// <param name="isRetryable">Statuses worth a retry, when they differ from the usual transient ones.</param>
    /// <param name="limits">The provider's documented request limits. Default <see cref="RateLimitDefaults.Generic"/>.</param>
    public static TributaryBuilder AddProvider<TConnector, TOptions>(
        this TributaryBuilder builder,
        string name,
        string section,
        Func<HttpResponseMessage, DateTimeOffset, RateLimitSignal> readSignal,
        Func<HttpStatusCode, bool>? isRetryable = null,
        RateLimitDefaults? limits = null)
        where TConnector : class, IEnrichmentProvider
        where TOptions : ProviderOptions
    {
        builder.Sections.Add(section, typeof(TOptions));
        builder.Services.AddOptions<TOptions>()
            .BindConfiguration($"Providers:{section}")
            .ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<TOptions>>(new RangesValidator<TOptions>($"Providers:{section}"));
        builder.Services.AddSingleton<TConnector>();
        return builder.AddProvider(
            name,
            sp => sp.GetRequiredService<IOptions<TOptions>>().Value,
            sp => sp.GetRequiredService<TConnector>(),
            readSignal,
            isRetryable,
            limits);
    }

    /// <summary>
    /// Registers one provider instance from factories: its runtime (rate budget, circuit), its HTTP client named
    /// <paramref name="name"/> with the resilience pipeline, and the provider itself. Used directly by providers with
    /// several configured instances (the generic REST provider).
    /// </summary>
    public static TributaryBuilder AddProvider(
        this TributaryBuilder builder,
        string name,
        Func<IServiceProvider, ProviderOptions> options,
        Func<IServiceProvider, IEnrichmentProvider> provider,
        Func<HttpResponseMessage, DateTimeOffset, RateLimitSignal> readSignal,
        Func<HttpStatusCode, bool>? isRetryable = null,
        RateLimitDefaults? limits = null)
    {
        var services = builder.Services;
        services.AddKeyedSingleton(name, (sp, _) => new ProviderRuntime(
            name, options(sp), limits ?? RateLimitDefaults.Generic, sp.GetRequiredService<TimeProvider>(), sp.GetService<ISharedRateBudget>()));
        services.TryAddSingleton<ProviderApiVersions>();
        services.AddProviderHttpClient(name, readSignal, isRetryable)
            .AddHttpMessageHandler(sp => new ApiVersionHandler(name, options(sp).ApiVersion, sp.GetRequiredService<ProviderApiVersions>()))
            .AddHttpMessageHandler(() => new WarmupShortCircuit());
        services.AddSingleton(provider);
        return builder;
    }

    /// <summary>
    /// The shared settings' ranges, and a provider switched on without credentials: it would send every subject to the
    /// provider's API unauthenticated, to be refused call after call.
    /// </summary>
    private sealed class RangesValidator<TOptions>(string section) : IValidateOptions<TOptions>
        where TOptions : ProviderOptions
    {
        public ValidateOptionsResult Validate(string? name, TOptions options)
        {
            var failures = ProviderRanges.Failures(section, options).ToList();
            if (options.Enabled == true && !options.HasCredentials)
            {
                failures.Add($"{section}:Enabled is true, but its credentials are not set: set them, or leave Enabled unset (a provider with credentials is enabled).");
            }

            return failures.Count > 0 ? ValidateOptionsResult.Fail(failures) : ValidateOptionsResult.Success;
        }
    }
}
