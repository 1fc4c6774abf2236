using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Tributary.Host.HttpApi;

/// <summary>
/// Endpoint metadata naming the JSON body an endpoint reads itself. <c>Accepts&lt;T&gt;()</c> would also make routing
/// refuse bodies sent without <c>Content-Type: application/json</c> (415), and IVR tools and curl users often omit it.
/// </summary>
/// <param name="Shapes">The body's types; more than one when the body may take any of several shapes (<c>oneOf</c>).</param>
/// <param name="Example">A body as JSON.</param>
internal sealed record JsonRequestBody(IReadOnlyList<Type> Shapes, string Example);

/// <summary>Endpoint metadata naming the record type of a JSON-lines body (<c>application/x-ndjson</c>), one per line.</summary>
internal sealed record JsonLinesRequestBody(Type Line, string Example);

/// <summary>Adds the request bodies of <see cref="JsonRequestBody"/> and <see cref="JsonLinesRequestBody"/> endpoints to the OpenAPI document.</summary>
internal static class RequestBodyDocumentation
{
    public static RouteHandlerBuilder DocumentsBody<T>(this RouteHandlerBuilder endpoint, string example) =>
        endpoint.WithMetadata(new JsonRequestBody([typeof(T)], example));

    /// <summary>A body that is either a <typeparamref name="T1"/> or a <typeparamref name="T2"/>.</summary>
    public static RouteHandlerBuilder DocumentsBody<T1, T2>(this RouteHandlerBuilder endpoint, string example) =>
        endpoint.WithMetadata(new JsonRequestBody([typeof(T1), typeof(T2)], example));

    /// <summary>A body of JSON lines, each a <typeparamref name="T"/>; <paramref name="example"/> is the body's text.</summary>
    public static RouteHandlerBuilder DocumentsJsonLines<T>(this RouteHandlerBuilder endpoint, string example) =>
        endpoint.WithMetadata(new JsonLinesRequestBody(typeof(T), example));

    public static async Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var metadata = context.Description.ActionDescriptor.EndpointMetadata;
        var content = new Dictionary<string, OpenApiMediaType>();
        if (metadata.OfType<JsonRequestBody>().FirstOrDefault() is { } body)
        {
            var shapes = new List<IOpenApiSchema>();
            foreach (var shape in body.Shapes)
            {
                shapes.Add(await context.GetOrCreateSchemaAsync(shape, cancellationToken: cancellationToken));
            }

            var schema = shapes.Count == 1 ? shapes[0] : new OpenApiSchema { OneOf = shapes };
            content["application/json"] = new() { Schema = schema, Example = JsonNode.Parse(body.Example) };
        }

        if (metadata.OfType<JsonLinesRequestBody>().FirstOrDefault() is { } lines)
        {
            var schema = await context.GetOrCreateSchemaAsync(lines.Line, cancellationToken: cancellationToken);
            content["application/x-ndjson"] = new() { Schema = schema, Example = JsonValue.Create(lines.Example) };
        }

        if (content.Count > 0)
        {
            operation.RequestBody = new OpenApiRequestBody { Required = true, Content = content };
        }
    }
}
