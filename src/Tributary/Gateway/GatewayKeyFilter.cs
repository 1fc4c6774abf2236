using Tributary.Host.HttpApi;

namespace Tributary.Host.Gateway;

/// <summary>Rejects calls without a valid gateway key (when keys are configured) before any work is done.</summary>
internal sealed class GatewayKeyFilter(GatewayKeys keys) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var presented = GatewayKeys.Presented(context.HttpContext.Request);
        if (!keys.IsValid(presented))
        {
            return Problems.Unauthorized(context.HttpContext);
        }

        CallerKey.Set(context.HttpContext, keys.KeyId(presented));
        return await next(context);
    }
}
