using System.Net;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Timeout;
using Tributary.Host.Crm;

namespace Tributary.Host.Salesforce;

/// <summary>Salesforce in the host: options (also for the webhook) and the CRM client.</summary>
internal static class SalesforceRegistration
{
    /// <summary>
    /// Binds and validates <c>Salesforce</c>; registers <see cref="SalesforceClient"/> as an <see cref="ICrmSystem"/> (beside
    /// any other CRM), which the pipeline uses once <c>Salesforce:ClientId</c> is set: both grants need it, so a login or
    /// instance URL alone cannot authenticate. The login and the REST calls each have an HTTP pipeline, outermost first: 5xx, 408, 429 and network
    /// retries with exponential backoff (<c>MaxAttempts</c>, <c>RetryBaseDelayMs</c>) → the attempt timeout → the wire.
    /// </summary>
    public static IServiceCollection AddSalesforce(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SalesforceOptions>().BindConfiguration(SalesforceOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SalesforceOptions>, SalesforceOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<SalesforceDailyLimit>();
        services.TryAddSingleton<SalesforceTokenSource>();
        services.TryAddSingleton<SalesforceApi>();
        services.TryAddSingleton<SalesforceClient>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ICrmSystem, SalesforceClient>(static sp => sp.GetRequiredService<SalesforceClient>()));
        AddPipeline(services, SalesforceApi.ClientName);
        AddPipeline(services, SalesforceTokenSource.LoginClientName);
        return services;
    }

    private static void AddPipeline(IServiceCollection services, string name) =>
        // The pipeline bounds every attempt; HttpClient's own 100 s would cut the retries short.
        services.AddHttpClient(name, static http => http.Timeout = Timeout.InfiniteTimeSpan).RemoveAllLoggers()
            .AddResilienceHandler(name, static (pipeline, context) =>
            {
                var options = context.ServiceProvider.GetRequiredService<IOptions<SalesforceOptions>>().Value;
                if (options.MaxAttempts > 1)
                {
                    pipeline.AddRetry(new HttpRetryStrategyOptions
                    {
                        MaxRetryAttempts = options.MaxAttempts - 1,
                        BackoffType = DelayBackoffType.Exponential,
                        UseJitter = true,
                        Delay = TimeSpan.FromMilliseconds(options.RetryBaseDelayMs),
                        ShouldRetryAfterHeader = true,
                        ShouldHandle = static args => ValueTask.FromResult(IsTransient(args.Outcome)),
                    });
                }

                pipeline.AddTimeout(TimeSpan.FromMilliseconds(options.TimeoutMs));
            });

    /// <summary>5xx, 408, 429 and failures to get an answer at all; other 4xx are final (a 401 is the session's, handled above the pipeline).</summary>
    private static bool IsTransient(Outcome<HttpResponseMessage> outcome) => outcome.Exception switch
    {
        null => outcome.Result is { } response
            && (response.StatusCode is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests || (int)response.StatusCode >= 500),
        HttpRequestException or TimeoutRejectedException => true,
        _ => false,
    };
}
