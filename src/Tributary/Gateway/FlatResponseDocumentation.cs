using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Tributary.Host.Flat;

namespace Tributary.Host.Gateway;

/// <summary>Endpoint metadata: the endpoint answers <c>200</c> with the flat answer of <see cref="FlatFields"/>.</summary>
internal sealed record FlatResponse;

/// <summary>
/// The flat answer in the OpenAPI document, built from the one field list, so configured custom fields
/// (<c>Providers:Http:&lt;Name&gt;:Mapping:&lt;field&gt;</c>) are documented like the standard ones.
/// </summary>
internal static class FlatResponseDocumentation
{
    public const string SchemaName = "FlatEnrichResponse";

    private const string Description =
        "The `/v1/enrich` answer: flat, because contact-center expressions cannot walk nested JSON, and with every member always present (`\"\"` or `0`, never null) so a flow's condition on a missing field cannot fail. Custom fields configured on a REST provider's mapping are strings.";

    public static RouteHandlerBuilder ProducesFlatAnswer(this RouteHandlerBuilder endpoint) =>
        endpoint.Produces(StatusCodes.Status200OK, contentType: "application/json").WithMetadata(new FlatResponse());

    /// <summary>Points the <c>200</c> of endpoints with <see cref="FlatResponse"/> at the schema.</summary>
    public static Task TransformOperationAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        if (!context.Description.ActionDescriptor.EndpointMetadata.OfType<FlatResponse>().Any())
        {
            return Task.CompletedTask;
        }

        operation.Responses ??= [];
        operation.Responses["200"] = new OpenApiResponse
        {
            Description = "OK",
            Content = new Dictionary<string, OpenApiMediaType>
            {
                ["application/json"] = new() { Schema = new OpenApiSchemaReference(SchemaName, context.Document) },
            },
        };
        return Task.CompletedTask;
    }

    /// <summary>Adds the schema: every field with its JSON type, then the members every answer has; all required.</summary>
    public static Task TransformDocumentAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        var fields = context.ApplicationServices.GetRequiredService<FlatFields>();
        var properties = new Dictionary<string, IOpenApiSchema>(StringComparer.Ordinal);
        foreach (var field in fields.All)
        {
            properties[field.Name] = field.Type == FlatFieldType.Number
                ? new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int64" }
                : new OpenApiSchema { Type = JsonSchemaType.String };
        }

        properties["confidence"] = new OpenApiSchema { Type = JsonSchemaType.Number, Format = "double", Description = "0–1." };
        properties["source"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "One provider's name, mixed, cache or none." };
        properties["partial"] = new OpenApiSchema { Type = JsonSchemaType.Boolean, Description = "True when some provider could not answer." };
        properties["requestId"] = new OpenApiSchema { Type = JsonSchemaType.String };
        properties["providers"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "provider:status:latency, separated by ';'." };

        document.Components ??= new OpenApiComponents();
        document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>(StringComparer.Ordinal);
        document.Components.Schemas[SchemaName] = new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            Required = new HashSet<string>(properties.Keys, StringComparer.Ordinal),
            Properties = properties,
            Description = Description,
        };

        // Schemas are listed by name, as the generator lists the others.
        var sorted = document.Components.Schemas.OrderBy(s => s.Key, StringComparer.Ordinal).ToArray();
        document.Components.Schemas.Clear();
        foreach (var (name, schema) in sorted)
        {
            document.Components.Schemas[name] = schema;
        }

        return Task.CompletedTask;
    }
}
