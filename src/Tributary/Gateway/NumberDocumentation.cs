using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Tributary.Host.Gateway;

/// <summary>
/// Numbers documented as the JSON numbers the gateway writes. The web serializer defaults also read a number sent as a
/// string, which the generated schemas advertise as "integer or string" with a pattern; clients generated from that
/// would expect strings in answers that never carry them.
/// </summary>
internal static class NumberDocumentation
{
    public static Task TransformSchemaAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        if (schema.Type is { } kinds && kinds.HasFlag(JsonSchemaType.String)
            && (kinds.HasFlag(JsonSchemaType.Number) || kinds.HasFlag(JsonSchemaType.Integer)))
        {
            schema.Type = kinds & ~JsonSchemaType.String;
            schema.Pattern = null;
        }

        return Task.CompletedTask;
    }
}
