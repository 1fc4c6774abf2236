using Microsoft.AspNetCore.Http.Metadata;

namespace Tributary.Host.HttpApi;

/// <summary>
/// A query parameter given twice (<c>?domain=a.com&amp;domain=b.com</c>) is a 400 naming it, as a JSON member given
/// twice is: the framework would join the values with a comma and the endpoint would read neither.
/// </summary>
internal sealed class RepeatedQueryFilter : IEndpointFilter
{
    public ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        if (http.Request.Query.Count > 0 && http.GetEndpoint()?.Metadata.GetOrderedMetadata<IParameterBindingMetadata>() is { Count: > 0 } parameters)
        {
            foreach (var parameter in parameters)
            {
                if (http.Request.Query.TryGetValue(parameter.Name, out var values) && values.Count > 1)
                {
                    return ValueTask.FromResult<object?>(Problems.BadRequest(http, parameter.Name, $"'{parameter.Name}' is given {values.Count} times in the query string: give it once."));
                }
            }
        }

        return next(context);
    }
}
