using Tributary.Host.HttpApi;

namespace Tributary.Host.Gateway;

/// <summary>Rejects calls without a valid gateway key (when keys are configured) before any work is done.</summary>
internal sealed class GatewayKeyFilter(GatewayKeys keys) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next) =>
        keys.IsValid(GatewayKeys.Presented(context.HttpContext.Request))
            ? await next(context)
            : Problems.Unauthorized(context.HttpContext);
}
