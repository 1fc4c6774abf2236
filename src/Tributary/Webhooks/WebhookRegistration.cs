using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Tributary.Host.Webhooks;

/// <summary>The webhook receivers' shared parts: the inbox that dedups and stores events, and their JSON.</summary>
internal static class WebhookRegistration
{
    public static IServiceCollection AddWebhooks(this IServiceCollection services)
    {
        services.TryAddSingleton<WebhookInbox>();
        services.ConfigureHttpJsonOptions(json => json.SerializerOptions.TypeInfoResolverChain.Add(WebhookJsonContext.Default));
        return services;
    }
}
