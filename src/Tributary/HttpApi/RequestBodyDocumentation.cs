using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Tributary.Host.HttpApi;

/// <summary>
/// Endpoint metadata naming the JSON body an endpoint reads itself. <c>Accepts&lt;T&gt;()</c> would also make routing
/// refuse bodies sent without <c>Content-Type: application/json</c> (415), and IVR tools and curl users often omit it.
/// </summary>
internal sealed record JsonRequestBody(Type Type, string Example);

/// <summary>Adds the request body schema and example of <see cref="JsonRequestBody"/> endpoints to the OpenAPI document.</summary>
internal static class RequestBodyDocumentation
{
    public static RouteHandlerBuilder DocumentsBody<T>(this RouteHandlerBuilder endpoint, string example) =>
        endpoint.WithMetadata(new JsonRequestBody(typeof(T), example));

    public static async Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        if (context.Description.ActionDescriptor.EndpointMetadata.OfType<JsonRequestBody>().FirstOrDefault() is not { } body)
        {
            return;
        }

        var schema = await context.GetOrCreateSchemaAsync(body.Type, cancellationToken: cancellationToken);
        operation.RequestBody = new OpenApiRequestBody
        {
            Required = true,
            Content = new Dictionary<string, OpenApiMediaType>
            {
                ["application/json"] = new() { Schema = schema, Example = JsonNode.Parse(body.Example) },
            },
        };
    }
}
